// Spy stage models that record every onSecuritiesChanged call, to check that universe
// changes reach every stage of the pipeline in an end-to-end backtest.
import {
  EventDrivenBacktester,
  FrameworkAlgorithm,
  type AlgorithmContext,
  type AlphaModel,
  type BacktestResult,
  type BarSource,
  type ExecutionModel,
  type InsightInit,
  type OrderRequest,
  type PortfolioConstructionModel,
  type PortfolioTarget,
  type RiskManagementModel,
  type SecurityChanges,
  type SymbolId,
  type UniverseSelectionModel,
} from '@alphaswarm/core';

/** One recorded change: which stage, at which time, what was added and removed (as text, sorted). */
export interface ChangeRecord {
  readonly stage: string;
  readonly time: number;
  readonly added: string[];
  readonly removed: string[];
}

const names = (xs: readonly SymbolId[]): string[] => xs.map((s) => s.value).sort();

class Spy {
  constructor(
    readonly name: string,
    private readonly log: ChangeRecord[],
  ) {}
  onSecuritiesChanged(ctx: AlgorithmContext, changes: SecurityChanges): void {
    this.log.push({ stage: this.name, time: ctx.time, added: names(changes.added), removed: names(changes.removed) });
  }
}

class SpyAlpha extends Spy implements AlphaModel {
  /** Active symbols seen by the alpha at each bar. */
  readonly active: string[][] = [];
  constructor(
    log: ChangeRecord[],
    private readonly onBar?: (ctx: AlgorithmContext) => void,
  ) {
    super('alpha', log);
  }
  update(ctx: AlgorithmContext): readonly InsightInit[] {
    this.active.push(names(ctx.securities.active));
    this.onBar?.(ctx);
    return [];
  }
}

class SpyPortfolio extends Spy implements PortfolioConstructionModel {
  createTargets(): readonly PortfolioTarget[] {
    return [];
  }
}

class SpyRisk extends Spy implements RiskManagementModel {
  manageRisk(_ctx: AlgorithmContext, targets: readonly PortfolioTarget[]): readonly PortfolioTarget[] {
    return targets;
  }
}

class SpyExecution extends Spy implements ExecutionModel {
  execute(): readonly OrderRequest[] {
    return [];
  }
}

/** Runs `universe` over `data` with spy models on every other stage. */
export function runWithSpies(
  universe: UniverseSelectionModel,
  data: BarSource,
  onBar?: (ctx: AlgorithmContext) => void,
): { log: ChangeRecord[]; active: string[][]; result: BacktestResult } {
  const log: ChangeRecord[] = [];
  const alpha = new SpyAlpha(log, onBar);
  const algorithm = new FrameworkAlgorithm({
    universe,
    alpha,
    portfolio: new SpyPortfolio('portfolio', log),
    risk: new SpyRisk('risk', log),
    execution: new SpyExecution('execution', log),
  });
  const result = new EventDrivenBacktester().run(algorithm, data);
  return { log, active: alpha.active, result };
}

/** The changes seen by each stage, grouped by time: `{time, added, removed}` per stage. */
export function changesByStage(log: readonly ChangeRecord[]): Record<string, { time: number; added: string[]; removed: string[] }[]> {
  const out: Record<string, { time: number; added: string[]; removed: string[] }[]> = {};
  for (const r of log) (out[r.stage] ??= []).push({ time: r.time, added: r.added, removed: r.removed });
  return out;
}

/** A context with just enough for `select` of universes that only read `time` and `securities.available`. */
export function selectionContext(available: readonly SymbolId[], time = 0): AlgorithmContext {
  return { time, securities: { available, active: [], price: () => undefined, lastBar: () => undefined } } as unknown as AlgorithmContext;
}
