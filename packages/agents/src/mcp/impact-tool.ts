/**
 * The `simulate_insight_impact` MCP tool: Monte Carlo stress of proposed insight weights.
 *
 * @module
 */
import { InvalidArgumentError, parseIso, SymbolId, toIso } from '@alphaswarm/core';
import type { StressTester } from '@alphaswarm/core';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { alignedReturns } from './bar-returns.js';
import { loadBarSeries } from './market-data-source.js';
import type { McpMarketData } from './market-data-source.js';
import { guarded } from './tool-result.js';

/** Name of the tool. */
export const INSIGHT_IMPACT_TOOL = 'simulate_insight_impact';

/** Bounds of `simulate_insight_impact` arguments (the server's limits). */
export interface InsightImpactLimits {
  /** Largest `paths`. */
  readonly maxPaths: number;
  /** Largest `horizon`, in periods. */
  readonly maxHorizon: number;
  /** History length (returns) used when the call gives no `lookback`. */
  readonly defaultLookback: number;
}

const directionSchema = z.enum(['up', 'down', 'flat']);

/**
 * The signed weight of an insight: `+weight` for `up`, `−weight` for `down`, 0 for `flat`.
 * `weight` is a non-negative fraction of equity; the direction carries the sign.
 */
export function signedWeight(direction: 'up' | 'down' | 'flat', weight: number): number {
  return direction === 'up' ? weight : direction === 'down' ? -weight : 0;
}

function inputSchema(limits: InsightImpactLimits) {
  return z.strictObject({
    insights: z
      .array(
        z.strictObject({
          symbol: z.string().min(1),
          direction: directionSchema,
          weight: z.number().min(0).max(10).describe('Non-negative fraction of equity; the direction gives the sign (flat = 0).'),
        }),
      )
      .min(1)
      .max(100)
      .describe('Proposed insights, one per symbol.'),
    horizon: z.number().int().min(1).max(limits.maxHorizon).describe('Periods (bars) simulated per path.'),
    paths: z.number().int().min(1).max(limits.maxPaths).describe('Number of simulated paths.'),
    seed: z.number().int().min(-2_147_483_648).max(4_294_967_295).describe('Seed: the same call gives the same result.'),
    alpha: z.number().gt(0).lt(1).optional().describe('Confidence level of VaR and TVaR (default 0.95).'),
    drawdown_limit: z.number().gt(0).max(10).optional().describe('Drawdown limit (fraction) whose breach probability is reported.'),
    lookback: z.number().int().min(2).max(100_000).optional().describe(`Most recent aligned returns to resample (default ${limits.defaultLookback}).`),
    method: z.enum(['bootstrap', 'parametric']).optional().describe('Resample historical rows (bootstrap) or draw a multivariate normal (parametric).'),
    as_of: z.string().optional().describe('ISO-8601 date or date-time: use only bars at or before it.'),
  });
}

const outputShape = {
  symbols: z.array(z.string()),
  weights: z.array(z.number()).describe('Signed weights per symbol (fractions of equity).'),
  gross_weight: z.number(),
  net_weight: z.number(),
  horizon: z.number(),
  paths: z.number(),
  seed: z.number(),
  alpha: z.number(),
  observations: z.number().describe('Aligned historical returns per symbol that were resampled.'),
  history_start: z.string(),
  history_end: z.string(),
  mean_loss: z.number().describe('Mean horizon loss (positive = loss, fraction of equity).'),
  var: z.number().describe('Value at Risk of the horizon loss at alpha.'),
  tvar: z.number().describe('Tail VaR (expected shortfall) of the horizon loss at alpha.'),
  drawdown_limit: z.number().nullable(),
  probability_of_drawdown_breach: z.number().nullable().describe('Share of paths whose drawdown exceeded the limit; null without a limit.'),
};

/**
 * Registers `simulate_insight_impact({insights, horizon, paths, seed, alpha?,
 * drawdown_limit?, lookback?, method?, as_of?})`: the proposed insights become signed
 * weights ({@link signedWeight}); the symbols' closes are aligned on their common
 * timestamps and the last `lookback` simple returns are handed, with the weights, to
 * the {@link StressTester} (constant weights rebalanced each period). Reports mean
 * loss, VaR, TVaR and the drawdown-breach probability. A repeated or unknown symbol,
 * or a number out of bounds, is a tool error.
 *
 * @internal
 */
export function registerImpactTool(server: McpServer, data: McpMarketData, stress: StressTester, limits: InsightImpactLimits): void {
  server.registerTool(
    INSIGHT_IMPACT_TOOL,
    {
      title: 'Simulate insight impact',
      description:
        'Monte Carlo stress of proposed insights as constant signed weights (up = +weight, down = -weight, flat = 0) on the symbols\' aligned historical returns: mean loss, VaR, TVaR and drawdown-breach probability over the horizon.',
      inputSchema: inputSchema(limits),
      outputSchema: z.object(outputShape),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args) =>
      guarded(async () => {
        const seen = new Set<string>();
        const symbols = args.insights.map((insight, i) => {
          const id = SymbolId.parse(insight.symbol);
          if (seen.has(id.value)) throw new InvalidArgumentError(`insights[${i}].symbol`, insight.symbol, 'each symbol once');
          seen.add(id.value);
          return id.value;
        });
        const weights = args.insights.map((insight) => signedWeight(insight.direction, insight.weight));
        const end = args.as_of === undefined ? undefined : parseIso(args.as_of, 'as_of');
        const series = await loadBarSeries(data, symbols, end);
        const history = alignedReturns(series, args.lookback ?? limits.defaultLookback);
        const alpha = args.alpha ?? 0.95;
        const result = stress.stress({
          weights,
          returns: history.returns,
          horizon: args.horizon,
          paths: args.paths,
          seed: args.seed,
          alpha,
          ...(args.drawdown_limit === undefined ? {} : { drawdownLimit: args.drawdown_limit }),
          ...(args.method === undefined ? {} : { method: args.method }),
        });
        let gross = 0;
        let net = 0;
        for (const w of weights) {
          gross += Math.abs(w);
          net += w;
        }
        return {
          symbols,
          weights,
          gross_weight: gross,
          net_weight: net,
          horizon: args.horizon,
          paths: result.paths,
          seed: args.seed,
          alpha,
          observations: history.observations,
          history_start: toIso(history.start),
          history_end: toIso(history.end),
          mean_loss: result.meanLoss,
          var: result.var,
          tvar: result.tvar,
          drawdown_limit: args.drawdown_limit ?? null,
          probability_of_drawdown_breach: Number.isNaN(result.probabilityOfDrawdownBreach) ? null : result.probabilityOfDrawdownBreach,
        };
      }),
  );
}
