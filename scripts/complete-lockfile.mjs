// Adds to package-lock.json the entries of optional, platform-specific packages that
// npm left out of it (rollup's native binaries for other operating systems), reading
// their metadata from the registry. Without them `npm ci` refuses the lock file
// ("Missing: @rollup/rollup-… from lock file"). Run it after `npm install` changes
// the lock file: `node scripts/complete-lockfile.mjs`.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;
let added = 0;
for (const [where, entry] of Object.entries(packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const base = where === '' ? '' : `${where}/`;
    const key = `${base}node_modules/${name}`;
    if (packages[key] !== undefined || packages[`node_modules/${name}`] !== undefined) continue;
    const meta = JSON.parse(execFileSync('npm', ['view', `${name}@${range}`, '--json', 'version', 'dist.integrity', 'os', 'cpu', 'libc', 'license'], { encoding: 'utf8' }));
    const info = Array.isArray(meta) ? meta[meta.length - 1] : meta;
    const record = { version: info.version, integrity: info['dist.integrity'] };
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
const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
lock.packages = sorted;
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} optional platform package entr${added === 1 ? 'y' : 'ies'}`);
