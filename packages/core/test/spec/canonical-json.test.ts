import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NonJsonValueError, assertJsonValue, canonicalize } from '../../src/index.js';

/** The double whose IEEE-754 bits are the 16 hex digits given. */
function fromBits(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

/** The same JSON data with every object's keys in a shuffled order (seeded by fast-check). */
function shuffleKeys(value: unknown, order: number[]): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffleKeys(v, order));
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    const keyed = entries.map((entry, i) => ({ entry, rank: order[i % Math.max(order.length, 1)] ?? 0 }));
    keyed.sort((a, b) => a.rank - b.rank);
    return Object.fromEntries(keyed.map(({ entry: [k, v] }) => [k, shuffleKeys(v, order)]));
  }
  return value;
}

/** A NonJsonValueError thrown by `fn`, for inspection. */
function errorOf(fn: () => unknown): NonJsonValueError {
  try {
    fn();
  } catch (error) {
    if (error instanceof NonJsonValueError) return error;
    throw error;
  }
  throw new Error('expected a NonJsonValueError');
}

describe('canonicalize (RFC 8785)', () => {
  it('reproduces the example of RFC 8785 section 3.2.2', () => {
    const input = String.raw`{
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
      "literals": [null, true, false]
    }`;
    const expected = String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`;
    expect(canonicalize(JSON.parse(input))).toBe(expected);
  });

  it('sorts keys by UTF-16 code units as in RFC 8785 section 3.2.3', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    // Order by first code unit: 000D, 0031, 0080, 00F6, 20AC, D83D (a surrogate, so
    // before FB33 although the emoji's code point U+1F600 is larger), FB33.
    const expected =
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
      '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}';
    expect(canonicalize(input)).toBe(expected);
  });

  it('formats numbers as in the table of RFC 8785 appendix B', () => {
    const table: [string, string][] = [
      ['0000000000000000', '0'],
      ['8000000000000000', '0'],
      ['0000000000000001', '5e-324'],
      ['8000000000000001', '-5e-324'],
      ['7fefffffffffffff', '1.7976931348623157e+308'],
      ['ffefffffffffffff', '-1.7976931348623157e+308'],
      ['4340000000000000', '9007199254740992'],
      ['c340000000000000', '-9007199254740992'],
      ['4430000000000000', '295147905179352830000'],
      ['44b52d02c7e14af5', '9.999999999999997e+22'],
      ['44b52d02c7e14af6', '1e+23'],
      ['44b52d02c7e14af7', '1.0000000000000001e+23'],
      ['444b1ae4d6e2ef4e', '999999999999999700000'],
      ['444b1ae4d6e2ef4f', '999999999999999900000'],
      ['444b1ae4d6e2ef50', '1e+21'],
      ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
      ['3eb0c6f7a0b5ed8d', '0.000001'],
      ['41b3de4355555553', '333333333.3333332'],
      ['41b3de4355555554', '333333333.33333325'],
      ['41b3de4355555555', '333333333.3333333'],
      ['41b3de4355555556', '333333333.3333334'],
      ['41b3de4355555557', '333333333.33333343'],
      ['becbf647612f3696', '-0.0000033333333333333333'],
      ['43143ff3c1cb0959', '1424953923781206.2'],
    ];
    for (const [bits, text] of table) expect(canonicalize(fromBits(bits)), bits).toBe(text);
  });

  it('writes -0 as 0 and drops insignificant zeros and exponent signs', () => {
    expect(canonicalize({ a: -0, b: 4.5, c: 1e21, d: 1e-7, e: 100 })).toBe('{"a":0,"b":4.5,"c":1e+21,"d":1e-7,"e":100}');
  });

  it('escapes only what JSON requires in strings, in lowercase hex', () => {
    const text = 'tab\t nl\n cr\r bs\b ff\f quote" backslash\\ slash/ bell\u0007 del\u007f e\u00e9 nbsp\u00a0';
    const expected = '"tab\\t nl\\n cr\\r bs\\b ff\\f quote\\" backslash\\\\ slash/ bell\\u0007 del\u007f e\u00e9 nbsp\u00a0"';
    expect(canonicalize(text)).toBe(expected);
  });

  it('writes nested structures without whitespace and keeps array order', () => {
    expect(canonicalize({ b: [3, { z: null, a: true }, 'x'], a: {} })).toBe('{"a":{},"b":[3,{"a":true,"z":null},"x"]}');
  });

  it('never changes its text when object keys are reordered (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.array(fc.integer(), { minLength: 1, maxLength: 8 }), (value, order) => {
        expect(canonicalize(shuffleKeys(value, order))).toBe(canonicalize(value));
      }),
      { numRuns: 300 },
    );
  });

  it('parses back to the same data, -0 read as 0 (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const normalised: unknown = JSON.parse(JSON.stringify(value));
        expect(JSON.parse(canonicalize(value))).toEqual(normalised);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects non-JSON values naming the path of the offending member', () => {
    const holes = new Array<number>(3);
    holes[0] = 1;
    holes[2] = 3;
    const cases: [unknown, string, RegExp][] = [
      [undefined, '', /undefined/],
      [{ a: { b: undefined } }, 'a.b', /undefined/],
      [{ list: [1, 2, () => 3] }, 'list[2]', /function/],
      [{ x: Number.NaN }, 'x', /finite/],
      [{ x: Number.NEGATIVE_INFINITY }, 'x', /finite/],
      [{ n: 10n }, 'n', /bigint/],
      [{ s: globalThis.Symbol('s') }, 's', /symbol/],
      [{ when: new Date(0) }, 'when', /plain objects/],
      [{ m: new Map() }, 'm', /plain objects/],
      [{ text: 'a\ud800b' }, 'text', /lone surrogate/],
      [{ ['k\udc00']: 1 }, 'k\udc00', /lone surrogate/],
      [{ holes }, 'holes[1]', /holes/],
    ];
    for (const [value, path, reason] of cases) {
      const error = errorOf(() => canonicalize(value));
      expect(error.path, path).toBe(path);
      expect(error.code).toBe('NON_JSON_VALUE');
      expect(error.message).toMatch(reason);
    }
  });

  it('rejects cycles but accepts a shared, acyclic member', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic['self'] = cyclic;
    expect(errorOf(() => canonicalize({ root: cyclic })).path).toBe('root.self');
    const shared = { v: 1 };
    expect(canonicalize({ a: shared, b: [shared] })).toBe('{"a":{"v":1},"b":[{"v":1}]}');
  });

  it('rejects symbol keys, which JSON would drop silently', () => {
    expect(errorOf(() => canonicalize({ [globalThis.Symbol('hidden')]: 1, a: 2 })).path).toBe('');
  });

  it('accepts objects without a prototype and prefixes error paths with the given name', () => {
    const bare = Object.create(null) as Record<string, unknown>;
    bare['k'] = 1;
    expect(canonicalize(bare)).toBe('{"k":1}');
    expect(errorOf(() => canonicalize({ f: Number.NaN }, 'result')).path).toBe('result.f');
    expect(errorOf(() => assertJsonValue([undefined], 'payload')).path).toBe('payload[0]');
  });
});
