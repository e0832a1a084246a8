// Adds to package-lock.json the entries of optional, platform-specific packages that
// npm left out (rollup's native binaries for other operating systems). The registry
// this project installs from does not carry every platform's binary of every
// version, npm drops the entries it cannot fetch, and `npm ci` then refuses the lock
// file ("Missing: @rollup/rollup-android-arm-eabi@ from lock file"). An entry with the
// exact version and the package's os/cpu/libc is all `npm ci` compares; npm skips
// such packages on other platforms without fetching them.
//
// Run after anything rewrites the lock file: `node scripts/complete-lockfile.mjs`.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;

function view(spec) {
  try {
    const out = execFileSync('npm', ['view', spec, '--json', 'version', 'dist.integrity', 'os', 'cpu', 'libc', 'license'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const parsed = JSON.parse(out);
    return Array.isArray(parsed) ? parsed[parsed.length - 1] : parsed;
  } catch {
    return undefined;
  }
}

let added = 0;
for (const [where, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = where === '' ? `node_modules/${name}` : `${where}/node_modules/${name}`;
    if (packages[nested] !== undefined || packages[`node_modules/${name}`] !== undefined) continue;
    const exact = view(`${name}@${version}`);
    const info = exact ?? view(name);
    if (info === undefined) throw new Error(`${name}: not in the registry at all`);
    const record = { version };
    if (exact !== undefined && exact['dist.integrity'] !== undefined) record.integrity = exact['dist.integrity'];
    if (info.cpu !== undefined) record.cpu = [].concat(info.cpu);
    if (entry.dev === true) record.dev = true;
    if (info.libc !== undefined) record.libc = [].concat(info.libc);
    if (info.license !== undefined) record.license = info.license;
    record.optional = true;
    if (info.os !== undefined) record.os = [].concat(info.os);
    packages[`node_modules/${name}`] = record;
    added += 1;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b, 'en'))));
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} optional platform package entr${added === 1 ? 'y' : 'ies'}`);
