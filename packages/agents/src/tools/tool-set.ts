import type { LlmToolDefinition } from '@alphaswarm/core';
import { SpecValidationError } from '@alphaswarm/core';
import type { ToolCallResult, ToolProvider } from './tool-provider.js';

interface Entry {
  readonly provider: ToolProvider;
  readonly definition: LlmToolDefinition;
}

/**
 * The tools of one agent run: the spec's tool names resolved across the runtime's
 * providers (the first provider that offers a name serves it). Calls never throw:
 * unknown tools, malformed arguments and provider failures become `isError` results.
 */
export class ToolSet {
  private constructor(private readonly entries: ReadonlyMap<string, Entry>) {}

  /**
   * Resolves `names` across `providers`, in provider order.
   *
   * @throws {@link @alphaswarm/core!SpecValidationError} (path `tools[i]`) for a name no provider offers
   */
  static async resolve(providers: readonly ToolProvider[], names: readonly string[]): Promise<ToolSet> {
    if (names.length === 0) return new ToolSet(new Map());
    const available = new Map<string, Entry>();
    for (const provider of providers) {
      for (const definition of await provider.listTools()) {
        if (!available.has(definition.name)) available.set(definition.name, { provider, definition });
      }
    }
    const entries = new Map<string, Entry>();
    names.forEach((name, i) => {
      const entry = available.get(name);
      if (entry === undefined) {
        const known = [...available.keys()];
        throw new SpecValidationError(`tools[${i}]`, `unknown tool ${JSON.stringify(name)}; the runtime's providers offer ${known.length === 0 ? 'none' : known.join(', ')}`, name);
      }
      entries.set(name, entry);
    });
    return new ToolSet(entries);
  }

  /** The definitions offered to the model, in spec order. */
  get definitions(): LlmToolDefinition[] {
    return [...this.entries.values()].map((e) => e.definition);
  }

  /** The tool names, in spec order. */
  get names(): string[] {
    return [...this.entries.keys()];
  }

  /** Calls a tool with the model's raw JSON arguments (empty text means `{}`). */
  async call(name: string, rawArguments: string): Promise<ToolCallResult> {
    const entry = this.entries.get(name);
    if (entry === undefined) return { content: `unknown tool ${JSON.stringify(name)}; available: ${this.names.join(', ') || 'none'}`, isError: true };
    let args: unknown;
    try {
      args = rawArguments.trim() === '' ? {} : (JSON.parse(rawArguments) as unknown);
    } catch (error) {
      return { content: `arguments of ${name} are not valid JSON (${error instanceof Error ? error.message : String(error)})`, isError: true };
    }
    try {
      return await entry.provider.callTool(name, args);
    } catch (error) {
      return { content: `${name} failed: ${error instanceof Error ? error.message : String(error)}`, isError: true };
    }
  }
}
