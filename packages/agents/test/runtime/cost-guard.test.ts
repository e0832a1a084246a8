import type { LlmRequest } from '@alphaswarm/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCaps, estimatePromptTokens, usd } from '../../src/runtime/cost-guard.js';

const request: LlmRequest = {
  model: 'm',
  messages: [
    { role: 'system', content: 'abcd' },
    { role: 'user', content: 'efghefgh' },
  ],
  maxTokens: 100,
};
// 12 characters / 4 = 3 tokens, + 4 per message × 2 = 11 prompt tokens; + 100 max_tokens = 111
const PROJECTED = 111;
const caps = { per_run_max_usd: 1, per_step_max_tokens: 1_000, max_steps: 5 };
const price = { inputPerMillionUsd: 1_000, outputPerMillionUsd: 2_000 };

describe('estimatePromptTokens', () => {
  it('counts a token per four characters plus a framing allowance per message', () => {
    expect(estimatePromptTokens(request)).toBe(11);
  });

  it('counts tool definitions, tool-call arguments and the response schema', () => {
    const withExtras: LlmRequest = {
      model: 'm',
      messages: [{ role: 'assistant', content: null, toolCalls: [{ id: 'x', name: 'ab', arguments: 'cd' }] }],
      tools: [{ name: 'q', description: 'd', parameters: {} }],
      responseFormat: { type: 'json_schema', name: 'o', schema: {} },
    };
    // 'ab'+'cd' = 4, 'q'+'d'+'{}' = 4, '{}' = 2 → 10 chars → 3 tokens; + 4 for one message = 7
    expect(estimatePromptTokens(withExtras)).toBe(7);
  });

  it('grows with the conversation (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 10 }), fc.string(), (texts, extra) => {
        const base: LlmRequest = { model: 'm', messages: texts.map((content) => ({ role: 'user' as const, content })) };
        const longer: LlmRequest = { ...base, messages: [...base.messages, { role: 'user', content: extra }] };
        expect(estimatePromptTokens(longer)).toBeGreaterThan(estimatePromptTokens(base));
      }),
    );
  });
});

describe('checkCaps', () => {
  it('allows a call within every cap and reports its projection', () => {
    // worst case: 11 × 1000 / 1e6 + 100 × 2000 / 1e6 = 0.011 + 0.2 = 0.211
    const check = checkCaps(caps, price, 0, request);
    expect(check.ok).toBe(true);
    if (check.ok) {
      expect(check.projectedTokens).toBe(PROJECTED);
      expect(check.projectedCostUsd).toBeCloseTo(0.211, 12);
    }
  });

  it('refuses a call whose projected tokens exceed per_step_max_tokens', () => {
    const check = checkCaps({ ...caps, per_step_max_tokens: PROJECTED - 1 }, price, 0, request);
    expect(check).toEqual({ ok: false, reason: `cost cap: the next model call could use up to 111 tokens (about 11 prompt + 100 max_tokens), over per_step_max_tokens 110` });
    expect(checkCaps({ ...caps, per_step_max_tokens: PROJECTED }, price, 0, request).ok).toBe(true);
  });

  it('stops once the spend reaches per_run_max_usd', () => {
    expect(checkCaps(caps, price, 1, request)).toEqual({ ok: false, reason: 'cost cap: spent $1, which reaches per_run_max_usd $1' });
  });

  it('refuses a call whose worst case would push the spend over per_run_max_usd', () => {
    // 0.8 spent + 0.211 worst case = 1.011 > 1
    const check = checkCaps(caps, price, 0.8, request);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toBe('cost cap: the next model call could cost up to $0.211, which with $0.8 spent would exceed per_run_max_usd $1');
    // 0.789 + 0.211 = 1.000, not over
    expect(checkCaps(caps, price, 0.789, request).ok).toBe(true);
  });
});

describe('usd', () => {
  it('prints dollars with at most six decimals', () => {
    expect(usd(0.0125)).toBe('$0.0125');
    expect(usd(1 / 3)).toBe('$0.333333');
    expect(usd(2)).toBe('$2');
  });
});
