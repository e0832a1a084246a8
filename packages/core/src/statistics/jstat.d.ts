/**
 * Minimal ambient types for the untyped `jstat` package: only what the statistics
 * module uses (the normal distribution's CDF). Extend it here when more is needed.
 */
declare module 'jstat' {
  /** The normal distribution functions of jStat. */
  interface JStatNormal {
    /** P(X ≤ x) for X ~ N(mean, std²). */
    cdf(x: number, mean: number, std: number): number;
  }
  /** The jStat namespace object (the module's CommonJS export). */
  interface JStatStatic {
    /** The normal distribution. */
    readonly normal: JStatNormal;
  }
  const jStat: JStatStatic;
  export default jStat;
}
