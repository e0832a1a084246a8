import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCsvDirectory, loadCsvFile, readCsv } from '../../src/data/index.js';
import { DataValidationError, InvalidArgumentError } from '../../src/errors.js';

const HEADER = 'date,open,high,low,close,volume';
const AAA = `${HEADER}\n2024-01-02,10,11,9,10.5,100\n2024-01-03,10.5,12,10,11,200\n`;
const BBB = `${HEADER}\n2024-01-02,20,21,19,20.5,300\n`;

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'alphaswarm-csv-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readCsv', () => {
  it('reads CSV text like BarFrame.fromCsv', () => {
    const frame = readCsv(AAA, { symbol: 'AAA' });
    expect(Array.from(frame.series('AAA').volume)).toEqual([100, 200]);
  });
});

describe('loadCsvFile', () => {
  it('takes the symbol from the file name when the file has no symbol column', async () => {
    const path = join(dir, 'AAA.NASDAQ.csv');
    await writeFile(path, AAA);
    const frame = await loadCsvFile(path);
    expect(frame.symbols.map(String)).toEqual(['AAA.NASDAQ']);
    expect(Array.from(frame.series('AAA.NASDAQ').close)).toEqual([10.5, 11]);
  });

  it('uses the symbol option over the file name', async () => {
    const path = join(dir, 'prices.csv');
    await writeFile(path, AAA);
    expect((await loadCsvFile(path, { symbol: 'XYZ' })).symbols.map(String)).toEqual(['XYZ']);
  });

  it('names the path in validation errors', async () => {
    const path = join(dir, 'AAA.csv');
    await writeFile(path, `${HEADER}\n2024-01-02,10,11,9,10.5,100\n2024-01-02,10,11,9,10.5,100\n`);
    await expect(loadCsvFile(path)).rejects.toThrow(`${path}, row 1, column date: duplicate timestamp for symbol AAA`);
  });

  it('throws InvalidArgumentError for a file that cannot be read', async () => {
    await expect(loadCsvFile(join(dir, 'missing.csv'))).rejects.toBeInstanceOf(InvalidArgumentError);
  });
});

describe('loadCsvDirectory', () => {
  it('reads one <SYMBOL>.csv per symbol and ignores other entries', async () => {
    await writeFile(join(dir, 'BBB.csv'), BBB);
    await writeFile(join(dir, 'AAA.CSV'), AAA);
    await writeFile(join(dir, 'notes.txt'), 'not data');
    await mkdir(join(dir, 'sub.csv'));
    const frame = await loadCsvDirectory(dir);
    expect(frame.symbols.map(String)).toEqual(['AAA', 'BBB']);
    expect(frame.length).toBe(3);
    expect(Array.from(frame.series('BBB').open)).toEqual([20]);
  });

  it('fails whole when one file is invalid, naming that file', async () => {
    await writeFile(join(dir, 'AAA.csv'), AAA);
    await writeFile(join(dir, 'BBB.csv'), `${HEADER}\n2024-01-02,20,21,19,20.5,-1\n`);
    const error = await loadCsvDirectory(dir).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DataValidationError);
    expect([(error as DataValidationError).file, (error as DataValidationError).row, (error as DataValidationError).column]).toEqual([
      join(dir, 'BBB.csv'),
      0,
      'volume',
    ]);
  });

  it('rejects a symbol column that disagrees with the file name', async () => {
    await writeFile(join(dir, 'AAA.csv'), `symbol,${HEADER}\nBBB,2024-01-02,1,1,1,1,1\n`);
    await expect(loadCsvDirectory(dir)).rejects.toThrow(/symbol differs from the expected AAA/);
  });

  it('rejects a file name that is not a symbol', async () => {
    await writeFile(join(dir, 'my prices.csv'), AAA);
    await expect(loadCsvDirectory(dir)).rejects.toThrow(/file name is not a symbol/);
  });

  it('rejects a directory without CSV files, or that does not exist', async () => {
    await expect(loadCsvDirectory(dir)).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(loadCsvDirectory(join(dir, 'nope'))).rejects.toBeInstanceOf(InvalidArgumentError);
  });
});
