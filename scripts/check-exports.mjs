// Checks every package's published shape: publint (package.json and files) and
// @arethetypeswrong/cli (types resolve under node10, node16 CJS/ESM and bundlers).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const root = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
let failed = 0;
for (const dir of root.workspaces) {
  for (const [cmd, args] of [
    ['npx', ['publint', '--strict', dir]],
    ['npx', ['attw', '--pack', dir, '--profile', 'node16', '--format', 'table-flipped']],
  ]) {
    try {
      const out = execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      process.stdout.write(`${dir}: ${args[0]} ok\n`);
      if (process.env.VERBOSE) process.stdout.write(out);
    } catch (error) {
      failed += 1;
      process.stdout.write(`${dir}: ${args[0]} FAILED\n${error.stdout ?? ''}${error.stderr ?? ''}\n`);
    }
  }
}
if (failed > 0) {
  process.stdout.write(`${failed} export check(s) failed\n`);
  process.exit(1);
}
