import { tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { BarFrame, fromArrowIpc } from '../../src/data/index.js';
import { DataValidationError, InvalidArgumentError } from '../../src/errors.js';

const T0 = Date.UTC(2024, 0, 2);
const DAY = 86_400_000;
const frame = BarFrame.fromArrays({
  symbol: ['B', 'A', 'B'],
  timestamp: [T0, T0, T0 + DAY],
  open: [2, 1, 3],
  high: [2.5, 1.5, 3.5],
  low: [1.5, 0.5, 2.5],
  close: [2.25, 1.25, 3.25],
  volume: [20, 10, 30],
});

describe('fromArrowIpc', () => {
  it('reads the file format written by toIpc', () => {
    const bytes = frame.toIpc();
    // Arrow IPC file format: "ARROW1" magic at both ends.
    expect(new TextDecoder().decode(bytes.subarray(0, 6))).toBe('ARROW1');
    expect(new TextDecoder().decode(bytes.subarray(bytes.length - 6))).toBe('ARROW1');
    const copy = fromArrowIpc(bytes);
    expect(copy.symbols.map(String)).toEqual(['A', 'B']);
    expect(Array.from(copy.series('B').close)).toEqual([2.25, 3.25]);
  });

  it('reads the stream format and an ArrayBuffer', () => {
    const stream = tableToIPC(frame.toArrow(), 'stream');
    const buffer = stream.buffer.slice(stream.byteOffset, stream.byteOffset + stream.byteLength) as ArrayBuffer;
    expect(Array.from(fromArrowIpc(buffer).series('A').volume)).toEqual([10]);
  });

  it('gives byte-identical bytes for equal frames', () => {
    const again = BarFrame.fromArrow(frame.toArrow());
    expect(Buffer.from(again.toIpc()).equals(Buffer.from(frame.toIpc()))).toBe(true);
  });

  it('rejects bytes that are not Arrow IPC', () => {
    expect(() => fromArrowIpc(new TextEncoder().encode('date,open\n'), { file: 'bad.arrow' })).toThrow(DataValidationError);
    expect(() => fromArrowIpc(new Uint8Array(0))).toThrow(DataValidationError);
    expect(() => fromArrowIpc('text' as unknown as Uint8Array)).toThrow(InvalidArgumentError);
  });
});
