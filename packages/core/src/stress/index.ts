export type { StressRequest, StressResult, StressTester } from './stress-tester.js';
