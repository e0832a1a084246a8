import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAgentOutput, parseJsonReply } from '../../src/output/agent-output.js';

describe('parseJsonReply', () => {
  it('reads plain JSON with surrounding whitespace', () => {
    expect(parseJsonReply('  {"a": 1}\n')).toEqual({ ok: true, value: { a: 1 } });
  });

  it('tolerates one code fence around the whole reply', () => {
    expect(parseJsonReply('```json\n{"a": [1, 2]}\n```')).toEqual({ ok: true, value: { a: [1, 2] } });
    expect(parseJsonReply('```\n"x"\n```')).toEqual({ ok: true, value: 'x' });
  });

  it('refuses prose around JSON and empty replies', () => {
    expect(parseJsonReply('Here you go: {"a": 1}').ok).toBe(false);
    expect(parseJsonReply('   ')).toEqual({ ok: false, error: 'the reply is empty, expected a JSON value' });
  });

  it('reads back any JSON value it is given (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = parseJsonReply(JSON.stringify(value));
        expect(result.ok).toBe(true);
        if (result.ok) expect(result.value).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});

describe('checkAgentOutput', () => {
  const schema = { type: 'object', properties: { action: { enum: ['BUY', 'HOLD'] } }, required: ['action'] };

  it('returns the parsed value when it matches the schema', () => {
    expect(checkAgentOutput('{"action":"BUY"}', schema)).toEqual({ ok: true, value: { action: 'BUY' } });
  });

  it('lists the schema errors with their paths', () => {
    expect(checkAgentOutput('{"action":"SELL"}', schema)).toEqual({ ok: false, errors: ['$.action: expected one of "BUY", "HOLD", got "SELL"'] });
  });

  it('reports text that is not JSON', () => {
    const result = checkAgentOutput('{"action": BUY}', schema);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/^the reply is not valid JSON/);
  });

  it('caps the list at ten errors', () => {
    const many = { type: 'array', items: { type: 'string' } };
    const result = checkAgentOutput(JSON.stringify([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]), many);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toHaveLength(11);
      expect(result.errors[10]).toBe('… and 2 more');
    }
  });

  it('takes any non-blank text when there is no schema', () => {
    expect(checkAgentOutput('Rates will rise.', undefined)).toEqual({ ok: true, value: 'Rates will rise.' });
    expect(checkAgentOutput(null, undefined).ok).toBe(false);
    expect(checkAgentOutput(' \n', undefined).ok).toBe(false);
  });
});
