import type { LlmUsage } from '@alphaswarm/core';
import { AlphaSwarmError, InvalidArgumentError } from '@alphaswarm/core';
import { z } from 'zod';

/** The price of one model, in US dollars per one million tokens. */
export interface ModelPrice {
  /** USD per 1M prompt (input) tokens; finite and ≥ 0. */
  readonly inputPerMillionUsd: number;
  /** USD per 1M completion (output) tokens; finite and ≥ 0. */
  readonly outputPerMillionUsd: number;
}

/**
 * Prices by model name (exactly as the spec's `model.name`), in USD per 1M tokens.
 * Configure it per deployment: prices change, and local models (vLLM, Ollama) cost 0.
 */
export type PriceTable = Readonly<Record<string, ModelPrice>>;

const price = z.number({ error: 'a finite number ≥ 0 (USD per 1M tokens)' }).min(0, { error: 'a finite number ≥ 0 (USD per 1M tokens)' });
const PriceTableSchema = z.record(z.string().min(1), z.strictObject({ inputPerMillionUsd: price, outputPerMillionUsd: price }));

/** The model has no entry in the price table, so its cost (and the run's cost cap) cannot be computed. Code `UNKNOWN_MODEL_PRICE`. */
export class UnknownModelPriceError extends AlphaSwarmError {
  /** @param model - the model name that has no price */
  constructor(model: string) {
    super('UNKNOWN_MODEL_PRICE', `no price for model ${JSON.stringify(model)} in the price table (add it; local models cost 0)`, { path: 'model', value: model });
  }
}

/**
 * Validates a price table from outside (a config file).
 *
 * @throws {@link @alphaswarm/core!InvalidArgumentError} naming the entry, e.g. `priceTable["gpt-4o"].inputPerMillionUsd`
 */
export function parsePriceTable(input: unknown): PriceTable {
  const parsed = PriceTableSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  let path = 'priceTable';
  let value: unknown = input;
  for (const key of issue?.path ?? []) {
    path += typeof key === 'number' ? `[${key}]` : path === 'priceTable' ? `[${JSON.stringify(String(key))}]` : `.${String(key)}`;
    value = typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  }
  throw new InvalidArgumentError(path, value, issue?.message ?? 'a price table');
}

/**
 * The price of `model`, or `undefined` when the table has none (own entries only, so
 * names like `constructor` are never found on the prototype).
 */
export function priceOf(model: string, table: PriceTable): ModelPrice | undefined {
  return Object.hasOwn(table, model) ? table[model] : undefined;
}

/**
 * The cost in US dollars of the usage of one or more calls to `model`:
 * `promptTokens × inputPerMillionUsd / 1e6 + completionTokens × outputPerMillionUsd / 1e6`.
 *
 * @throws {@link UnknownModelPriceError} when the table has no price for `model`;
 *   {@link @alphaswarm/core!InvalidArgumentError} for negative or non-integer token counts
 */
export function costOf(usage: LlmUsage, model: string, table: PriceTable): number {
  const p = priceOf(model, table);
  if (p === undefined) throw new UnknownModelPriceError(model);
  return costWithPrice(usage, p);
}

/** {@link costOf} with a known price. */
export function costWithPrice(usage: LlmUsage, p: ModelPrice): number {
  if (!Number.isInteger(usage.promptTokens) || usage.promptTokens < 0) throw new InvalidArgumentError('usage.promptTokens', usage.promptTokens, 'a non-negative integer');
  if (!Number.isInteger(usage.completionTokens) || usage.completionTokens < 0) {
    throw new InvalidArgumentError('usage.completionTokens', usage.completionTokens, 'a non-negative integer');
  }
  return (usage.promptTokens * p.inputPerMillionUsd + usage.completionTokens * p.outputPerMillionUsd) / 1_000_000;
}
