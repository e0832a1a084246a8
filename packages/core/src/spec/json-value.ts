/**
 * A JSON value as the spec hash-lock and the persistence adapters accept it: `null`,
 * a boolean, a finite number, a well-formed string, an array of JSON values or a plain
 * object whose values are JSON values. `undefined`, functions, symbols, bigints, NaN,
 * ±Infinity, class instances (Date, Map, …) and cycles are not JSON values.
 */
export type JsonValue = null | boolean | number | string | JsonArray | JsonObject;

/** A JSON array: an ordered list of {@link JsonValue}s (no holes). */
export type JsonArray = readonly JsonValue[];

/** A JSON object: a plain object whose own enumerable string keys map to {@link JsonValue}s. */
export interface JsonObject {
  readonly [key: string]: JsonValue;
}
