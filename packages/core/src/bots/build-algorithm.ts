import { SpecValidationError } from '../errors.js';
import { FrameworkAlgorithm } from '../framework/algorithm.js';
import { CompositeRiskManagementModel } from '../framework/composite-risk.js';
import type { RiskManagementModel } from '../framework/models.js';
import type { ModelRegistry, ModelSpec } from '../registry/registry.js';
import type { BotSpec } from './bot-spec.js';

/**
 * The risk caps of a spec's `risk` section as model specs, in the order they apply:
 * position cap, leverage cap, drawdown cap, daily loss halt. They resolve through
 * the registry (the risk package registers these classes).
 */
export function riskCapSpecs(spec: BotSpec): ModelSpec[] {
  const r = spec.risk;
  const caps: ModelSpec[] = [];
  if (r.max_position_pct !== undefined) caps.push({ class: 'MaximumPositionPercent', kwargs: { max_percent: r.max_position_pct } });
  if (r.max_gross_leverage !== undefined) caps.push({ class: 'MaximumLeverage', kwargs: { max_gross: r.max_gross_leverage } });
  if (r.max_drawdown_pct !== undefined) caps.push({ class: 'MaximumDrawdownPercentPortfolio', kwargs: { max_drawdown: r.max_drawdown_pct, trailing: true } });
  if (r.max_daily_loss_pct !== undefined) caps.push({ class: 'DailyLossHalt', kwargs: { max_daily_loss: r.max_daily_loss_pct } });
  return caps;
}

/**
 * The strategy spec with the defaults filled in: a `FrameworkAlgorithm` without a
 * `universe_model` trades the spec's universe (`StaticUniverse`); without a
 * `risk_model`, `NoOpRiskModel`; without an `execution_model`, `ImmediateExecutionModel`;
 * without a `portfolio_model`, `EqualWeightPortfolio`.
 */
export function strategyWithDefaults(spec: BotSpec): ModelSpec {
  const strategy = spec.strategy;
  if (strategy === undefined) throw new SpecValidationError('strategy', 'this bot has no strategy to run');
  if (strategy.class !== 'FrameworkAlgorithm') return strategy;
  const kwargs = { ...(strategy.kwargs ?? {}) };
  kwargs['name'] ??= spec.slug;
  kwargs['universe_model'] ??= { class: 'StaticUniverse', kwargs: { symbols: spec.universe.symbols } };
  kwargs['portfolio_model'] ??= { class: 'EqualWeightPortfolio' };
  kwargs['risk_model'] ??= { class: 'NoOpRiskModel' };
  kwargs['execution_model'] ??= { class: 'ImmediateExecutionModel' };
  return { class: strategy.class, kwargs };
}

/**
 * Builds the algorithm a bot spec describes, through the registry only (never by
 * loading code from a path). The spec's `risk` caps are chained after the
 * strategy's own risk model. Errors name the spec path, e.g.
 * `strategy.kwargs.alpha_model.kwargs.fast: expected number, got "ten"`.
 */
export function buildAlgorithm(spec: BotSpec, registry: ModelRegistry): FrameworkAlgorithm {
  const algorithm = registry.create<unknown>(strategyWithDefaults(spec), 'strategy');
  if (!(algorithm instanceof FrameworkAlgorithm)) {
    throw new SpecValidationError('strategy.class', `expected a class that builds a FrameworkAlgorithm, got ${JSON.stringify(spec.strategy?.class)}`, spec.strategy?.class);
  }
  const caps = riskCapSpecs(spec).map((cap) => registry.create<RiskManagementModel>(cap, 'risk'));
  if (caps.length === 0) return algorithm;
  return new FrameworkAlgorithm({
    name: algorithm.name,
    universe: algorithm.universe,
    alpha: algorithm.alpha,
    portfolio: algorithm.portfolio,
    risk: new CompositeRiskManagementModel([algorithm.risk, ...caps]),
    execution: algorithm.execution,
    preTradeControls: algorithm.preTradeControls,
  });
}
