// A minimal Parquet WRITER for tests only, so that the Parquet loader can be tested
// on files made here rather than on opaque binary fixtures (no Parquet writer is a
// dependency of the project). It writes what the format spec calls the simplest
// valid file: format version 1, flat schema, one PLAIN-encoded uncompressed data
// page (v1) per column chunk, definition levels (RLE) for optional columns, and the
// footer in the Thrift compact protocol. References: parquet-format's
// `parquet.thrift` and `Encodings.md`; Thrift's compact protocol spec.

/** One column of a test file. `null` entries need `optional: true`. */
export type ParquetColumn =
  | { name: string; type: 'DOUBLE'; values: readonly (number | null)[]; optional?: boolean }
  | { name: string; type: 'FLOAT'; values: readonly (number | null)[]; optional?: boolean }
  | {
      name: string;
      type: 'INT64';
      values: readonly (bigint | null)[];
      optional?: boolean;
      /** A logical TIMESTAMP type (unit), or none for a plain INT64. */
      timestamp?: 'MILLIS' | 'MICROS' | 'NANOS';
      /** Annotate the timestamp with the legacy converted type instead of the logical type. */
      legacy?: boolean;
    }
  | { name: string; type: 'INT32'; values: readonly (number | null)[]; optional?: boolean; date?: boolean }
  | { name: string; type: 'STRING'; values: readonly (string | null)[]; optional?: boolean };

// Thrift compact protocol type ids.
const T_TRUE = 1;
const T_FALSE = 2;
const T_I32 = 5;
const T_I64 = 6;
const T_BINARY = 8;
const T_LIST = 9;
const T_STRUCT = 12;

class CompactWriter {
  readonly bytes: number[] = [];
  private readonly lastField: number[] = [0];

  private byte(value: number): void {
    this.bytes.push(value & 0xff);
  }

