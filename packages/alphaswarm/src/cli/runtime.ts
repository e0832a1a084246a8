import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { BotRuntime, KillSwitch, ProgressEmitter } from '@alphaswarm/core';
import { KubernetesTarget, SqlitePersistence } from '@alphaswarm/adapters';
import { createDefaultRegistry } from '../registry.js';
import { cliAgentConsultant } from './agents.js';

/** Default database: a SQLite file under `./.alphaswarm/`. */
export const DEFAULT_DB = '.alphaswarm/alphaswarm.db';

/** Options every command shares. */
export interface GlobalOptions {
  /** SQLite file path. */
  readonly db?: string;
  /** Project id. */
  readonly project?: string;
  /** Model price table file for agents. */
  readonly prices?: string;
}

/** A runtime over the SQLite file, with every shipped model and target; `close` releases the file. */
export interface CliRuntime {
  /** The runtime. */
  readonly runtime: BotRuntime;
  /** Its progress emitter. */
  readonly progress: ProgressEmitter;
  /** Its kill switch, halted on Ctrl-C. */
  readonly killSwitch: KillSwitch;
  /** Closes the database. */
  close(): Promise<void>;
}

/** Opens the database and builds the runtime. Ctrl-C halts the kill switch (a second Ctrl-C exits). */
export function openRuntime(options: GlobalOptions): CliRuntime {
  const path = resolve(options.db ?? DEFAULT_DB);
  mkdirSync(dirname(path), { recursive: true });
  const persistence = new SqlitePersistence({ path });
  const progress = new ProgressEmitter();
  const killSwitch = new KillSwitch();
  const runtime = new BotRuntime({
    persistence,
    registry: createDefaultRegistry(),
    projectId: options.project ?? 'default',
    progress,
    killSwitch,
    targets: [new KubernetesTarget()],
    agents: cliAgentConsultant(persistence, progress, killSwitch, options.prices === undefined ? {} : { pricesFile: options.prices }),
  });
  const onSigint = (): void => {
    if (killSwitch.isHalted) process.exit(130);
    killSwitch.halt('interrupted (Ctrl-C)');
  };
  process.on('SIGINT', onSigint);
  return {
    runtime,
    progress,
    killSwitch,
    close: async () => {
      process.off('SIGINT', onSigint);
      await persistence.close();
    },
  };
}
