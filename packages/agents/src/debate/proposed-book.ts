/**
 * The positions a proposal stands for: the probed insights of an alpha, sized to a
 * gross exposure.
 *
 * @module
 */
import { InvalidArgumentError } from '@alphaswarm/core';
import type { ProbedInsight } from './alpha-probe.js';

/** One position of a {@link ProposedBook}. */
export interface BookPosition {
  /** Canonical symbol text. */
  readonly symbol: string;
  /** `up` (long) or `down` (short). */
  readonly direction: 'up' | 'down';
  /** Signed weight, a fraction of equity (negative for a short). */
  readonly weight: number;
  /** The alpha's confidence, if it gave one. */
  readonly confidence: number | undefined;
  /** The alpha's predicted return, if it gave one. */
  readonly magnitude: number | undefined;
}

/** A set of constant-weight positions proposed for stress and, if approved, emission. */
export interface ProposedBook {
  /** Positions, in the probe's order, one per symbol. */
  readonly positions: readonly BookPosition[];
  /** Σ |weight|. */
  readonly grossExposure: number;
  /** Σ weight. */
  readonly netExposure: number;
}

/**
 * Sizes probed insights to a gross exposure G: each insight's relative size is its
 * |weight| when the alpha set a positive finite one, else 1; the position weight is
 * `sign × G × size / Σ size`, so that Σ |weight| = G (a share that underflows to 0
 * is left out). An empty list gives an empty book (gross 0).
 *
 * @throws InvalidArgumentError when `grossExposure` is not a positive finite number.
 */
export function bookFromInsights(insights: readonly ProbedInsight[], grossExposure: number): ProposedBook {
  if (!(typeof grossExposure === 'number' && Number.isFinite(grossExposure) && grossExposure > 0)) {
    throw new InvalidArgumentError('grossExposure', grossExposure, 'a positive finite fraction of equity');
  }
  const sizes = insights.map((insight) => {
    const w = insight.weight;
    return w !== undefined && Number.isFinite(w) && w !== 0 ? Math.abs(w) : 1;
  });
  // Scale sizes by their maximum first, so that neither tiny nor huge weights under- or overflow.
  let largest = 0;
  for (const size of sizes) largest = Math.max(largest, size);
  let total = 0;
  for (const size of sizes) total += size / largest;
  let gross = 0;
  let net = 0;
  const positions: BookPosition[] = [];
  insights.forEach((insight, i) => {
    const share = (sizes[i] ?? 1) / largest / total;
    const weight = (insight.direction === 'up' ? 1 : -1) * grossExposure * share;
    // A share that underflows to 0 stands for no position at all.
    if (weight === 0) return;
    gross += Math.abs(weight);
    net += weight;
    positions.push({ symbol: insight.symbol.value, direction: insight.direction, weight, confidence: insight.confidence, magnitude: insight.magnitude });
  });
  return { positions, grossExposure: gross, netExposure: net };
}