  private varint(value: bigint): void {
    let v = value;
    for (;;) {
      if (v < 0x80n) {
        this.byte(Number(v));
        return;
      }
      this.byte(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
  }

  private zigzag(value: bigint): bigint {
    return value >= 0n ? value << 1n : (-value << 1n) - 1n;
  }

  private header(id: number, type: number): void {
    const last = this.lastField[this.lastField.length - 1]!;
    const delta = id - last;
    if (delta > 0 && delta <= 15) this.byte((delta << 4) | type);
    else {
      this.byte(type);
      this.varint(this.zigzag(BigInt(id)));
    }
    this.lastField[this.lastField.length - 1] = id;
  }

  i32(id: number, value: number): this {
    this.header(id, T_I32);
    this.varint(this.zigzag(BigInt(value)));
    return this;
  }

  i64(id: number, value: number | bigint): this {
    this.header(id, T_I64);
    this.varint(this.zigzag(BigInt(value)));
    return this;
  }

  bool(id: number, value: boolean): this {
    this.header(id, value ? T_TRUE : T_FALSE);
    return this;
  }

  string(id: number, value: string): this {
    this.header(id, T_BINARY);
    this.rawString(value);
    return this;
  }

  private rawString(value: string): void {
    const encoded = new TextEncoder().encode(value);
    this.varint(BigInt(encoded.length));
    for (const b of encoded) this.byte(b);
  }

  struct(id: number, body: (w: this) => void): this {
    this.header(id, T_STRUCT);
    this.inStruct(body);
    return this;
  }

  /** A struct's fields and stop byte (for the top level and list elements). */
  inStruct(body: (w: this) => void): this {
    this.lastField.push(0);
    body(this);
    this.byte(0);
    this.lastField.pop();
    return this;
  }

  private listHeader(size: number, elementType: number): void {
    if (size < 15) this.byte((size << 4) | elementType);
    else {
      this.byte(0xf0 | elementType);
      this.varint(BigInt(size));
    }
  }

  i32List(id: number, values: readonly number[]): this {
    this.header(id, T_LIST);
    this.listHeader(values.length, T_I32);
    for (const v of values) this.varint(this.zigzag(BigInt(v)));
    return this;
  }

  stringList(id: number, values: readonly string[]): this {
    this.header(id, T_LIST);
    this.listHeader(values.length, T_BINARY);
    for (const v of values) this.rawString(v);
    return this;
  }

  structList<T>(id: number, items: readonly T[], body: (w: this, item: T) => void): this {
    this.header(id, T_LIST);
    this.listHeader(items.length, T_STRUCT);
    for (const item of items) this.inStruct((w) => body(w, item));
    return this;
  }
}

const PHYSICAL = { DOUBLE: 5, FLOAT: 4, INT64: 2, INT32: 1, STRING: 6 } as const;

function plainValues(column: ParquetColumn, from: number, to: number): number[] {
  const out: number[] = [];
  const view = new DataView(new ArrayBuffer(8));
  const push = (count: number): void => {
    for (let i = 0; i < count; i++) out.push(view.getUint8(i));
  };
  for (let row = from; row < to; row++) {
    const value = column.values[row];
    if (value === null || value === undefined) continue;
    switch (column.type) {
      case 'DOUBLE':
        view.setFloat64(0, value as number, true);
        push(8);
        break;
      case 'FLOAT':
        view.setFloat32(0, value as number, true);
        push(4);
        break;
      case 'INT64':
        view.setBigInt64(0, value as bigint, true);
        push(8);
        break;
      case 'INT32':
        view.setInt32(0, value as number, true);
        push(4);
        break;
      case 'STRING': {
        const bytes = new TextEncoder().encode(value as string);
        view.setInt32(0, bytes.length, true);
        push(4);
        out.push(...bytes);
        break;
      }
    }
  }
  return out;
}

/** Definition levels (1 = present, 0 = null) as a length-prefixed RLE run list, bit width 1. */
function definitionLevels(column: ParquetColumn, from: number, to: number): number[] {
  const runs: number[] = [];
  let row = from;
  while (row < to) {
    const level = column.values[row] === null ? 0 : 1;
    let end = row;
    while (end < to && (column.values[end] === null ? 0 : 1) === level) end++;
    let header = (end - row) << 1; // RLE run: (count << 1) | 0, then the value in one byte
    while (header >= 0x80) {
      runs.push((header & 0x7f) | 0x80);
      header >>>= 7;
    }
    runs.push(header, level);
    row = end;
  }
  const length = runs.length;
  return [length & 0xff, (length >>> 8) & 0xff, (length >>> 16) & 0xff, (length >>> 24) & 0xff, ...runs];
}

/**
 * Writes a Parquet file of the given columns (all of the same length), split into
 * row groups of `rowGroupSize` rows.
 */
export function writeParquet(columns: readonly ParquetColumn[], rowGroupSize = Number.POSITIVE_INFINITY): Uint8Array {
  const rows = columns[0]?.values.length ?? 0;
  for (const column of columns) {
    if (column.values.length !== rows) throw new Error(`column ${column.name} has ${column.values.length} rows, expected ${rows}`);
  }
  const out: number[] = [...new TextEncoder().encode('PAR1')];
  const groups: { rows: number; chunks: { offset: number; size: number; values: number }[] }[] = [];
  const size = Math.max(1, Math.min(rowGroupSize, Math.max(rows, 1)));
  for (let from = 0; from < rows || (rows === 0 && groups.length === 0); from += size) {
    const to = Math.min(rows, from + size);
    const chunks: { offset: number; size: number; values: number }[] = [];
    for (const column of columns) {
      const body = [...(column.optional ? definitionLevels(column, from, to) : []), ...plainValues(column, from, to)];
      const header = new CompactWriter().inStruct((w) =>
        w
          .i32(1, 0) // DATA_PAGE
          .i32(2, body.length)
          .i32(3, body.length)
          .struct(5, (d) => d.i32(1, to - from).i32(2, 0).i32(3, 3).i32(4, 3)),
      ).bytes;
      chunks.push({ offset: out.length, size: header.length + body.length, values: to - from });
      out.push(...header, ...body);
    }
    groups.push({ rows: to - from, chunks });
    if (rows === 0) break;
  }
  const footer = new CompactWriter().inStruct((w) => {
    w.i32(1, 1);
    w.structList(2, [undefined, ...columns], (s, column) => {
      if (column === undefined) {
        s.string(4, 'schema').i32(5, columns.length);
        return;
      }
      s.i32(1, PHYSICAL[column.type]).i32(3, column.optional ? 1 : 0).string(4, column.name);
      if (column.type === 'STRING') s.i32(6, 0).struct(10, (l) => l.struct(1, () => undefined));
      if (column.type === 'INT32' && column.date) s.i32(6, 6).struct(10, (l) => l.struct(6, () => undefined));
      if (column.type === 'INT64' && column.timestamp !== undefined) {
        const unit = column.timestamp;
        if (column.legacy) s.i32(6, unit === 'MILLIS' ? 9 : 10);
        else {
          s.struct(10, (l) =>
            l.struct(8, (t) => t.bool(1, true).struct(2, (u) => u.struct(unit === 'MILLIS' ? 1 : unit === 'MICROS' ? 2 : 3, () => undefined))),
          );
        }
      }
    });
    w.i64(3, rows);
    w.structList(4, groups, (g, group) => {
      g.structList(1, group.chunks.map((chunk, index) => ({ chunk, column: columns[index]! })), (c, { chunk, column }) => {
        c.i64(2, chunk.offset).struct(3, (m) =>
          m
            .i32(1, PHYSICAL[column.type])
            .i32List(2, column.optional ? [0, 3] : [0])
            .stringList(3, [column.name])
            .i32(4, 0)
            .i64(5, chunk.values)
            .i64(6, chunk.size)
            .i64(7, chunk.size)
            .i64(9, chunk.offset),
        );
      });
      g.i64(2, group.chunks.reduce((sum, chunk) => sum + chunk.size, 0)).i64(3, group.rows);
    });
    w.string(6, 'alphaswarm test parquet writer');
  }).bytes;
  const length = footer.length;
  out.push(...footer, length & 0xff, (length >>> 8) & 0xff, (length >>> 16) & 0xff, (length >>> 24) & 0xff);
  out.push(...new TextEncoder().encode('PAR1'));
  return Uint8Array.from(out);
}
