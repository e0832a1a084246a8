import { readFile, readdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { DataValidationError, InvalidArgumentError, InvalidSymbolError } from '../errors.js';
import { SymbolId } from '../symbol-id.js';
import { BarFrame } from './bar-frame.js';
import type { CsvReadOptions } from './csv-bars.js';

/**
 * Reads bars from CSV text; the same as {@link BarFrame.fromCsv} (see there for the
 * format, and {@link CsvReadOptions} for `symbol`, `defaultSymbol` and `file`).
 *
 * @throws {@link DataValidationError} naming file, row, column and value.
 */
export function readCsv(text: string, options: CsvReadOptions = {}): BarFrame {
  return BarFrame.fromCsv(text, options);
}

/**
 * Reads one CSV file of bars (UTF-8). Without a `symbol` column, the rows belong to
 * `options.symbol` or else to the symbol named by the file name without its
 * extension (`data/AAPL.NASDAQ.csv` → `AAPL.NASDAQ`). With one, every row's symbol is
 * used (and must equal `options.symbol` when that is given). Errors name the path.
 *
 * @throws {@link InvalidArgumentError} when the file cannot be read.
 * @throws {@link DataValidationError} when its content is not valid bars.
 */
export async function loadCsvFile(path: string, options: { readonly symbol?: SymbolId | string } = {}): Promise<BarFrame> {
  const text = await readText(path);
  const defaultSymbol = basename(path, extname(path));
  return BarFrame.fromCsv(text, { file: path, symbol: options.symbol, defaultSymbol });
}

/**
 * Reads every `<SYMBOL>.csv` file of a directory (extension matched
 * case-insensitively; other entries are ignored) into one frame. Each file holds
 * one symbol, named by the file name; a `symbol` column, if present, must agree.
 * All or nothing: when any file is unreadable or invalid the whole load fails.
 *
 * @throws {@link InvalidArgumentError} when the directory cannot be read or holds no CSV file.
 * @throws {@link DataValidationError} on a file name that is not a symbol or a file that
 * is not valid bars (naming the file's path).
 */
export async function loadCsvDirectory(dir: string): Promise<BarFrame> {
  let names: string[];
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    names = entries.filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.csv')).map((entry) => entry.name);
  } catch (error) {
    throw new InvalidArgumentError('dir', dir, `a readable directory (${messageOf(error)})`);
  }
  if (names.length === 0) throw new InvalidArgumentError('dir', dir, 'a directory holding <SYMBOL>.csv files');
  names.sort();
  const frames: BarFrame[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const symbol = symbolOfFileName(name, path);
    frames.push(BarFrame.fromCsv(await readText(path), { file: path, symbol }));
  }
  return BarFrame.concat(frames);
}

/**
 * The symbol a `<SYMBOL>.csv` file name stands for.
 *
 * @throws {@link DataValidationError} when the name is not a symbol.
 * @internal
 */
export function symbolOfFileName(name: string, path: string): SymbolId {
  const text = name.slice(0, name.length - extname(name).length);
  try {
    return SymbolId.parse(text);
  } catch (error) {
    if (error instanceof InvalidSymbolError) {
      throw new DataValidationError(`file name is not a symbol: ${error.message}`, { file: path }, name);
    }
    throw error;
  }
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new InvalidArgumentError('path', path, `a readable file (${messageOf(error)})`);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
