import type { LlmRequest } from '@alphaswarm/core';
import type { ModelPrice } from '../cost/price-table.js';
import { costWithPrice } from '../cost/price-table.js';
import type { AgentCostCaps } from '../spec/agent-spec.js';

/** Characters per token assumed when a prompt is estimated before it is sent (a common rule of thumb for English text). */
export const CHARS_PER_TOKEN = 4;
/** Tokens assumed per message for role and framing. */
export const TOKENS_PER_MESSAGE = 4;

/**
 * Estimates the prompt tokens of a request before it is sent:
 * ⌈characters / {@link CHARS_PER_TOKEN}⌉ over message contents, tool-call arguments,
 * tool definitions and the response schema (as JSON text), plus
 * {@link TOKENS_PER_MESSAGE} per message. A projection, not a tokenizer count.
 */
export function estimatePromptTokens(request: LlmRequest): number {
  let chars = 0;
  for (const message of request.messages) {
    chars += message.content?.length ?? 0;
    if (message.role === 'assistant') for (const call of message.toolCalls ?? []) chars += call.name.length + call.arguments.length;
  }
  for (const tool of request.tools ?? []) chars += tool.name.length + tool.description.length + JSON.stringify(tool.parameters).length;
  if (request.responseFormat !== undefined) chars += JSON.stringify(request.responseFormat.schema).length;
  return Math.ceil(chars / CHARS_PER_TOKEN) + TOKENS_PER_MESSAGE * request.messages.length;
}

/** The verdict on a model call before it is made. */
export type CapCheck =
  | {
      /** The call may be made. */
      readonly ok: true;
      /** Projected tokens of the call: estimated prompt + `maxTokens`. */
      readonly projectedTokens: number;
      /** Worst-case cost of the call in USD at the projected tokens. */
      readonly projectedCostUsd: number;
    }
  | {
      /** The call is refused. */
      readonly ok: false;
      /** Which cap refuses it, with the numbers. */
      readonly reason: string;
    };

/**
 * Checks the cost caps before a model call: the projected tokens of the call
 * (estimated prompt + `maxTokens`) must not exceed `per_step_max_tokens`; the spend so
 * far must be below `per_run_max_usd`; and the spend plus the call's worst-case cost
 * must not exceed it.
 */
export function checkCaps(caps: AgentCostCaps, price: ModelPrice, spentUsd: number, request: LlmRequest): CapCheck {
  const promptTokens = estimatePromptTokens(request);
  const completionTokens = request.maxTokens ?? 0;
  const projectedTokens = promptTokens + completionTokens;
  if (projectedTokens > caps.per_step_max_tokens) {
    return {
      ok: false,
      reason: `cost cap: the next model call could use up to ${projectedTokens} tokens (about ${promptTokens} prompt + ${completionTokens} max_tokens), over per_step_max_tokens ${caps.per_step_max_tokens}`,
    };
  }
  if (spentUsd >= caps.per_run_max_usd) {
    return { ok: false, reason: `cost cap: spent ${usd(spentUsd)}, which reaches per_run_max_usd ${usd(caps.per_run_max_usd)}` };
  }
  const projectedCostUsd = costWithPrice({ promptTokens, completionTokens }, price);
  if (spentUsd + projectedCostUsd > caps.per_run_max_usd) {
    return {
      ok: false,
      reason: `cost cap: the next model call could cost up to ${usd(projectedCostUsd)}, which with ${usd(spentUsd)} spent would exceed per_run_max_usd ${usd(caps.per_run_max_usd)}`,
    };
  }
  return { ok: true, projectedTokens, projectedCostUsd };
}

/** Formats US dollars with up to 6 decimals: `$0.0125`. */
export function usd(amount: number): string {
  return `$${Number(amount.toFixed(6)).toString()}`;
}
