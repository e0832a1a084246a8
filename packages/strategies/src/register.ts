import type { ModelRegistry } from '@alphaswarm/core';
import { registerAlphaModels } from './alphas/register.js';
import { registerExecutionModels } from './execution/register.js';
import { registerPortfolioModels } from './portfolio/register.js';
import { registerUniverseModels } from './universe/register.js';

/**
 * Registers every model of this package under its class name: universes, alphas,
 * portfolio construction and execution models. Explicit, so importing the package
 * has no side effect.
 */
export function registerStrategyModels(registry: ModelRegistry): ModelRegistry {
  registerUniverseModels(registry);
  registerAlphaModels(registry);
  registerPortfolioModels(registry);
  registerExecutionModels(registry);
  return registry;
}
