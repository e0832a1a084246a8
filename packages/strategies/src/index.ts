/**
 * `@alphaswarm/strategies`: Indicators, universes, alphas, portfolio construction and execution models, and the model registry.
 *
 * @packageDocumentation
 */
export * from './indicators/index.js';
export * from './universe/index.js';
export * from './alphas/index.js';
export * from './portfolio/index.js';
export * from './execution/index.js';
export { registerStrategyModels } from './register.js';
