import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { InvalidArgumentError } from './errors.js';

type Generator = ReturnType<typeof xoroshiro128plus>;

/**
 * A seeded pseudo-random source (xoroshiro128+ from pure-rand). Every random draw in
 * the SDK goes through one of these, so the same seed gives the same numbers on
 * every machine. Its state can be saved and restored for restart safety.
 */
export class SeededRandom {
  private generator: Generator;
  private spareNormal: number | undefined;

  /** @param seed - a 32-bit integer seed */
  constructor(seed: number) {
    if (!Number.isInteger(seed)) throw new InvalidArgumentError('seed', seed, 'an integer');
    this.generator = xoroshiro128plus(seed | 0);
  }

  /** Restores a generator from {@link SeededRandom.state}. */
  static fromState(state: readonly number[]): SeededRandom {
    const rng = new SeededRandom(0);
    rng.generator = xoroshiro128plusFromState(state);
    return rng;
  }

  /** The internal state, for persistence. A cached normal draw is not part of it. */
  state(): readonly number[] {
    return this.generator.getState();
  }

  /** Uniform on [0, 1) with 53 random bits. */
  next(): number {
    return uniformFloat64(this.generator);
  }

  /** Uniform integer on [0, n). */
  int(n: number): number {
    if (!(Number.isInteger(n) && n > 0)) throw new InvalidArgumentError('n', n, 'a positive integer');
    return Math.floor(this.next() * n);
  }

  /**
   * Standard normal draw (Marsaglia polar method; the second value of each pair is
   * kept for the next call).
   */
  normal(): number {
    const spare = this.spareNormal;
    if (spare !== undefined) {
      this.spareNormal = undefined;
      return spare;
    }
    let u = 0;
    let v = 0;
    let s = 0;
    do {
      u = 2 * this.next() - 1;
      v = 2 * this.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * factor;
    return u * factor;
  }

  /** An independent generator derived from this one's next draws (for a sub-task). */
  fork(): SeededRandom {
    return new SeededRandom(Math.floor(this.next() * 0x7fffffff));
  }
}
