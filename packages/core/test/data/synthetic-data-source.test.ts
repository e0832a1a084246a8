import { describe, expect, it } from 'vitest';
import { SyntheticDataSource, syntheticBars } from '../../src/data/index.js';
import { InvalidArgumentError } from '../../src/errors.js';

describe('SyntheticDataSource', () => {
  const options = { bars: 30, seed: 8, start: '2024-01-01' };

  it('serves the requested symbols as syntheticBars makes them, within the range', async () => {
    const source = new SyntheticDataSource(options);
    const start = Date.UTC(2024, 0, 10);
    const end = Date.UTC(2024, 0, 12);
    const frame = await source.load({ symbols: ['MSFT', 'AAPL'], start, end });
    const reference = syntheticBars({ ...options, symbols: ['AAPL', 'MSFT'] });
    // Jan 10, 11, 12 2024 are Wednesday to Friday: three bars.
    expect(Array.from(frame.series('AAPL').timestamp)).toEqual([start, start + 86_400_000, end]);
    const all = reference.series('AAPL');
    const from = Array.from(all.timestamp).indexOf(start);
    expect(Array.from(frame.series('AAPL').close)).toEqual(Array.from(all.close.subarray(from, from + 3)));
  });

  it('gives a symbol the same bars whether loaded alone or with others', async () => {
    const source = new SyntheticDataSource(options);
    const alone = await source.load({ symbols: ['AAPL'] });
    const together = await source.load({ symbols: ['GOOG', 'AAPL'] });
    expect(Array.from(together.series('AAPL').close)).toEqual(Array.from(alone.series('AAPL').close));
  });

  it('rejects invalid options and requests at load', async () => {
    await expect(new SyntheticDataSource({ bars: -1, seed: 1 }).load({ symbols: ['A'] })).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(new SyntheticDataSource(options).load({ symbols: [] })).rejects.toBeInstanceOf(InvalidArgumentError);
  });
});
