import { InvalidArgumentError } from '../errors.js';
import type { AlgorithmContext } from './context.js';
import type { InsightInit } from './insight.js';
import type { AlphaModel, SecurityChanges } from './models.js';
import type { Slice } from './slice.js';

/** An {@link InsightInit} that names the alpha model that produced it. */
export interface SourcedInsightInit extends InsightInit {
  /** Name of the producing model; overrides the composite's own name. */
  readonly sourceModel: string;
}

/**
 * Runs several alpha models on every slice and returns all their insights, each
 * stamped with the name of the model that produced it (so that one model's insight
 * never replaces another's).
 */
export class CompositeAlphaModel implements AlphaModel {
  /** Names of the parts joined by `+`. */
  readonly name: string;
  private readonly models: readonly AlphaModel[];

  /** @param models - the alpha models, at least one, with distinct names */
  constructor(models: readonly AlphaModel[]) {
    if (models.length === 0) throw new InvalidArgumentError('models', models, 'at least one alpha model');
    const names = new Set(models.map((m) => m.name));
    if (names.size !== models.length) throw new InvalidArgumentError('models', [...models.map((m) => m.name)], 'alpha models with distinct names');
    this.models = models;
    this.name = models.map((m) => m.name).join('+');
  }

  /** Concatenates the parts' insights in model order. */
  update(ctx: AlgorithmContext, slice: Slice): readonly SourcedInsightInit[] {
    let out: SourcedInsightInit[] | undefined;
    for (const model of this.models) {
      const insights = model.update(ctx, slice);
      if (insights.length === 0) continue;
      out ??= [];
      for (const insight of insights) out.push({ ...insight, sourceModel: model.name });
    }
    return out ?? NONE;
  }

  /** Forwards the change to every part. */
  onSecuritiesChanged(ctx: AlgorithmContext, changes: SecurityChanges): void {
    for (const model of this.models) model.onSecuritiesChanged?.(ctx, changes);
  }
}

const NONE: readonly SourcedInsightInit[] = Object.freeze([]);
