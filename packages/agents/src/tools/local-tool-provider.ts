import type { LlmToolDefinition } from '@alphaswarm/core';
import { InvalidArgumentError } from '@alphaswarm/core';
import { z } from 'zod';
import type { ToolCallResult, ToolProvider } from './tool-provider.js';

/** A plain function offered to agents as a tool. */
export interface LocalTool<S extends z.ZodType = z.ZodType> {
  /** Tool name: 1–64 of `[A-Za-z0-9_-]` (what OpenAI-compatible servers accept). */
  readonly name: string;
  /** What the tool does, for the model. */
  readonly description: string;
  /** zod schema of the arguments object; its JSON Schema (input side) is shown to the model. */
  readonly input: S;
  /**
   * The function, called with the parsed arguments. A string result is given to the
   * model as is; any other result as JSON text (and as `structured`). A throw or a
   * rejection becomes an `isError` result. (A method signature, so that a typed tool is
   * assignable to `LocalTool`.)
   */
  handler(args: z.output<S>): unknown;
}

/**
 * Types a tool definition: the handler's argument type is inferred from `input`.
 * Use it for tools passed to the {@link LocalToolProvider} constructor.
 */
export function defineTool<S extends z.ZodType>(tool: LocalTool<S>): LocalTool<S> {
  return tool;
}

const NAME = /^[A-Za-z0-9_-]{1,64}$/;

interface Registered {
  readonly definition: LlmToolDefinition;
  readonly input: z.ZodType;
  readonly handler: (args: unknown) => unknown;
}

/**
 * A {@link ToolProvider} of local functions with zod input schemas. The schema is
 * shown to the model as JSON Schema (`z.toJSONSchema`, input side, `$schema` removed)
 * and checked on every call: invalid arguments, unknown tools and throwing handlers
 * give an `isError` result naming the problem, never a throw.
 */
export class LocalToolProvider implements ToolProvider {
  private readonly tools = new Map<string, Registered>();

  /** @param tools - tools to register at once (see {@link defineTool}; same rules as {@link LocalToolProvider.register}) */
  constructor(tools: readonly LocalTool[] = []) {
    for (const tool of tools) this.register(tool);
  }

  /**
   * Adds a tool.
   *
   * @throws {@link @alphaswarm/core!InvalidArgumentError} for a bad or taken name, or an input schema that
   *   is not an object schema representable as JSON Schema
   */
  register<S extends z.ZodType>(tool: LocalTool<S>): this {
    if (typeof tool.name !== 'string' || !NAME.test(tool.name)) throw new InvalidArgumentError('tool.name', tool.name, 'a name of 1 to 64 letters, digits, _ or -');
    if (this.tools.has(tool.name)) throw new InvalidArgumentError('tool.name', tool.name, 'a name not registered yet');
    if (typeof tool.handler !== 'function') throw new InvalidArgumentError(`tools.${tool.name}.handler`, tool.handler, 'a function');
    let parameters: Record<string, unknown>;
    try {
      parameters = { ...z.toJSONSchema(tool.input, { io: 'input' }) } as Record<string, unknown>;
    } catch (error) {
      throw new InvalidArgumentError(`tools.${tool.name}.input`, undefined, `a zod schema representable as JSON Schema (${error instanceof Error ? error.message : String(error)})`);
    }
    delete parameters['$schema'];
    if (parameters['type'] !== 'object') throw new InvalidArgumentError(`tools.${tool.name}.input`, parameters['type'], 'an object schema (z.object)');
    const handler = (args: unknown): unknown => tool.handler(args as z.output<S>);
    this.tools.set(tool.name, { definition: { name: tool.name, description: tool.description, parameters }, input: tool.input, handler });
    return this;
  }

  /** The registered tools, in registration order. */
  listTools(): Promise<readonly LlmToolDefinition[]> {
    return Promise.resolve([...this.tools.values()].map((t) => t.definition));
  }

  /** Validates the arguments and runs the tool; never rejects. */
  async callTool(name: string, args: unknown): Promise<ToolCallResult> {
    const tool = this.tools.get(name);
    if (tool === undefined) return { content: `unknown tool ${JSON.stringify(name)}; available: ${[...this.tools.keys()].join(', ') || 'none'}`, isError: true };
    const parsed = tool.input.safeParse(args);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.length === 0 ? 'arguments' : issue.path.map(String).join('.')}: ${issue.message}`);
      return { content: `invalid arguments for ${name}: ${problems.join('; ')}`, isError: true };
    }
    let result: unknown;
    try {
      result = await tool.handler(parsed.data);
    } catch (error) {
      return { content: `${name} failed: ${error instanceof Error ? error.message : String(error)}`, isError: true };
    }
    if (typeof result === 'string') return { content: result, isError: false };
    let text: string | undefined;
    try {
      text = JSON.stringify(result);
    } catch (error) {
      return { content: `${name} returned a value that is not JSON: ${error instanceof Error ? error.message : String(error)}`, isError: true };
    }
    return { content: text ?? 'null', isError: false, structured: result };
  }
}
