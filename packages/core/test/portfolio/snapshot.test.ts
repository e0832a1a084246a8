import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { parsePortfolioSnapshot } from '../../src/portfolio/index.js';

const openTrade = {
  direction: 'short',
  entryTime: 0,
  entryQuantity: 5,
  entryNotional: 50,
  exitQuantity: 0,
  exitNotional: 0,
  grossPnl: 0,
  fees: 0,
  mae: 0,
  mfe: 0,
};
const valid = {
  version: 1,
  initialCash: 1000,
  cash: 1050,
  positions: [{ symbol: 'AAA', quantity: -5, averagePrice: 10, realizedPnl: 0, lastPrice: 10, fees: 0, openTrade }],
  trades: [],
};

function failure(input: unknown): InvalidArgumentError {
  try {
    parsePortfolioSnapshot(input);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    return error as InvalidArgumentError;
  }
  throw new Error('expected an error');
}

describe('parsePortfolioSnapshot', () => {
  it('accepts a well-formed snapshot as it is', () => {
    expect(parsePortfolioSnapshot(valid)).toEqual(valid);
  });

  it('names the path and value of the first malformed field', () => {
    const error = failure({ ...valid, cash: 'lots' });
    expect(error.path).toBe('snapshot.cash');
    expect(error.value).toBe('lots');
    const nested = failure({ ...valid, positions: [{ ...valid.positions[0], openTrade: { ...openTrade, mae: 3 } }] });
    expect(nested.path).toBe('snapshot.positions[0].openTrade.mae');
    expect(nested.value).toBe(3);
    expect(failure(null).path).toBe('snapshot');
  });

  it('requires an open trade exactly on a non-zero position, in its direction', () => {
    expect(failure({ ...valid, positions: [{ ...valid.positions[0], quantity: 0 }] }).path).toBe('snapshot.positions[0].openTrade');
    expect(failure({ ...valid, positions: [{ ...valid.positions[0], quantity: 5 }] }).path).toBe('snapshot.positions[0].openTrade.direction');
  });
});
