import { tableFromIPC } from 'apache-arrow';
import type { Table } from 'apache-arrow';
import { DataValidationError, InvalidArgumentError } from '../errors.js';
import { BarFrame } from './bar-frame.js';
import type { BarSourceOptions } from './bar-frame.js';

/**
 * Reads bars from Arrow IPC bytes, in the file format (as written by
 * {@link BarFrame.toIpc}) or the stream format, then builds the frame as
 * {@link BarFrame.fromArrow} does (same columns, same validation).
 *
 * @throws {@link InvalidArgumentError} when `bytes` is not a `Uint8Array` or `ArrayBuffer`.
 * @throws {@link DataValidationError} when the bytes are not Arrow IPC or not valid bars.
 */
export function fromArrowIpc(bytes: Uint8Array | ArrayBuffer, options: BarSourceOptions = {}): BarFrame {
  const view: unknown = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes;
  if (!(view instanceof Uint8Array)) throw new InvalidArgumentError('bytes', bytes, 'a Uint8Array or ArrayBuffer');
  let table: Table;
  try {
    table = tableFromIPC(view);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DataValidationError(`not readable as Arrow IPC: ${reason}`, { file: options.file }, view.byteLength);
  }
  if (table.schema.fields.length === 0) {
    throw new DataValidationError('not readable as Arrow IPC: no schema', { file: options.file }, view.byteLength);
  }
  return BarFrame.fromArrow(table, options);
}
