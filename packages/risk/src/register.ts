import { ModelSpecSchema, SymbolId } from '@alphaswarm/core';
import type { ModelKind, ModelRegistry, PreTradeControl, RiskManagementModel } from '@alphaswarm/core';
import { z } from 'zod';
import { DailyLossHalt } from './caps/daily-loss-halt.js';
import { MaximumDrawdownPercentPerSecurity } from './caps/maximum-drawdown-percent-per-security.js';
import { MaximumDrawdownPercentPortfolio } from './caps/maximum-drawdown-percent-portfolio.js';
import { MaximumLeverage } from './caps/maximum-leverage.js';
import { MaximumPositionPercent } from './caps/maximum-position-percent.js';
import { MaximumSectorExposure } from './caps/maximum-sector-exposure.js';
import { MaximumUnrealizedProfitPercentPerSecurity } from './caps/maximum-unrealized-profit-percent-per-security.js';
import { NoOpRiskModel } from './no-op.js';
import { CreditLimit } from './pretrade/credit-limit.js';
import { DuplicateOrderThrottle } from './pretrade/duplicate-order-throttle.js';
import { KillSwitchControl } from './pretrade/kill-switch-control.js';
import { MaxOpenOrders } from './pretrade/max-open-orders.js';
import { MaxOrderNotional } from './pretrade/max-order-notional.js';
import { MaxOrderQuantity } from './pretrade/max-order-quantity.js';
import { PreTradeControls } from './pretrade/pre-trade-controls.js';
import { PriceCollar } from './pretrade/price-collar.js';
import { RestrictedSymbols } from './pretrade/restricted-symbols.js';
import { TrailingStopRiskManagementModel } from './trailing-stop.js';
import { TVaRInterceptor } from './tvar/interceptor.js';

const name = z.string().min(1).optional();
const positive = z.number().finite().positive();
const unitFraction = z.number().gt(0).lte(1);

/** A symbol written as text (`"AAPL.NASDAQ"`), parsed with `SymbolId.parse`. */
const symbolText = z.string().transform((text, ctx) => {
  try {
    return SymbolId.parse(text);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : 'invalid symbol' });
    return z.NEVER;
  }
});

/**
 * A nested model spec `{class, kwargs}` whose class, when registered, must be of
 * one of `kinds` (a class registered without a kind, `other`, is accepted; an
 * unregistered class is left for the registry to report with suggestions).
 */
function nestedSpec(registry: ModelRegistry, kinds: readonly ModelKind[]) {
  return ModelSpecSchema.superRefine((spec, ctx) => {
    const kind = registry.describe(spec.class)?.kind;
    if (kind === undefined || kind === 'other' || kinds.includes(kind)) return;
    ctx.addIssue({ code: 'custom', path: ['class'], message: `expected a ${kinds.join(' or ')} model, ${spec.class} is a ${kind} model` });
  });
}

/** Builds a nested risk model. */
function riskModel(create: (spec: unknown, path: string) => unknown, spec: unknown, path: string): RiskManagementModel {
  return create(spec, path) as RiskManagementModel;
}

/**
 * Registers every risk model and pre-trade control of this package in `registry`,
 * each under its class name with a strict zod schema of its snake_case kwargs (an
 * unknown kwarg is an error that names its path):
 *
 * kind `risk`:
 * - `NoOpRiskModel` `{name}`
 * - `TrailingStopRiskManagementModel` `{mode, threshold, atr_multiple, atr_period, basis, watermark, daily_reset, name}`
 * - `TVaRInterceptor` `{inner, method, alpha, limit, lookback, policy, name}` — `inner`
 *   is a nested model spec `{class, kwargs}` of a risk model, built through the
 *   registry (so errors inside it name `…kwargs.inner.kwargs.…`)
 * - `MaximumDrawdownPercentPerSecurity` `{max_drawdown, name}`
 * - `MaximumDrawdownPercentPortfolio` `{max_drawdown, trailing, name}`
 * - `MaximumUnrealizedProfitPercentPerSecurity` `{max_profit, name}`
 * - `MaximumSectorExposure` `{sectors: {"SYMBOL": "sector"}, max_exposure, name}`
 * - `MaximumPositionPercent` `{max_percent, name}`
 * - `MaximumLeverage` `{max_gross, max_net, name}`
 * - `DailyLossHalt` `{max_daily_loss, name}`
 *
 * (Core's `CompositeRiskManagementModel`, which chains risk models, is registered
 * by core's `registerCoreModels`.)
 *
 * kind `pretrade`:
 * - `MaxOrderQuantity` `{max_quantity, name}`, `MaxOrderNotional` `{max_notional, name}`,
 *   `PriceCollar` `{max_deviation, name}`, `MaxOpenOrders` `{max_open_orders, per_symbol, name}`,
 *   `CreditLimit` `{max_gross_exposure, name}`, `DuplicateOrderThrottle` `{window_ms, max_duplicates, name}`,
 *   `RestrictedSymbols` `{symbols: ["SYMBOL", …], name}`, `KillSwitchControl` `{name}`,
 *   `PreTradeControls` `{controls: [spec, …], name}`
 *
 * @returns `registry`, for chaining
 * @throws InvalidArgumentError when one of the names is already registered
 */
