import { ModelRegistry, registerCoreModels } from '@alphaswarm/core';
import { registerRiskModels } from '@alphaswarm/risk';
import { registerStrategyModels } from '@alphaswarm/strategies';

/**
 * A registry with every model the SDK ships: core's `FrameworkAlgorithm` and
 * composites, the strategies package's universes, alphas, portfolio and execution
 * models, and the risk package's risk models and pre-trade controls. Hosts add
 * their own with `registry.register(...)`.
 */
export function createDefaultRegistry(): ModelRegistry {
  const registry = new ModelRegistry();
  registerCoreModels(registry);
  registerStrategyModels(registry);
  registerRiskModels(registry);
  return registry;
}
