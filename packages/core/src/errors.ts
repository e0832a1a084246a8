/**
 * The typed error hierarchy of the SDK. Every error carries a stable string `code`
 * that callers can switch on, and where it concerns one input, the `path` of the
 * offending field and the offending `value`.
 *
 * @module
 */

/** Options shared by every {@link AlphaSwarmError}. */
export interface AlphaSwarmErrorOptions {
  /** Dotted path of the offending field, e.g. `strategy.kwargs.fast`. */
  readonly path?: string;
  /** The offending value, as received. */
  readonly value?: unknown;
  /** The underlying error, if any. */
  readonly cause?: unknown;
}

/** Base class of every error the SDK throws on purpose. */
export class AlphaSwarmError extends Error {
  /** Stable machine-readable code, e.g. `INVALID_SYMBOL`. */
  readonly code: string;
  /** Dotted path of the offending field, when the error concerns one input. */
  readonly path: string | undefined;
  /** The offending value, when the error concerns one input. */
  readonly value: unknown;

  /**
   * @param code - stable machine-readable code
   * @param message - human-readable explanation
   * @param options - path, value and cause
   */
  constructor(code: string, message: string, options: AlphaSwarmErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.path = options.path;
    this.value = options.value;
  }
}

/** Renders a value for an error message: strings quoted, everything else as JSON. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** An argument to a public function is out of its domain. Code `INVALID_ARGUMENT`. */
export class InvalidArgumentError extends AlphaSwarmError {
  /**
   * @param path - name of the argument or option, e.g. `periodsPerYear`
   * @param value - the value received
   * @param expected - what was expected, e.g. `a positive integer`
   */
  constructor(path: string, value: unknown, expected: string) {
    super('INVALID_ARGUMENT', `${path}: expected ${expected}, got ${describeValue(value)}`, { path, value });
  }
}

/** A symbol string could not be parsed. Code `INVALID_SYMBOL`. */
export class InvalidSymbolError extends AlphaSwarmError {
  /**
   * @param value - the string received
   * @param reason - why it is not a symbol
   */
  constructor(value: unknown, reason: string) {
    super('INVALID_SYMBOL', `invalid symbol ${describeValue(value)}: ${reason}`, { path: 'symbol', value });
  }
}

/** Where in a data source a {@link DataValidationError} was found. */
export interface DataLocation {
  /** File (or source name) being read. */
  readonly file?: string;
  /** Zero-based data row (the header is not counted). */
  readonly row?: number;
  /** Column name. */
  readonly column?: string;
}

/**
 * Market data failed validation. Names file, row, column and value. Code `INVALID_DATA`.
 * A source that raises it is not loaded at all: nothing is half-loaded.
 */
export class DataValidationError extends AlphaSwarmError {
  /** File or source name, when known. */
  readonly file: string | undefined;
  /** Zero-based data row, when known. */
  readonly row: number | undefined;
  /** Column name, when known. */
  readonly column: string | undefined;

  /**
   * @param reason - what is wrong, e.g. `high is below max(open, close)`
   * @param location - file, row and column
   * @param value - the offending value
   */
  constructor(reason: string, location: DataLocation, value?: unknown) {
    const where = [
      location.file === undefined ? undefined : location.file,
      location.row === undefined ? undefined : `row ${location.row}`,
      location.column === undefined ? undefined : `column ${location.column}`,
    ]
      .filter((part) => part !== undefined)
      .join(', ');
    const shown = value === undefined ? '' : ` (value ${describeValue(value)})`;
    super('INVALID_DATA', `${where === '' ? '' : `${where}: `}${reason}${shown}`, {
      path: location.column,
      value,
    });
    this.file = location.file;
    this.row = location.row;
    this.column = location.column;
  }
}

/** Work was refused or stopped because the kill switch is halted. Code `HALTED`. */
export class HaltedError extends AlphaSwarmError {
  /** @param reason - the reason given to `KillSwitch.halt` */
  constructor(reason: string) {
    super('HALTED', `halted: ${reason}`);
  }
}

/** A spec (BotSpec, AgentSpec, model kwargs) failed validation. Code `INVALID_SPEC`. */
export class SpecValidationError extends AlphaSwarmError {
  /**
   * @param path - dotted path of the offending field
   * @param message - what was expected and what was received
   * @param value - the offending value
   */
  constructor(path: string, message: string, value?: unknown) {
    super('INVALID_SPEC', path === '' ? message : `${path}: ${message}`, { path, value });
  }
}
