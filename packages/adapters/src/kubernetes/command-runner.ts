import { spawn } from 'node:child_process';

/** The outcome of an external command. */
export interface CommandResult {
  /** Exit code (null when killed by a signal). */
  readonly code: number | null;
  /** Standard output. */
  readonly stdout: string;
  /** Standard error. */
  readonly stderr: string;
}

/** Runs an external command; injected so that tests and hosts control it. */
export interface CommandRunner {
  /** Runs `command args…` with `input` on standard input. */
  run(command: string, args: readonly string[], input?: string): Promise<CommandResult>;
}

/** Runs commands as child processes. */
export const spawnCommandRunner: CommandRunner = {
  run(command, args, input) {
    return new Promise((resolve, reject) => {
      const child = spawn(command, [...args], { stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
      child.stdin.end(input ?? '');
    });
  },
};
