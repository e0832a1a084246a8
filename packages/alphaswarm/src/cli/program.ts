import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import { stringify } from 'yaml';
import { AlphaSwarmError, jsonSafe, loadBotSpecFile } from '@alphaswarm/core';
import { renderHtmlReport } from '../report/html-report.js';
import { EXIT } from './exit-codes.js';
import { registerMcpCommand } from './mcp-command.js';
import { registerPaperCommand } from './paper-command.js';
import { attachProgressBar } from './progress-bar.js';
import { openRuntime, type GlobalOptions } from './runtime.js';
import { botsTable, metricsTable, statisticsTable } from './tables.js';

/** Where the command writes; injectable for tests. */
export interface CliIo {
  /** Standard output. */
  readonly out: (text: string) => void;
  /** Standard error. */
  readonly err: (text: string) => void;
}

const defaultIo: CliIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

const looksLikeFile = (target: string): boolean => /\.ya?ml$/i.test(target) || existsSync(target);

function writeFile(path: string, content: string): void {
  mkdirSync(dirname(resolve(path)), { recursive: true });
  writeFileSync(path, content);
}

/** Builds the `alphaswarm` command. Each action resolves to an exit code. */
export function buildProgram(io: CliIo = defaultIo, setExit: (code: number) => void = (c) => (process.exitCode = c)): Command {
  const program = new Command('alphaswarm')
    .description('AlphaSwarm: backtest, version and deploy trading bots described in YAML.')
    .option('--db <path>', 'SQLite database file', '.alphaswarm/alphaswarm.db')
    .option('--project <id>', 'project id', 'default')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });

  const globals = (): GlobalOptions => program.opts<GlobalOptions>();

  program
    .command('list')
    .description('list the bots of the project')
    .option('--kind <kind>', 'only bots of this kind (trading, research)')
    .option('--json', 'print JSON')
    .action(async (opts: { kind?: string; json?: boolean }) => {
      const cli = openRuntime(globals());
      try {
        const bots = await cli.runtime.list(opts.kind === undefined ? {} : { kind: opts.kind });
        io.out(opts.json === true ? `${JSON.stringify(bots, null, 2)}\n` : bots.length === 0 ? 'no bots yet: run `alphaswarm backtest <spec.yaml>`\n' : `${botsTable(bots)}\n`);
      } finally {
        await cli.close();
      }
    });

  program
    .command('show <slug>')
    .description('show a bot, its versions and its deployments')
    .option('--yaml', 'print the current spec as YAML')
    .action(async (slug: string, opts: { yaml?: boolean }) => {
      const cli = openRuntime(globals());
      try {
        const bot = await cli.runtime.get(slug);
        if (bot === undefined) throw new AlphaSwarmError('BOT_NOT_FOUND', `no bot ${JSON.stringify(slug)}`, { path: 'slug', value: slug });
        if (opts.yaml === true) {
          io.out(stringify(bot.currentVersion.spec));
          return;
        }
        const versions = await cli.runtime.versions(slug);
        const deployments = await cli.runtime.deployments(slug);
        io.out(
          `${bot.name} (${bot.slug}) · ${bot.kind} · v${bot.currentVersion.version} · spec ${bot.currentVersion.specHash}\n` +
            `versions:\n${versions.map((v) => `  v${v.version}  ${v.specHash}  ${new Date(v.createdAt).toISOString()}`).join('\n')}\n` +
            `deployments:\n${deployments.map((d) => `  ${d.id}  ${d.kind}  ${d.status}  ${new Date(d.openedAt).toISOString()}`).join('\n') || '  none'}\n`,
        );
      } finally {
        await cli.close();
      }
    });

  program
    .command('backtest <spec>')
    .description('backtest a bot: a spec file (created or updated as a new version) or the slug of a stored bot')
    .option('--json <file>', 'write the summary as JSON')
    .option('--report <file>', 'write a self-contained HTML report')
    .option('--strict', 'exit with code 4 when a metric threshold fails')
    .option('--quiet', 'no progress output')
    .action(async (target: string, opts: { json?: string; report?: string; strict?: boolean; quiet?: boolean }) => {
      const cli = openRuntime(globals());
      const detach = opts.quiet === true ? () => undefined : attachProgressBar(cli.progress);
      try {
        let slug = target;
        let baseDir: string | undefined;
        if (looksLikeFile(target)) {
          const spec = loadBotSpecFile(target);
          const record = await cli.runtime.upsert(spec);
          slug = record.slug;
          baseDir = dirname(resolve(target));
          io.err(`${record.slug}: spec version v${record.currentVersion.version} (${record.currentVersion.specHash.slice(0, 12)})\n`);
        }
        const run = await cli.runtime.backtest(slug, baseDir);
        detach();
        const { result, summary } = run;
        io.out(`${run.version.spec && typeof run.version.spec === 'object' && 'name' in run.version.spec ? String(run.version.spec['name']) : slug} · ${result.bars.toLocaleString('en-US')} bars · ${result.fills.length} fills · ${result.trades.length} trades\n\n`);
        io.out(`${statisticsTable(result.statistics, result.finalEquity)}\n`);
        if (run.metrics.length > 0) io.out(`\n${metricsTable(run.metrics)}\n`);
        io.out(`\nspec hash      ${run.version.specHash}\nversion id     ${run.version.specVersionId}\nevent log hash ${result.eventLogHash}\ndeployment     ${run.deployment.id} (${run.deployment.status})\n`);
        if (opts.json !== undefined) {
          writeFile(opts.json, `${JSON.stringify(jsonSafe(summary), null, 2)}\n`);
          io.err(`wrote ${opts.json}\n`);
        }
        if (opts.report !== undefined) {
          writeFile(opts.report, renderHtmlReport(result, { title: `Backtest: ${slug}`, specHash: run.version.specHash, versionId: run.version.specVersionId, metrics: run.metrics }));
          io.err(`wrote ${opts.report}\n`);
        }
        if (result.halted) setExit(EXIT.interrupted);
        else if (opts.strict === true && !summary.metricsPassed) setExit(EXIT.metricsFailed);
      } finally {
        detach();
        await cli.close();
      }
    });

  program
    .command('deploy <slug>')
    .description("deploy a stored bot to a target (default: the spec's deployment.target)")
    .option('--target <target>', 'backtest_only, paper_session or kubernetes')
    .option('--out <dir>', 'with kubernetes: write the rendered manifests here')
    .action(async (slug: string, opts: { target?: string; out?: string }) => {
      const cli = openRuntime(globals());
      try {
        const target = opts.target as 'backtest_only' | 'paper_session' | 'kubernetes' | undefined;
        if (target !== undefined && !['backtest_only', 'paper_session', 'kubernetes'].includes(target)) {
          throw new AlphaSwarmError('INVALID_ARGUMENT', `--target: expected backtest_only, paper_session or kubernetes, got ${JSON.stringify(target)}`, { path: '--target', value: target });
        }
        const deployment = await cli.runtime.deploy(slug, target);
        const result = deployment.result as { manifests?: string; files?: Record<string, string> } | null;
        if (opts.out !== undefined && result?.files !== undefined) {
          for (const [name, content] of Object.entries(result.files)) writeFile(resolve(opts.out, name), content);
          io.err(`wrote ${Object.keys(result.files).length} manifest file(s) to ${opts.out}\n`);
        } else if (result?.manifests !== undefined) io.out(result.manifests);
        io.out(`deployment ${deployment.id}: ${deployment.kind} ${deployment.status}\n`);
      } finally {
        await cli.close();
      }
    });

  program
    .command('run <slug>')
    .description('run a bot as its deployment does (the pod entrypoint); --spec loads the spec first')
    .option('--spec <file>', 'spec file to create or update the bot from (default: $ALPHASWARM_SPEC when set)')
    .action(async (slug: string, opts: { spec?: string }) => {
      const cli = openRuntime(globals());
      try {
        const specFile = opts.spec ?? process.env['ALPHASWARM_SPEC'];
        if (specFile !== undefined && specFile !== '') await cli.runtime.upsert(loadBotSpecFile(specFile));
        const bot = await cli.runtime.bot(slug);
        const target = bot.spec.deployment.target === 'kubernetes' ? 'backtest_only' : bot.spec.deployment.target;
        const deployment = await cli.runtime.deploy(slug, target, specFile === undefined ? undefined : dirname(resolve(specFile)));
        io.out(`${JSON.stringify({ deployment: deployment.id, kind: deployment.kind, status: deployment.status })}\n`);
        if (deployment.status === 'halted') setExit(EXIT.interrupted);
      } finally {
        await cli.close();
      }
    });

  program
    .command('chat <spec> <question>')
    .description("ask a bot's agents a question: a spec file (created or updated as a new version) or a stored bot's slug; recorded as a chat deployment")
    .option('--prices <file>', 'JSON price table of the models (default: $ALPHASWARM_PRICES)')
    .option('--json', 'print the full answer as JSON')
    .action(async (target: string, question: string, opts: { prices?: string; json?: boolean }) => {
      const cli = openRuntime({ ...globals(), ...(opts.prices === undefined ? {} : { prices: opts.prices }) });
      try {
        let slug = target;
        let baseDir: string | undefined;
        if (looksLikeFile(target)) {
          slug = (await cli.runtime.upsert(loadBotSpecFile(target))).slug;
          baseDir = dirname(resolve(target));
        }
        const { deployment, answer } = await cli.runtime.chat(slug, question, baseDir);
        if (opts.json === true) io.out(`${JSON.stringify(jsonSafe(answer), null, 2)}\n`);
        else {
          const answers = (answer as { answers?: { agent: string; status: string; output: unknown }[] }).answers ?? [];
          for (const a of answers) io.out(`${a.agent} (${a.status}): ${typeof a.output === 'string' ? a.output : JSON.stringify(a.output)}\n`);
        }
        io.err(`deployment ${deployment.id} (${deployment.status})\n`);
      } finally {
        await cli.close();
      }
    });

  registerMcpCommand(program, globals, io.err);
  registerPaperCommand(program, globals, io, setExit);

  return program;
}

/** Maps an error to an exit code and a one-line message. */
export function exitCodeOf(error: unknown): number {
  if (error instanceof AlphaSwarmError) {
    if (error.code === 'BOT_NOT_FOUND' || error.code === 'SPEC_NOT_FOUND' || error.code === 'NOT_FOUND') return EXIT.notFound;
    if (['INVALID_SPEC', 'INVALID_ARGUMENT', 'UNKNOWN_MODEL', 'INVALID_SYMBOL', 'INVALID_DATA', 'UNKNOWN_TARGET', 'BOT_METHOD_NOT_SUPPORTED', 'NOT_AVAILABLE'].includes(error.code)) {
      return EXIT.invalidInput;
    }
    if (error.code === 'HALTED') return EXIT.interrupted;
  }
  return EXIT.failure;
}

/** Runs the command line; resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync([...argv]);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.invalidInput;
    const name = error instanceof AlphaSwarmError ? error.name : 'Error';
    io.err(`alphaswarm: ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return exitCodeOf(error);
  }
}
