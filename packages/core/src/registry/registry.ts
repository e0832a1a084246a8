import { z } from 'zod';
import { AlphaSwarmError, InvalidArgumentError, SpecValidationError, describeValue } from '../errors.js';
import { specErrorFromZod } from './zod-issue.js';

/** The pipeline stage a registered model serves (or `algorithm` for a whole algorithm). */
export type ModelKind = 'universe' | 'alpha' | 'portfolio' | 'risk' | 'execution' | 'pretrade' | 'algorithm' | 'other';

/**
 * A reference to a model in a spec: a registered class name and its keyword
 * arguments. `module_path` (from older specs) is accepted and ignored: classes
 * resolve only through the registry, never by loading code from a path.
 */
export interface ModelSpec {
  /** Registered name, usually the class name, e.g. `DualMACrossoverAlpha`. */
  readonly class: string;
  /** Keyword arguments, validated by the model's schema. */
  readonly kwargs?: Readonly<Record<string, unknown>>;
  /** Ignored; accepted for compatibility with older specs. */
  readonly module_path?: string;
}

/** zod schema of a {@link ModelSpec}. */
export const ModelSpecSchema = z
  .object({
    class: z.string().min(1),
    kwargs: z.record(z.string(), z.unknown()).optional(),
    module_path: z.string().optional(),
  })
  .strict();

/** Builds a model from validated kwargs; `create` builds nested model specs (with their path below `kwargs`). */
export type ModelFactory<K, T> = (kwargs: K, create: (spec: unknown, path: string) => unknown) => T;

/** One registered model. */
export interface RegisteredModel {
  /** The registered name. */
  readonly name: string;
  /** The stage it serves. */
  readonly kind: ModelKind;
  /** One-line description. */
  readonly description: string;
  /** zod schema of its kwargs. */
  readonly schema: z.ZodType;
}

interface Entry extends RegisteredModel {
  readonly factory: ModelFactory<unknown, unknown>;
}

/** A spec named a class that is not registered. Code `UNKNOWN_MODEL`; lists the closest names. */
export class UnknownModelError extends AlphaSwarmError {
  /** The closest registered names, best first. */
  readonly suggestions: readonly string[];

  /**
   * @param path - dotted path of the `class` field in the spec
   * @param name - the unknown name
   * @param suggestions - closest registered names
   */
  constructor(path: string, name: string, suggestions: readonly string[]) {
    const hint = suggestions.length === 0 ? '' : `; did you mean ${suggestions.map((s) => JSON.stringify(s)).join(', ')}?`;
    super('UNKNOWN_MODEL', `${path === '' ? '' : `${path}: `}unknown model class ${describeValue(name)}${hint}`, { path, value: name });
    this.suggestions = suggestions;
  }
}

/**
 * The registry through which specs name models. A model is registered with a name,
 * a factory and a zod schema of its kwargs; `create({class, kwargs})` validates the
 * kwargs and builds it. Nothing is ever loaded by path. Registration is explicit
 * (each package exports a `register…Models(registry)` function), so importing a
 * package has no side effect.
 */
export class ModelRegistry {
  private readonly entries = new Map<string, Entry>();

  /**
   * Registers a model under `name`.
   *
   * @throws {@link InvalidArgumentError} when the name is already taken.
   */
  register<S extends z.ZodType, T>(
    name: string,
    factory: ModelFactory<z.output<S>, T>,
    kwargsSchema: S,
    meta: { kind?: ModelKind; description?: string } = {},
  ): this {
    if (this.entries.has(name)) throw new InvalidArgumentError('name', name, 'a name not registered yet');
    this.entries.set(name, {
      name,
      kind: meta.kind ?? 'other',
      description: meta.description ?? '',
      schema: kwargsSchema,
      factory: factory as ModelFactory<unknown, unknown>,
    });
    return this;
  }

  /** True when `name` is registered. */
  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** Registered names, sorted; of one kind when given. */
  names(kind?: ModelKind): string[] {
    return [...this.entries.values()]
      .filter((e) => kind === undefined || e.kind === kind)
      .map((e) => e.name)
      .sort();
  }

  /** What is registered under `name`, or `undefined`. */
  describe(name: string): RegisteredModel | undefined {
    const e = this.entries.get(name);
    return e === undefined ? undefined : { name: e.name, kind: e.kind, description: e.description, schema: e.schema };
  }

  /**
   * Builds the model a spec names. `path` is the spec path of `spec`, used in errors
   * (`strategy.kwargs.alpha_model`).
   *
   * @throws {@link SpecValidationError} when the spec or its kwargs do not validate,
   * naming the full path; {@link UnknownModelError} for an unregistered class.
   */
  create<T = unknown>(spec: unknown, path = ''): T {
    const parsed = ModelSpecSchema.safeParse(spec);
    if (!parsed.success) {
      if (spec === null || typeof spec !== 'object') {
        throw new SpecValidationError(path, `expected a model spec {class, kwargs}, got ${describeValue(spec)}`, spec);
      }
      throw specErrorFromZod(parsed.error, spec, path);
    }
    const { class: name, kwargs = {} } = parsed.data;
    const entry = this.entries.get(name);
    const at = (rel: string): string => [path, rel].filter((p) => p !== '').join('.');
    if (entry === undefined) throw new UnknownModelError(at('class'), name, this.closest(name));
    const checked = entry.schema.safeParse(kwargs);
    if (!checked.success) throw specErrorFromZod(checked.error, kwargs, at('kwargs'));
    return entry.factory(checked.data, (nested, nestedPath) => this.create(nested, at(`kwargs.${nestedPath}`))) as T;
  }

  /** Up to three registered names closest to `name` (edit distance, case-insensitive). */
  closest(name: string): string[] {
    const target = name.toLowerCase();
    return [...this.entries.keys()]
      .map((candidate) => ({ candidate, d: editDistance(target, candidate.toLowerCase()) }))
      .filter(({ candidate, d }) => d <= Math.max(3, Math.floor(candidate.length / 2)) || candidate.toLowerCase().includes(target))
      .sort((a, b) => a.d - b.d || a.candidate.localeCompare(b.candidate))
      .slice(0, 3)
      .map(({ candidate }) => candidate);
  }
}

/** Levenshtein distance. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}
