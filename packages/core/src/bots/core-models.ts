import { z } from 'zod';
import { FrameworkAlgorithm } from '../framework/algorithm.js';
import { CompositeAlphaModel } from '../framework/composite-alpha.js';
import { CompositeRiskManagementModel } from '../framework/composite-risk.js';
import type {
  AlphaModel,
  ExecutionModel,
  PortfolioConstructionModel,
  RiskManagementModel,
  UniverseSelectionModel,
} from '../framework/models.js';
import type { PreTradeControl } from '../framework/pre-trade-control.js';
import { ModelSpecSchema, type ModelRegistry } from '../registry/registry.js';

/**
 * Registers the models core itself provides: `FrameworkAlgorithm` (kwargs
 * `universe_model`, `alpha_model`, `portfolio_model`, `risk_model`,
 * `execution_model`, optional `pre_trade_controls` and `name`, each model a
 * nested `{class, kwargs}` spec), `CompositeAlphaModel` (`models`) and
 * `CompositeRiskManagementModel` (`models`, applied in order).
 */
export function registerCoreModels(registry: ModelRegistry): ModelRegistry {
  registry.register(
    'FrameworkAlgorithm',
    (k, create) =>
      new FrameworkAlgorithm({
        ...(k.name === undefined ? {} : { name: k.name }),
        universe: create(k.universe_model, 'universe_model') as UniverseSelectionModel,
        alpha: create(k.alpha_model, 'alpha_model') as AlphaModel,
        portfolio: create(k.portfolio_model, 'portfolio_model') as PortfolioConstructionModel,
        risk: create(k.risk_model, 'risk_model') as RiskManagementModel,
        execution: create(k.execution_model, 'execution_model') as ExecutionModel,
        preTradeControls: k.pre_trade_controls.map((c, i) => create(c, `pre_trade_controls.${i}`) as PreTradeControl),
      }),
    z
      .object({
        name: z.string().min(1).optional(),
        universe_model: ModelSpecSchema,
        alpha_model: ModelSpecSchema,
        portfolio_model: ModelSpecSchema,
        risk_model: ModelSpecSchema,
        execution_model: ModelSpecSchema,
        pre_trade_controls: z.array(ModelSpecSchema).default([]),
      })
      .strict(),
    { kind: 'algorithm', description: 'One model per stage: universe, alpha, portfolio, risk, execution.' },
  );
  registry.register(
    'CompositeAlphaModel',
    (k, create) => new CompositeAlphaModel(k.models.map((m, i) => create(m, `models.${i}`) as AlphaModel)),
    z.object({ models: z.array(ModelSpecSchema).min(1) }).strict(),
    { kind: 'alpha', description: 'Runs several alpha models and joins their insights.' },
  );
  registry.register(
    'CompositeRiskManagementModel',
    (k, create) => new CompositeRiskManagementModel(k.models.map((m, i) => create(m, `models.${i}`) as RiskManagementModel)),
    z.object({ models: z.array(ModelSpecSchema).min(1) }).strict(),
    { kind: 'risk', description: 'Chains risk models in the declared order.' },
  );
  return registry;
}
