import {
  DateDay,
  Float32,
  Float64,
  Int64,
  Table,
  TimestampMicrosecond,
  TimestampMillisecond,
  Utf8,
  makeData,
  makeVector,
  vectorFromArray,
} from 'apache-arrow';
import type { DataType, Vector } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { arrowToBarColumns } from '../../src/data/arrow-columns.js';
import { DataValidationError } from '../../src/errors.js';

const T0 = Date.UTC(2024, 0, 2);
const DAY = 86_400_000;

const float = (values: number[]) => makeVector(makeData({ type: new Float64(), length: values.length, nullCount: 0, data: Float64Array.from(values) }));

function table(time: Vector<DataType>, extra: Record<string, Vector<DataType>> = {}): Table {
  return new Table({
    symbol: vectorFromArray(['A', 'A'], new Utf8()),
    timestamp: time,
    open: float([1, 2]),
    high: float([1, 2]),
    low: float([1, 2]),
    close: float([1, 2]),
    volume: float([5, 6]),
    ...extra,
  });
}

describe('arrowToBarColumns', () => {
  it('reads Timestamp columns of any unit as epoch ms', () => {
    const millis = vectorFromArray([new Date(T0), new Date(T0 + DAY)], new TimestampMillisecond());
    expect(Array.from(arrowToBarColumns(table(millis), {}).columns.timestamp)).toEqual([T0, T0 + DAY]);
    const micros = vectorFromArray([new Date(T0), new Date(T0 + DAY)], new TimestampMicrosecond());
    expect(Array.from(arrowToBarColumns(table(micros), {}).columns.timestamp)).toEqual([T0, T0 + DAY]);
  });

  it('reads Date, Int64 and ISO-string time columns', () => {
    const days = vectorFromArray([new Date(T0), new Date(T0 + DAY)], new DateDay());
    expect(Array.from(arrowToBarColumns(table(days), {}).columns.timestamp)).toEqual([T0, T0 + DAY]);
    const ints = vectorFromArray([BigInt(T0), BigInt(T0 + DAY)], new Int64());
    expect(Array.from(arrowToBarColumns(table(ints), {}).columns.timestamp)).toEqual([T0, T0 + DAY]);
    const text = vectorFromArray(['2024-01-02', '2024-01-03T00:00:00Z'], new Utf8());
    expect(Array.from(arrowToBarColumns(table(text), {}).columns.timestamp)).toEqual([T0, T0 + DAY]);
  });

  it('reads Float32 and Int64 value columns', () => {
    const time = vectorFromArray([T0, T0 + DAY], new Float64());
    const { columns } = arrowToBarColumns(
      table(time, { close: vectorFromArray([1.5, 2.5], new Float32()), volume: vectorFromArray([7n, 8n], new Int64()) }),
      {},
    );
    expect(Array.from(columns.close)).toEqual([1.5, 2.5]);
    expect(Array.from(columns.volume)).toEqual([7, 8]);
  });

  it('names a null with its row and column', () => {
    const time = vectorFromArray([T0, T0 + DAY], new Float64());
    const withNull = table(time, { open: vectorFromArray([1, null], new Float64()) });
    try {
      arrowToBarColumns(withNull, { file: 'x.arrow' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DataValidationError);
      const e = error as DataValidationError;
      expect([e.file, e.row, e.column, e.message]).toEqual(['x.arrow', 1, 'open', 'x.arrow, row 1, column open: missing value (value null)']);
    }
  });

  it('names an unparsable time string', () => {
    const text = vectorFromArray(['2024-01-02', 'soon'], new Utf8());
    expect(() => arrowToBarColumns(table(text), {})).toThrow(/row 1, column timestamp: unparsable date \(value "soon"\)/);
  });

  it('rejects a null symbol', () => {
    const time = vectorFromArray([T0, T0 + DAY], new Float64());
    expect(() => arrowToBarColumns(table(time, { symbol: vectorFromArray(['A', null], new Utf8()) }), {})).toThrow(/row 1, column symbol/);
  });
});
