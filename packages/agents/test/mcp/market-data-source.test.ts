import { InvalidArgumentError, InvalidSymbolError, SyntheticDataSource } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { loadBarSeries } from '../../src/mcp/market-data-source.js';
import { T0, fixtureFrame } from './fixtures/mcp-fixtures.js';

describe('loadBarSeries', () => {
  const frame = fixtureFrame();

  it('reads a BarFrame, in the order asked, up to `end`', async () => {
    const [up, alt] = await loadBarSeries(frame, ['UP', 'ALT'], T0 + 9 * 86_400_000);
    expect(up?.symbol.value).toBe('UP');
    expect(alt?.length).toBe(10);
  });

  it('reads a MarketDataAdapter', async () => {
    const source = new SyntheticDataSource({ bars: 30, seed: 3 });
    const [series] = await loadBarSeries(source, ['BBB']);
    expect(series?.length).toBe(30);
  });

  it('names an unknown symbol, and a malformed one', async () => {
    await expect(loadBarSeries(frame, ['NOPE'])).rejects.toThrow(InvalidArgumentError);
    await expect(loadBarSeries(frame, ['NOPE'])).rejects.toThrow(/NOPE/);
    await expect(loadBarSeries(frame, [' bad'])).rejects.toThrow(InvalidSymbolError);
  });

  it('refuses a symbol without bars up to `end`', async () => {
    await expect(loadBarSeries(frame, ['UP'], T0 - 1)).rejects.toThrow(/UP/);
  });
});
