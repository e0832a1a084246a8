export {
  cornishFisherVaR,
  covarianceMatrix,
  historicalES,
  historicalVaR,
  parametricTVaR,
  parametricVaR,
  portfolioReturns,
  portfolioVolatility,
} from './measures.js';
export { TVaRInterceptor } from './interceptor.js';
export type { TVaRInterceptorOptions, TVaRMethod, TVaRPolicy } from './interceptor.js';
