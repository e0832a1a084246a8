import { describe, expect, it } from 'vitest';
import { InvalidSymbolError, SymbolId } from '../src/index.js';

describe('SymbolId', () => {
  it('parses ticker and venue from "AAPL.NASDAQ"', () => {
    const id = SymbolId.parse('AAPL.NASDAQ');
    expect(id.ticker).toBe('AAPL');
    expect(id.venue).toBe('NASDAQ');
    expect(id.value).toBe('AAPL.NASDAQ');
    expect(String(id)).toBe('AAPL.NASDAQ');
    expect(JSON.stringify({ id })).toBe('{"id":"AAPL.NASDAQ"}');
  });

  it('accepts a ticker without a venue', () => {
    const id = SymbolId.parse('SYM0');
    expect(id.ticker).toBe('SYM0');
    expect(id.venue).toBeUndefined();
  });

  it('splits at the last dot so tickers with dots keep them', () => {
    const id = SymbolId.parse('BRK.B.NYSE');
    expect(id.ticker).toBe('BRK.B');
    expect(id.venue).toBe('NYSE');
  });

  it('is interned, so equal text gives the same object', () => {
    expect(SymbolId.parse('MSFT.NASDAQ')).toBe(SymbolId.parse('MSFT.NASDAQ'));
    expect(SymbolId.from('MSFT.NASDAQ').equals('MSFT.NASDAQ')).toBe(true);
    expect(SymbolId.parse('MSFT.NASDAQ').equals(SymbolId.parse('MSFT.NYSE'))).toBe(false);
  });

  it.each([
    ['', 'empty'],
    [' AAPL', 'white space'],
    ['.NASDAQ', 'empty ticker'],
    ['AAPL.', 'empty venue'],
    ['AA PL', 'characters'],
    ['AAPL.1X', 'venue'],
  ])('rejects %j with a typed error naming the value', (text, reason) => {
    let caught: unknown;
    try {
      SymbolId.parse(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidSymbolError);
    const error = caught as InvalidSymbolError;
    expect(error.code).toBe('INVALID_SYMBOL');
    expect(error.value).toBe(text);
    expect(error.message).toContain(JSON.stringify(text));
    expect(error.message).toContain(reason);
  });

  it('rejects a non-string', () => {
    expect(() => SymbolId.parse(42 as unknown as string)).toThrow(InvalidSymbolError);
  });
});
