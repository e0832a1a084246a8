import { it } from 'vitest';
import { computeStatistics } from '../../src/statistics/compute-statistics.js';
it('smoke', () => { console.log(computeStatistics({ equity: [100, 110, 99, 120], benchmark: [100, 101, 103, 102], trades: [], fills: [{quantity: 1, price: 100}], exposure: [0, 1, 1, 0] })); });
