import fc from 'fast-check';

/**
 * Property tests run from a fixed seed, so the suite gives the same verdict on every run.
 * Set `FC_SEED` to explore other seeds; a failure prints the seed and path to replay it.
 */
const seed = Number(process.env['FC_SEED'] ?? 20_261_121);
if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, got "${process.env['FC_SEED']}"`);
fc.configureGlobal({ seed });
