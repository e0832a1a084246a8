import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { fromParquet } from '../../src/data/index.js';
import { DataValidationError, InvalidArgumentError } from '../../src/errors.js';
import { writeParquet } from './support/parquet-writer.js';
import type { ParquetColumn } from './support/parquet-writer.js';

const T0 = Date.UTC(2024, 0, 2);
const DAY = 86_400_000;

/** Two daily bars of prices 10 and 11 with the given time column. */
function bars(time: ParquetColumn, extra: ParquetColumn[] = []): Uint8Array {
  return writeParquet([
    time,
    { name: 'open', type: 'DOUBLE', values: [10, 11] },
    { name: 'high', type: 'DOUBLE', values: [10.5, 11.5] },
    { name: 'low', type: 'DOUBLE', values: [9.5, 10.5] },
    { name: 'close', type: 'DOUBLE', values: [10.25, 11.25] },
    { name: 'volume', type: 'INT64', values: [100n, 200n] },
    ...extra,
  ]);
}

async function failure(run: () => Promise<unknown>): Promise<DataValidationError> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error instanceof DataValidationError) return error;
  throw new Error(`expected a DataValidationError, got ${String(error)}`);
}

describe('fromParquet', () => {
  it('reads a file written by hyparquet-writer (Snappy, dictionary symbols, TIMESTAMP_MILLIS)', async () => {
    const bytes = await readFile(new URL('./fixtures/bars-hyparquet-writer.parquet', import.meta.url));
    const frame = await fromParquet(bytes, { file: 'fixture' });
    // Expected values from fixtures/README.md.
    expect(frame.symbols.map(String)).toEqual(['AAA', 'BBB']);
    const aaa = frame.series('AAA');
    expect(Array.from(aaa.timestamp)).toEqual([T0, T0 + DAY, T0 + 2 * DAY]);
    expect(Array.from(aaa.open)).toEqual([10, 11, 12]);
    expect(Array.from(aaa.high)).toEqual([10.5, 11.5, 12.5]);
    expect(Array.from(aaa.low)).toEqual([9.5, 10.5, 11.5]);
    expect(Array.from(aaa.close)).toEqual([10.25, 11.25, 12.25]);
    expect(Array.from(aaa.volume)).toEqual([100, 110, 120]);
    expect(Array.from(frame.series('BBB').volume)).toEqual([200, 210, 220]);
  });

  it.each<[string, ParquetColumn]>([
    ['plain INT64 epoch ms', { name: 'timestamp', type: 'INT64', values: [BigInt(T0), BigInt(T0 + DAY)] }],
    ['TIMESTAMP(MILLIS)', { name: 'timestamp', type: 'INT64', values: [BigInt(T0), BigInt(T0 + DAY)], timestamp: 'MILLIS' }],
    ['TIMESTAMP(MICROS)', { name: 'timestamp', type: 'INT64', values: [BigInt(T0) * 1000n, BigInt(T0 + DAY) * 1000n], timestamp: 'MICROS' }],
    ['TIMESTAMP(NANOS)', { name: 'timestamp', type: 'INT64', values: [BigInt(T0) * 1_000_000n, BigInt(T0 + DAY) * 1_000_000n], timestamp: 'NANOS' }],
    ['legacy TIMESTAMP_MICROS', { name: 'timestamp', type: 'INT64', values: [BigInt(T0) * 1000n, BigInt(T0 + DAY) * 1000n], timestamp: 'MICROS', legacy: true }],
    // 2024-01-02 is day 19724 since the epoch (1704153600000 / 86400000).
    ['DATE', { name: 'date', type: 'INT32', values: [19724, 19725], date: true }],
    ['ISO date strings', { name: 'Date', type: 'STRING', values: ['2024-01-02', '2024-01-03'] }],
    ['DOUBLE epoch ms', { name: 'datetime', type: 'DOUBLE', values: [T0, T0 + DAY] }],
  ])('reads a %s time column', async (_label, time) => {
    const frame = await fromParquet(bars(time), { symbol: 'AAA' });
    const series = frame.series('AAA');
    expect(Array.from(series.timestamp)).toEqual([T0, T0 + DAY]);
    expect(Array.from(series.close)).toEqual([10.25, 11.25]);
    expect(Array.from(series.volume)).toEqual([100, 200]);
  });

  it('assembles several row groups in file order and accepts an ArrayBuffer', async () => {
    const n = 7;
    const times = Array.from({ length: n }, (_, k) => T0 + k * DAY);
    const prices = Array.from({ length: n }, (_, k) => 10 + k);
    const bytes = writeParquet(
      [
        { name: 'symbol', type: 'STRING', values: times.map(() => 'AAA') },
        { name: 'timestamp', type: 'DOUBLE', values: times },
        { name: 'open', type: 'DOUBLE', values: prices },
        { name: 'high', type: 'DOUBLE', values: prices },
        { name: 'low', type: 'DOUBLE', values: prices },
        { name: 'close', type: 'FLOAT', values: prices },
        { name: 'volume', type: 'INT32', values: prices },
      ],
      3,
    );
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const series = (await fromParquet(buffer)).series('AAA');
    expect(Array.from(series.timestamp)).toEqual(times);
    expect(Array.from(series.close)).toEqual(prices);
  });

  it('reads a Uint8Array that is a window into a larger buffer', async () => {
    const file = bars({ name: 'timestamp', type: 'DOUBLE', values: [T0, T0 + DAY] });
    const padded = new Uint8Array(file.length + 16);
    padded.set(file, 8);
    const frame = await fromParquet(padded.subarray(8, 8 + file.length), { symbol: 'AAA' });
    expect(frame.length).toBe(2);
  });

  it('names a null value with its row and column', async () => {
    const bytes = bars({ name: 'timestamp', type: 'DOUBLE', values: [T0, T0 + DAY] }, [
      { name: 'symbol', type: 'STRING', values: ['AAA', null], optional: true },
    ]);
    const error = await failure(() => fromParquet(bytes, { file: 'n.parquet' }));
    expect([error.file, error.row, error.column]).toEqual(['n.parquet', 1, 'symbol']);
    expect(error.message).toContain('missing value');
  });

  it('applies the bar rules with rows in file order', async () => {
    const bytes = bars({ name: 'timestamp', type: 'DOUBLE', values: [T0 + DAY, T0] });
    const error = await failure(() => fromParquet(bytes, { symbol: 'AAA', file: 'u.parquet' }));
    expect([error.file, error.row, error.column, error.value]).toEqual(['u.parquet', 1, 'timestamp', T0]);
  });

  it('names an unparsable date string', async () => {
    const bytes = bars({ name: 'date', type: 'STRING', values: ['2024-01-02', 'tomorrow'] });
    const error = await failure(() => fromParquet(bytes, { symbol: 'AAA' }));
    expect([error.row, error.column, error.value]).toEqual([1, 'date', 'tomorrow']);
  });

  it('requires every column, and a symbol when there is no symbol column', async () => {
    const noVolume = writeParquet([
      { name: 'timestamp', type: 'DOUBLE', values: [T0] },
      { name: 'open', type: 'DOUBLE', values: [1] },
      { name: 'high', type: 'DOUBLE', values: [1] },
      { name: 'low', type: 'DOUBLE', values: [1] },
      { name: 'close', type: 'DOUBLE', values: [1] },
    ]);
    expect((await failure(() => fromParquet(noVolume, { symbol: 'A' }))).column).toBe('volume');
    const anonymous = bars({ name: 'timestamp', type: 'DOUBLE', values: [T0, T0 + DAY] });
    expect((await failure(() => fromParquet(anonymous))).column).toBe('symbol');
  });

  it('rejects bytes that are not Parquet, and non-bytes', async () => {
    await failure(() => fromParquet(new TextEncoder().encode('date,open,high\n1,2,3\n')));
    await expect(fromParquet([1, 2, 3] as unknown as Uint8Array)).rejects.toBeInstanceOf(InvalidArgumentError);
  });
});
