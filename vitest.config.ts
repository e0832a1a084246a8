import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string): string => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      '@alphaswarm/core': src('core'),
      '@alphaswarm/strategies': src('strategies'),
      '@alphaswarm/risk': src('risk'),
      '@alphaswarm/agents': src('agents'),
      '@alphaswarm/adapters': src('adapters'),
    },
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'examples/**/*.test.ts'],
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    testTimeout: 30_000,
    setupFiles: ['./vitest.setup.ts'],
  },
});
