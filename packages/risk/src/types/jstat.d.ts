/**
 * Minimal ambient declaration of the parts of `jstat` (an untyped CommonJS package)
 * that this package uses: the normal quantile and density. Internal: nothing declared
 * here appears in an exported signature, so the published `.d.ts` does not need it.
 *
 * It declares the package's main file `jstat/dist/jstat.js` rather than the bare
 * specifier `jstat`, because `@alphaswarm/core` declares its own ambient `'jstat'`
 * module with non-exported interfaces; two ambient declarations of one specifier
 * would collide (duplicate default export) in a program that holds both packages,
 * and neither could extend the other's interfaces. `jstat` sets `module.exports` to
 * the `jStat` object, so it is imported through the default import, which works for
 * the ESM build (Node's CommonJS interop) and the CJS build.
 */
declare module 'jstat/dist/jstat.js' {
  /** The normal distribution functions of jStat. */
  interface JStatNormal {
    /** Quantile (inverse CDF) at probability `p` of N(`mean`, `sd`²). */
    inv(p: number, mean: number, sd: number): number;
    /** Density at `x` of N(`mean`, `sd`²). */
    pdf(x: number, mean: number, sd: number): number;
  }

  /** The subset of the `jStat` object used here. */
  interface JStatStatic {
    /** Normal distribution. */
    readonly normal: JStatNormal;
  }

  const jStat: JStatStatic;
  export default jStat;
}