export function registerRiskModels(registry: ModelRegistry): ModelRegistry {
  const risk = { kind: 'risk' as const };
  const pretrade = { kind: 'pretrade' as const };

  registry.register('NoOpRiskModel', (k) => new NoOpRiskModel(k), z.object({ name }).strict(), {
    ...risk,
    description: 'Returns the targets unchanged.',
  });

  registry.register(
    'TrailingStopRiskManagementModel',
    (k) =>
      new TrailingStopRiskManagementModel({
        mode: k.mode,
        threshold: k.threshold,
        atrMultiple: k.atr_multiple,
        atrPeriod: k.atr_period,
        basis: k.basis,
        watermark: k.watermark,
        dailyReset: k.daily_reset,
        name: k.name,
      }),
    z
      .object({
        mode: z.enum(['percent', 'atr']).optional(),
        threshold: unitFraction.optional(),
        atr_multiple: positive.optional(),
        atr_period: z.number().int().min(1).optional(),
        basis: z.enum(['price', 'unrealized_pnl']).optional(),
        watermark: z.enum(['close', 'high_low']).optional(),
        daily_reset: z.boolean().optional(),
        name,
      })
      .strict()
      .superRefine((k, ctx) => {
        const atr = k.mode === 'atr';
        if (atr && k.threshold !== undefined) ctx.addIssue({ code: 'custom', path: ['threshold'], message: "no threshold in 'atr' mode (use atr_multiple)" });
        if (!atr && k.atr_multiple !== undefined) ctx.addIssue({ code: 'custom', path: ['atr_multiple'], message: "atr_multiple needs mode 'atr'" });
        if (!atr && k.atr_period !== undefined) ctx.addIssue({ code: 'custom', path: ['atr_period'], message: "atr_period needs mode 'atr'" });
      }),
    { ...risk, description: 'Liquidates a position when it retraces from its best level since entry by more than a percent or an ATR multiple.' },
  );

  registry.register(
    'TVaRInterceptor',
    (k, create) =>
      new TVaRInterceptor({
        inner: k.inner === undefined ? undefined : riskModel(create, k.inner, 'inner'),
        method: k.method,
        alpha: k.alpha,
        limit: k.limit,
        lookback: k.lookback,
        policy: k.policy,
        name: k.name,
      }),
    z
      .object({
        inner: nestedSpec(registry, ['risk']).optional(),
        method: z.enum(['parametric', 'historical', 'cornish_fisher']).optional(),
        alpha: z.number().gt(0).lt(1).optional(),
        limit: unitFraction,
        lookback: z.number().int().min(2).optional(),
        policy: z.enum(['scale', 'cancel']).optional(),
        name,
      })
      .strict()
      .superRefine((k, ctx) => {
        if (k.method === 'cornish_fisher' && k.lookback !== undefined && k.lookback < 4) {
          ctx.addIssue({ code: 'custom', path: ['lookback'], message: 'at least 4 returns for cornish_fisher' });
        }
      }),
    { ...risk, description: 'Scales or cancels the targets of an inner risk model when the tail loss (TVaR / ES / Cornish-Fisher VaR) of the book passes a limit.' },
  );

  registry.register(
    'MaximumDrawdownPercentPerSecurity',
    (k) => new MaximumDrawdownPercentPerSecurity({ maxDrawdown: k.max_drawdown, name: k.name }),
    z.object({ max_drawdown: unitFraction, name }).strict(),
    { ...risk, description: 'Liquidates a holding whose unrealized loss on cost passes a fraction.' },
  );
  registry.register(
    'MaximumDrawdownPercentPortfolio',
    (k) => new MaximumDrawdownPercentPortfolio({ maxDrawdown: k.max_drawdown, trailing: k.trailing, name: k.name }),
    z.object({ max_drawdown: unitFraction, trailing: z.boolean().optional(), name }).strict(),
    { ...risk, description: 'Liquidates everything when equity falls a fraction below the start or the high-water mark.' },
  );
  registry.register(
    'MaximumUnrealizedProfitPercentPerSecurity',
    (k) => new MaximumUnrealizedProfitPercentPerSecurity({ maxProfit: k.max_profit, name: k.name }),
    z.object({ max_profit: positive, name }).strict(),
    { ...risk, description: 'Takes profit on a holding whose unrealized gain on cost passes a fraction.' },
  );
  registry.register(
    'MaximumSectorExposure',
    (k) => new MaximumSectorExposure({ sectors: new Map(k.sectors.map(([symbol, sector]) => [symbol, sector] as const)), maxExposure: k.max_exposure, name: k.name }),
    z
      .object({
        sectors: z.record(z.string(), z.string().min(1)).transform((record, ctx) => {
          const out: [SymbolId, string][] = [];
          for (const [text, sector] of Object.entries(record)) {
            try {
              out.push([SymbolId.parse(text), sector]);
            } catch (error) {
              ctx.addIssue({ code: 'custom', path: [text], message: error instanceof Error ? error.message : 'invalid symbol' });
            }
          }
          return out;
        }),
        max_exposure: z.number().gt(0).lte(10),
        name,
      })
      .strict(),
    { ...risk, description: "Scales down proposed targets so that each sector's gross weight stays under a cap." },
  );
  registry.register(
    'MaximumPositionPercent',
    (k) => new MaximumPositionPercent({ maxPercent: k.max_percent, name: k.name }),
    z.object({ max_percent: z.number().gt(0).lte(10), name }).strict(),
    { ...risk, description: "Clips each proposed target's weight to a cap." },
  );
  registry.register(
    'MaximumLeverage',
    (k) => new MaximumLeverage({ maxGross: k.max_gross, maxNet: k.max_net, name: k.name }),
    z
      .object({ max_gross: positive, max_net: positive.optional(), name })
      .strict()
      .superRefine((k, ctx) => {
        if (k.max_net !== undefined && k.max_net > k.max_gross) ctx.addIssue({ code: 'custom', path: ['max_net'], message: `a cap ≤ max_gross (${k.max_gross})` });
      }),
    { ...risk, description: 'Scales all proposed targets so that gross and net leverage stay under caps.' },
  );
  registry.register(
    'DailyLossHalt',
    (k) => new DailyLossHalt({ maxDailyLoss: k.max_daily_loss, name: k.name }),
    z.object({ max_daily_loss: unitFraction, name }).strict(),
    { ...risk, description: "Blocks new entries for the rest of a UTC day once the day's loss passes a fraction." },
  );

  registry.register(
    'MaxOrderQuantity',
    (k) => new MaxOrderQuantity({ maxQuantity: k.max_quantity, name: k.name }),
    z.object({ max_quantity: positive, name }).strict(),
    { ...pretrade, description: 'Rejects an order above a quantity.' },
  );
  registry.register(
    'MaxOrderNotional',
    (k) => new MaxOrderNotional({ maxNotional: k.max_notional, name: k.name }),
    z.object({ max_notional: positive, name }).strict(),
    { ...pretrade, description: 'Rejects an order above a notional.' },
  );
  registry.register(
    'PriceCollar',
    (k) => new PriceCollar({ maxDeviation: k.max_deviation, name: k.name }),
    z.object({ max_deviation: positive, name }).strict(),
    { ...pretrade, description: 'Rejects a limit price too far from the last price.' },
  );
  registry.register(
    'MaxOpenOrders',
    (k) => new MaxOpenOrders({ maxOpenOrders: k.max_open_orders, perSymbol: k.per_symbol, name: k.name }),
    z.object({ max_open_orders: z.number().int().min(1), per_symbol: z.boolean().optional(), name }).strict(),
    { ...pretrade, description: 'Rejects an order beyond a number of open orders.' },
  );
  registry.register(
    'CreditLimit',
    (k) => new CreditLimit({ maxGrossExposure: k.max_gross_exposure, name: k.name }),
    z.object({ max_gross_exposure: positive, name }).strict(),
    { ...pretrade, description: 'Rejects an order after which gross exposure would pass a cap.' },
  );
  registry.register(
    'DuplicateOrderThrottle',
    (k) => new DuplicateOrderThrottle({ windowMs: k.window_ms, maxDuplicates: k.max_duplicates, name: k.name }),
    z.object({ window_ms: positive, max_duplicates: z.number().int().min(0), name }).strict(),
    { ...pretrade, description: 'Rejects repeats of an identical order within a window.' },
  );
  registry.register(
    'RestrictedSymbols',
    (k) => new RestrictedSymbols({ symbols: k.symbols, name: k.name }),
    z.object({ symbols: z.array(symbolText), name }).strict(),
    { ...pretrade, description: 'Rejects every order on a restricted symbol.' },
  );
  registry.register('KillSwitchControl', (k) => new KillSwitchControl(k), z.object({ name }).strict(), {
    ...pretrade,
    description: 'While the kill switch is halted, passes only orders that reduce a position.',
  });
  registry.register(
    'PreTradeControls',
    (k, create) => new PreTradeControls(k.controls.map((spec, i) => create(spec, `controls.${i}`) as PreTradeControl), { name: k.name }),
    z.object({ controls: z.array(nestedSpec(registry, ['pretrade'])), name }).strict(),
    { ...pretrade, description: 'Several pre-trade controls checked in order; the first rejection wins.' },
  );
  return registry;
}
