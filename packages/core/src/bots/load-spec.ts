import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { AlphaSwarmError, SpecValidationError } from '../errors.js';
import { specErrorFromZod } from '../registry/zod-issue.js';
import { BotSpecSchema, type BotSpec } from './bot-spec.js';

/**
 * Validates a bot spec object. Errors name the path: `data_pipeline.seed: expected
 * number, got "x"`. Model kwargs are checked when the strategy is built
 * (see `buildAlgorithm`), against the registry.
 *
 * @throws {@link SpecValidationError}
 */
export function parseBotSpec(input: unknown): BotSpec {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new SpecValidationError('', `a bot spec must be a mapping of fields, got ${Array.isArray(input) ? 'a list' : String(input)}`, input);
  }
  const parsed = BotSpecSchema.safeParse(input);
  if (!parsed.success) throw specErrorFromZod(parsed.error, input);
  return parsed.data;
}

/**
 * Parses YAML text into a plain object. A syntax error names the source, line and column.
 *
 * @throws {@link SpecValidationError} with path `line L, column C`
 */
export function parseYaml(text: string, source = 'spec'): unknown {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const error = doc.errors[0];
  if (error !== undefined) {
    const pos = lineCounter.linePos(error.pos[0]);
    const where = `line ${pos.line}, column ${pos.col}`;
    throw new SpecValidationError(where, `${source}: YAML syntax error: ${error.message.split('\n')[0] ?? ''}`);
  }
  return doc.toJS();
}

/** Parses and validates a bot spec from YAML text. */
export function loadBotSpecYaml(text: string, source = 'spec'): BotSpec {
  return parseBotSpec(parseYaml(text, source));
}

/**
 * Reads a bot spec file.
 *
 * @throws {@link AlphaSwarmError} code `SPEC_NOT_FOUND` when the file cannot be read.
 */
export function loadBotSpecFile(path: string): BotSpec {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new AlphaSwarmError('SPEC_NOT_FOUND', `cannot read bot spec ${path}`, { path, cause });
  }
  return loadBotSpecYaml(text, path);
}

/** A bot spec template found in a directory. */
export interface BotTemplate {
  /** File path. */
  readonly path: string;
  /** The validated spec, when it validated. */
  readonly spec?: BotSpec;
  /** The validation error, when it did not. */
  readonly error?: AlphaSwarmError;
}

/** Scans `dir` for `*.yaml` / `*.yml` bot specs (not recursive), in file-name order. */
export function scanBotTemplates(dir: string): BotTemplate[] {
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort()
    .map((f) => {
      const path = join(dir, f);
      try {
        return { path, spec: loadBotSpecFile(path) };
      } catch (error) {
        if (error instanceof AlphaSwarmError) return { path, error };
        throw error;
      }
    });
}
