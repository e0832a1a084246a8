import { SymbolId, type ModelRegistry } from '@alphaswarm/core';
import { z } from 'zod';
import { ScheduleRuleSchema } from '../universe/schemas.js';
import { BlackLittermanPortfolio } from './black-litterman-portfolio.js';
import { ConfidenceWeightedPortfolio } from './confidence-weighted-portfolio.js';
import { EqualWeightPortfolio } from './equal-weight-portfolio.js';
import { InsightWeightingPortfolio } from './insight-weighting-portfolio.js';
import { MeanVarianceOptimizationPortfolio } from './mean-variance-optimization-portfolio.js';
import type { PortfolioBias, RebalanceRule } from './portfolio-model-base.js';
import { RiskParityPortfolio } from './risk-parity-portfolio.js';

/** Kwargs every portfolio model accepts. */
const common = {
  name: z.string().min(1).optional(),
  portfolio_bias: z.enum(['long', 'short', 'long_short']).optional(),
  rebalance: z.union([z.literal('never'), ScheduleRuleSchema]).optional(),
  drift_threshold: z.number().finite().min(0).optional(),
};

/** The camelCase options of the common kwargs. */
function commonOptions(k: {
  name?: string | undefined;
  portfolio_bias?: PortfolioBias | undefined;
  rebalance?: RebalanceRule | undefined;
  drift_threshold?: number | undefined;
}): { name: string | undefined; portfolioBias: PortfolioBias | undefined; rebalance: RebalanceRule | undefined; driftThreshold: number | undefined } {
  return { name: k.name, portfolioBias: k.portfolio_bias, rebalance: k.rebalance, driftThreshold: k.drift_threshold };
}

const lookback = z.number().int().min(2).optional();
const normalization = z.enum(['full', 'cap']).optional();

const EqualWeightKwargs = z.object({ ...common }).strict();
const InsightWeightingKwargs = z.object({ ...common, normalization }).strict();
const ConfidenceWeightedKwargs = z.object({ ...common, normalization }).strict();
const RiskParityKwargs = z.object({ ...common, lookback, method: z.enum(['inverse_volatility', 'equal_risk_contribution']).optional() }).strict();
const MeanVarianceKwargs = z
  .object({
    ...common,
    lookback,
    objective: z.enum(['max_sharpe', 'min_variance']).optional(),
    risk_free: z.number().finite().optional(),
    min_weight: z.number().min(0).max(1).optional(),
    max_weight: z.number().gt(0).max(1).optional(),
  })
  .strict()
  .refine((k) => (k.min_weight ?? 0) <= (k.max_weight ?? 1), { message: 'min_weight must not exceed max_weight', path: ['min_weight'] });

/** Market weights by symbol text; a malformed symbol is an issue at its own key. */
const MarketWeightsSchema = z.record(z.string(), z.number().finite().min(0)).superRefine((weights, ctx) => {
  for (const key of Object.keys(weights)) {
    try {
      SymbolId.parse(key);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : 'invalid symbol', path: [key], input: key });
    }
  }
});

const BlackLittermanKwargs = z
  .object({
    ...common,
    lookback,
    risk_aversion: z.number().finite().positive().optional(),
    tau: z.number().finite().positive().optional(),
    market_weights: MarketWeightsSchema.optional(),
  })
  .strict();

/**
 * Registers the portfolio construction models under their class names, kind
 * `portfolio`, with snake_case kwargs as written in specs. Every model accepts
 * `name`, `portfolio_bias` (`long` | `short` | `long_short`), `rebalance` (`never`,
 * `{kind: bars, every}`, `{kind: weekly, weekday?}` or `{kind: monthly, day?}`) and
 * `drift_threshold` (fraction of the sizing value):
 *
 * - `EqualWeightPortfolio {…}`
 * - `InsightWeightingPortfolio {normalization: full|cap, …}`
 * - `ConfidenceWeightedPortfolio {normalization: full|cap, …}`
 * - `RiskParityPortfolio {lookback, method: inverse_volatility|equal_risk_contribution, …}`
 * - `MeanVarianceOptimizationPortfolio {lookback, objective: max_sharpe|min_variance, risk_free, min_weight, max_weight, …}`
 * - `BlackLittermanPortfolio {lookback, risk_aversion, tau, market_weights: {"AAPL.NASDAQ": 0.6, …}, …}`
 *
 * Unknown kwargs are errors. Returns the registry.
 */
export function registerPortfolioModels(registry: ModelRegistry): ModelRegistry {
  const meta = (description: string): { kind: 'portfolio'; description: string } => ({ kind: 'portfolio', description });
  registry.register('EqualWeightPortfolio', (k) => new EqualWeightPortfolio(commonOptions(k)), EqualWeightKwargs, meta('Weight ±1/N over the symbols with an active up/down insight.'));
  registry.register(
    'InsightWeightingPortfolio',
    (k) => new InsightWeightingPortfolio({ ...commonOptions(k), normalization: k.normalization }),
    InsightWeightingKwargs,
    meta('Weights from insight.weight, scaled down so that Σ|w| ≤ 1.'),
  );
  registry.register(
    'ConfidenceWeightedPortfolio',
    (k) => new ConfidenceWeightedPortfolio({ ...commonOptions(k), normalization: k.normalization }),
    ConfidenceWeightedKwargs,
    meta('Weights proportional to insight.confidence, normalised to Σ|w| = 1.'),
  );
  registry.register(
    'RiskParityPortfolio',
    (k) => new RiskParityPortfolio({ ...commonOptions(k), lookback: k.lookback, method: k.method }),
    RiskParityKwargs,
    meta('Inverse-volatility or equal-risk-contribution weights from the sample covariance of returns.'),
  );
  registry.register(
    'MeanVarianceOptimizationPortfolio',
    (k) =>
      new MeanVarianceOptimizationPortfolio({
        ...commonOptions(k),
        lookback: k.lookback,
        objective: k.objective,
        riskFree: k.risk_free,
        minWeight: k.min_weight,
        maxWeight: k.max_weight,
      }),
    MeanVarianceKwargs,
    meta('Long-only minimum-variance or maximum-Sharpe weights within bounds.'),
  );
  registry.register(
    'BlackLittermanPortfolio',
    (k) =>
      new BlackLittermanPortfolio({
        ...commonOptions(k),
        lookback: k.lookback,
        riskAversion: k.risk_aversion,
        tau: k.tau,
        marketWeights: k.market_weights === undefined ? undefined : new Map(Object.entries(k.market_weights).map(([s, w]) => [SymbolId.parse(s), w])),
      }),
    BlackLittermanKwargs,
    meta('Black-Litterman posterior returns from insight views, then mean-variance weights.'),
  );
  return registry;
}
