/**
 * Shared setup of the research-debate examples: a synthetic market, the model
 * registry, the Monte Carlo stress tester and the printing of a debate.
 * Not an example on its own (see research-debate.ts and research-debate-live.ts).
 */
import { InMemoryPersistence, ManualClock, ModelRegistry, syntheticMarket } from '@alphaswarm/core';
import type { BarFrame } from '@alphaswarm/core';
import type { DebateOutcome } from '@alphaswarm/agents';
import { MonteCarloStressTester } from '@alphaswarm/risk';
import { registerAlphaModels } from '@alphaswarm/strategies';

/** Four correlated synthetic symbols with calm / volatile / trending regimes, 700 daily bars. */
export function exampleMarket(): BarFrame {
  return syntheticMarket({ symbols: ['AAA', 'BBB', 'CCC', 'DDD'], bars: 700, seed: 7, volatility: 0.25 }).frame;
}

/** A registry with the strategies package's alpha models (the only classes the generator may propose). */
export function exampleRegistry(): ModelRegistry {
  return registerAlphaModels(new ModelRegistry());
}

/** In-memory persistence with a fixed clock (deterministic ids and stamps). */
export function examplePersistence(): InMemoryPersistence {
  return new InMemoryPersistence({ clock: new ManualClock(Date.UTC(2025, 0, 1)) });
}

/** The risk package's Monte Carlo engine, through core's StressTester contract. */
export const stressTester = new MonteCarloStressTester();

/** Limits of the Risk Simulator: 21-bar TVaR95 at most 8 %, at most 5 % chance of a 10 % drawdown. */
export const LIMITS = { maxTvar: 0.08, maxDrawdownBreachProbability: 0.05, maxGrossExposure: 2 };

/** Prints a debate: every turn of the transcript, the decision and the insights. */
export function printDebate(outcome: DebateOutcome): void {
  console.log(`\n=== debate ${outcome.debateId} (${outcome.rounds} round(s)) ===`);
  for (const turn of outcome.transcript) {
    const p = turn.payload as Record<string, unknown>;
    let line: string;
    switch (turn.kind) {
      case 'assessment':
        line = `shift=${String(p.shift)} ${((p.reasons as string[]) ?? []).join('; ') || 'no significant change'}`;
        break;
      case 'proposal':
        line = `${String(p.class)} ${JSON.stringify(p.kwargs)} gross=${String(p.gross_exposure)} book=${JSON.stringify(
          ((p.book as { symbol: string; weight: number }[]) ?? []).map((b) => `${b.symbol}:${b.weight.toFixed(3)}`),
        )}\n      rationale: ${String(p.rationale)}`;
        break;
      case 'invalid_proposal':
        line = `refused: ${String(p.error)}`;
        break;
      case 'risk_verdict': {
        const m = p.metrics as { tvar?: number; probabilityOfDrawdownBreach?: number } | null;
        line = `${p.approved === true ? 'APPROVED' : 'REJECTED'} tvar=${m?.tvar?.toFixed(4) ?? 'n/a'} P(dd breach)=${m?.probabilityOfDrawdownBreach?.toFixed(4) ?? 'n/a'} ${((p.reasons as string[]) ?? []).join('; ')}`;
        break;
      }
      case 'advisory':
        line = `advisory verdict=${String(p.verdict)} (binding: no) — ${String(p.reason)}`;
        break;
      default:
        line = `approved=${String(p.approved)} round=${String(p.approvedRound)}`;
    }
    console.log(`  [${turn.round}] ${turn.participant.padEnd(14)} ${turn.kind.padEnd(16)} ${line}`);
  }
  console.log(`  rule: ${outcome.consensusRule}`);
  console.log(
    outcome.insights.length === 0
      ? '  insights: none (nothing approved)'
      : `  insights: ${outcome.insights.map((i) => `${i.symbol.value} ${i.direction} weight=${(i.weight ?? 0).toFixed(3)}`).join(', ')}`,
  );
}
