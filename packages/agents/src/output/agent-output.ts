import type { JsonSchemaIssue } from './json-schema-validator.js';
import { validateJsonSchema } from './json-schema-validator.js';

/** The result of checking a model's final reply: the output, or why it is malformed. */
export type OutputCheck =
  | {
      /** The reply satisfies the contract. */
      readonly ok: true;
      /** The output: the parsed JSON value, or the text. */
      readonly value: unknown;
    }
  | {
      /** The reply is malformed. */
      readonly ok: false;
      /** Why, one line per problem (`$.path: message` for schema errors). */
      readonly errors: readonly string[];
    };

/** The result of {@link parseJsonReply}: the value, or why the text is not JSON. */
export type JsonReply =
  | {
      /** The text is one JSON value. */
      readonly ok: true;
      /** The parsed value. */
      readonly value: unknown;
    }
  | {
      /** The text is not JSON. */
      readonly ok: false;
      /** Why, e.g. `the reply is not valid JSON (Unexpected token …)`. */
      readonly error: string;
    };

const FENCE = /^```[A-Za-z0-9_-]*[ \t]*\r?\n([\s\S]*?)\r?\n?```$/;

/**
 * Reads a JSON value from a model's reply text. Surrounding whitespace and one
 * Markdown code fence around the whole reply (```` ```json … ``` ````) are tolerated;
 * anything else must be exactly one JSON value.
 */
export function parseJsonReply(text: string): JsonReply {
  let body = text.trim();
  const fenced = FENCE.exec(body);
  if (fenced !== null) body = (fenced[1] ?? '').trim();
  if (body === '') return { ok: false, error: 'the reply is empty, expected a JSON value' };
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    return { ok: false, error: `the reply is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
}

/**
 * Checks a final reply against an agent's output contract. With a schema: the reply
 * must parse as JSON ({@link parseJsonReply}) and validate against the schema (errors
 * are `path: message`, at most 10). Without one: any non-blank text is the output.
 */
export function checkAgentOutput(content: string | null, schema: Readonly<Record<string, unknown>> | undefined): OutputCheck {
  const text = content ?? '';
  if (schema === undefined) {
    return text.trim() === '' ? { ok: false, errors: ['the reply is empty, expected a final answer as text'] } : { ok: true, value: text };
  }
  const parsed = parseJsonReply(text);
  if (!parsed.ok) return { ok: false, errors: [parsed.error] };
  const issues: JsonSchemaIssue[] = validateJsonSchema(parsed.value, schema);
  if (issues.length === 0) return { ok: true, value: parsed.value };
  const shown = issues.slice(0, 10).map((issue) => `${issue.path}: ${issue.message}`);
  if (issues.length > 10) shown.push(`… and ${issues.length - 10} more`);
  return { ok: false, errors: shown };
}
