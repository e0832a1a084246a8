// Starts a throw-away PostgreSQL server for the test suite: Debian's binaries
// (/usr/lib/postgresql/<version>/bin), a fresh data directory in a temp folder, trust
// authentication, listening on 127.0.0.1 only at a free port. When the tests run as
// root, the server runs as the `postgres` user (initdb refuses root), through runuser.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A running server; `stop()` shuts it down and deletes its data directory. */
export interface PostgresServer {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` (trust auth, no password). */
  readonly connectionString: string;
  /** The TCP port on 127.0.0.1. */
  readonly port: number;
  /** Stops the server (fast shutdown) and removes its files. Idempotent. */
  stop(): void;
}

/** Where `initdb` and `pg_ctl` live, or a reason why no server can be started. */
export type PostgresBinaries = { readonly binDir: string } | { readonly missing: string };

const ROOT = '/usr/lib/postgresql';

/** Finds the newest Debian PostgreSQL installation (or `ALPHASWARM_PG_BIN`). */
export function findPostgresBinaries(): PostgresBinaries {
  const override = process.env['ALPHASWARM_PG_BIN'];
  const candidates: string[] = [];
  if (override !== undefined && override !== '') candidates.push(override);
  else if (existsSync(ROOT)) {
    const versions = readdirSync(ROOT)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => join(ROOT, v, 'bin')));
  }
  for (const binDir of candidates) {
    if (existsSync(join(binDir, 'initdb')) && existsSync(join(binDir, 'pg_ctl'))) return { binDir };
  }
  return {
    missing: `PostgreSQL server binaries not found (looked for initdb and pg_ctl in ${
      candidates.length === 0 ? `${ROOT}/*/bin` : candidates.join(', ')
    }); install them with scripts/install-system-deps.sh`,
  };
}

/** A free TCP port on 127.0.0.1 (bound and released, so it is free right now). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function userIds(name: string): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/**
 * Runs initdb and pg_ctl start in a new temp directory and waits until the server
 * accepts connections. The server is also stopped when the process exits, so an
 * aborted test run does not leave it behind.
 */
export async function startPostgresServer(binDir: string): Promise<PostgresServer> {
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'alphaswarm-pg-'));
  const data = join(dir, 'data');
  const owner = asRoot ? userIds('postgres') : undefined;
  if (owner !== undefined) chownSync(dir, owner.uid, owner.gid);
  const exec = (tool: string, args: string[]): void => {
    const command = asRoot ? 'runuser' : join(binDir, tool);
    const argv = asRoot ? ['-u', 'postgres', '--', join(binDir, tool), ...args] : args;
    execFileSync(command, argv, { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir });
  };

  exec('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  const settings = [
    '-c listen_addresses=127.0.0.1',
    `-c port=${port}`,
    `-c unix_socket_directories=${dir}`,
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=50',
  ].join(' ');
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stop);
    try {
      exec('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    } catch {
      // Not running (start failed, or stopped already): nothing to stop.
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', stop);
  try {
    exec('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', settings, '-w', '-t', '60', 'start']);
  } catch (error) {
    stop();
    throw error;
  }
  return { connectionString: `postgres://postgres@127.0.0.1:${port}/postgres`, port, stop };
}
