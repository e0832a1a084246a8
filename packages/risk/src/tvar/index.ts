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
