/** Exit codes of the `alphaswarm` command. */
export const EXIT = {
  /** Done. */
  ok: 0,
  /** An unexpected failure. */
  failure: 1,
  /** Bad input: a spec, an option or an argument did not validate. */
  invalidInput: 2,
  /** A named bot, file or deployment does not exist. */
  notFound: 3,
  /** The run finished but a metric threshold failed (with `--strict`). */
  metricsFailed: 4,
  /** Stopped by Ctrl-C or the kill switch (128 + SIGINT). */
  interrupted: 130,
} as const;
