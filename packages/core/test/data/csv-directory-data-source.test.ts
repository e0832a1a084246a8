import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CsvDirectoryDataSource } from '../../src/data/index.js';
import { DataValidationError, InvalidArgumentError } from '../../src/errors.js';

const HEADER = 'date,open,high,low,close,volume';
let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'alphaswarm-source-'));
  await writeFile(join(dir, 'AAA.csv'), `${HEADER}\n2024-01-02,1,1,1,1,1\n2024-01-03,2,2,2,2,2\n2024-01-04,3,3,3,3,3\n`);
  await writeFile(join(dir, 'BBB.csv'), `${HEADER}\n2024-01-03,5,5,5,5,5\n`);
  await writeFile(join(dir, 'BAD.csv'), `${HEADER}\n2024-01-03,5,4,5,5,5\n`);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('CsvDirectoryDataSource', () => {
  it('loads only the requested symbols within the inclusive range', async () => {
    const source = new CsvDirectoryDataSource(dir);
    const frame = await source.load({ symbols: ['BBB', 'AAA', 'BBB'], start: Date.UTC(2024, 0, 3), end: Date.UTC(2024, 0, 3) });
    expect(frame.symbols.map(String)).toEqual(['AAA', 'BBB']);
    expect(Array.from(frame.series('AAA').close)).toEqual([2]);
    expect(Array.from(frame.series('BBB').close)).toEqual([5]);
  });

  it('does not read files that were not requested', async () => {
    // BAD.csv is invalid, but it is not asked for.
    await expect(new CsvDirectoryDataSource(dir).load({ symbols: ['AAA'] })).resolves.toHaveProperty('length', 3);
    await expect(new CsvDirectoryDataSource(dir).load({ symbols: ['AAA', 'BAD'] })).rejects.toBeInstanceOf(DataValidationError);
  });

  it('finds a file with an upper-case .CSV extension', async () => {
    await writeFile(join(dir, 'CCC.CSV'), `${HEADER}\n2024-01-05,7,7,7,7,7\n`);
    const frame = await new CsvDirectoryDataSource(dir).load({ symbols: ['CCC'] });
    expect(Array.from(frame.series('CCC').close)).toEqual([7]);
  });

  it('rejects a symbol without a file and a malformed request', async () => {
    const source = new CsvDirectoryDataSource(dir);
    await expect(source.load({ symbols: ['ZZZ'] })).rejects.toThrow(/request\.symbols: expected a symbol with a file/);
    await expect(source.load({ symbols: [] })).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(() => new CsvDirectoryDataSource('')).toThrow(InvalidArgumentError);
  });
});
