/**
 * `@alphaswarm/risk`: Trailing stops, the Tail-VaR interceptor, drawdown and exposure caps, pre-trade controls and Monte Carlo stress.
 *
 * @packageDocumentation
 */
export {};
export * from './tvar/index.js';
export * from './monte-carlo.js';
