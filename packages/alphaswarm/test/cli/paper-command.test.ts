import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { BotRuntime, InMemoryPersistence, KillSwitch, ManualClock, ModelRegistry, ProgressEmitter, jsonSafe, loadBotSpecFile, registerCoreModels } from '@alphaswarm/core';
import type { ProgressFrame } from '@alphaswarm/core';
import { JsonlJournal } from '@alphaswarm/adapters';
import { registerRiskModels } from '@alphaswarm/risk';
import { registerStrategyModels } from '@alphaswarm/strategies';
import { attachPaperProgress, parseSpeed, registerPaperCommand, runPaperCommand, type PaperCommandOptions } from '../../src/cli/paper-command.js';

const EXAMPLE = resolve(__dirname, '../../../../examples/bots/dual-ma.yaml');

function registry(): ModelRegistry {
  return registerRiskModels(registerStrategyModels(registerCoreModels(new ModelRegistry())));
}

/** The example bot on fewer bars, to keep the tests fast. */
function smallSpec(dir: string, bars = 600): string {
  const path = join(dir, 'dual-ma.yaml');
  writeFileSync(path, readFileSync(EXAMPLE, 'utf8').replace('bars: 2520', `bars: ${bars}`));
  return path;
}

function deps(dir: string, persistence = new InMemoryPersistence(), killSwitch = new KillSwitch()) {
  let out = '';
  let err = '';
  return {
    persistence,
    registry: registry(),
    progress: new ProgressEmitter(new ManualClock(0)),
    killSwitch,
    io: { out: (t: string) => void (out += t), err: (t: string) => void (err += t) },
    journalDir: join(dir, 'journal'),
    output: () => ({ out, err }),
  };
}

describe('alphaswarm paper', () => {
  it('replays the example bot with the fills of its backtest and writes the JSON shape of backtest --json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paper-cli-'));
    const spec = smallSpec(dir);
    const d = deps(dir);
    const json = join(dir, 'paper.json');
    const { outcome, deployment, exitCode } = await runPaperCommand(spec, { replay: true, json }, d);
    expect(exitCode).toBe(0);
    expect(outcome.status).toBe('completed');
    expect(deployment).toMatchObject({ kind: 'paper', status: 'succeeded' });
    const { out } = d.output();
    expect(out).toMatch(/Dual MA · paper replay · simulated broker · completed · 600 cycles/);
    expect(out).toMatch(/Sharpe ratio/);
    expect(out).toMatch(/event log hash +[0-9a-f]{64}/);

    // The same spec backtested by the runtime: the same fills and event log, and the same JSON keys.
    const runtime = new BotRuntime({ persistence: new InMemoryPersistence(), registry: registry() });
    await runtime.create(loadBotSpecFile(spec));
    const backtest = await runtime.backtest('dual-ma');
    const written = JSON.parse(readFileSync(json, 'utf8')) as Record<string, unknown> & { fills: unknown[] };
    const expected = jsonSafe(backtest.summary) as unknown as Record<string, unknown> & { fills: unknown[] };
    expect(Object.keys(written).sort()).toEqual(Object.keys(expected).sort());
    expect(backtest.result.fills.length).toBeGreaterThan(5);
    expect(written.fills).toEqual(expected.fills);
    expect(written['eventLogHash']).toBe(backtest.result.eventLogHash);
    expect(written['statistics']).toEqual(expected['statistics']);

    // The JSON Lines journal mirrors the persisted one.
    const lines = await new JsonlJournal({ dir: join(dir, 'journal'), name: outcome.sessionId }).read();
    const stored = await d.persistence.listJournal({ sessionId: outcome.sessionId });
    expect(lines.map((l) => [l.seq, l.kind, l.payload])).toEqual(stored.map((e) => [e.seq, e.kind, e.payload]));
    expect(stored.filter((e) => e.kind === 'fill')).toHaveLength(outcome.result.fills.length);
  });

  it('stops on the kill switch with exit code 130, and resumes to the uninterrupted result when run again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paper-cli-'));
    const spec = smallSpec(dir);
    const persistence = new InMemoryPersistence();
    const first = deps(dir, persistence);
    // Ctrl-C arrives while cycle 250 runs.
    first.progress.on('progress', (f: ProgressFrame) => f.stage === 'paper.cycle' && f['cycle'] === 250 && first.killSwitch.halt('interrupted (Ctrl-C)'));
    const halted = await runPaperCommand(spec, { replay: true }, first);
    expect(halted.exitCode).toBe(130);
    expect(halted.outcome).toMatchObject({ status: 'halted', cycles: 251, haltReason: 'interrupted (Ctrl-C)' });
    expect(halted.deployment.status).toBe('halted');
    expect(first.output().err).toMatch(/run the same command again to resume session paper-dual-ma-replay-/);

    const second = deps(dir, persistence);
    const resumed = await runPaperCommand(spec, { replay: true }, second);
    expect(resumed.exitCode).toBe(0);
    expect(resumed.outcome).toMatchObject({ status: 'completed', cycles: 600, resumedCycles: 251 });
    expect(second.output().out).toMatch(/600 cycles \(251 resumed\)/);

    // An uninterrupted session of the same bot version (another session id): the same summary and journal.
    const reference = await runPaperCommand(spec, { replay: true, session: 'reference' }, deps(dir, persistence));
    expect(jsonSafe(resumed.outcome.summary)).toEqual(jsonSafe(reference.outcome.summary));
    const journal = async (id: string): Promise<unknown[]> =>
      (await persistence.listJournal({ sessionId: id })).map((e) => [e.seq, e.time, e.kind, JSON.stringify(e.payload).split(id).join('<session>')]);
    const resumedJournal = await journal(resumed.outcome.sessionId);
    expect(resumedJournal.length).toBeGreaterThan(20);
    expect(resumedJournal).toEqual(await journal('reference'));
  });

  it('restores the shipped trailing stop and daily-loss halt exactly on resume', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paper-cli-'));
    const path = join(dir, 'stops.yaml');
    writeFileSync(
      path,
      readFileSync(EXAMPLE, 'utf8')
        .replace('bars: 2520', 'bars: 500')
        .replace('risk_model: { class: NoOpRiskModel }', 'risk_model: { class: TrailingStopRiskManagementModel, kwargs: { mode: atr, atr_multiple: 2, watermark: high_low } }')
        .replace('max_daily_loss_pct: 0.02', 'max_daily_loss_pct: 0.005'),
    );
    const persistence = new InMemoryPersistence();
    const reference = await runPaperCommand(path, { replay: true, session: 'reference' }, deps(dir, persistence));
    const risk = reference.outcome.result.riskEvents;
    expect(risk.filter((e) => e.model === 'TrailingStopRiskManagementModel' && e.action === 'liquidate').length).toBeGreaterThan(2);
    expect(risk.some((e) => e.model === 'DailyLossHalt' && e.action === 'halt')).toBe(true);
    // Kill just after the third trailing-stop exit: the peaks and the halted days must be rebuilt.
    const third = risk.filter((e) => e.action === 'liquidate')[2]!.time;
    const killed = deps(dir, persistence);
    killed.progress.on('progress', (f: ProgressFrame) => f.stage === 'paper.cycle' && f['time'] === third && killed.killSwitch.halt('kill'));
    expect((await runPaperCommand(path, { replay: true }, killed)).exitCode).toBe(130);
    const resumed = await runPaperCommand(path, { replay: true }, deps(dir, persistence));
    expect(resumed.outcome.resumedCycles).toBeGreaterThan(0);
    expect(jsonSafe(resumed.outcome.summary)).toEqual(jsonSafe(reference.outcome.summary));
    expect(resumed.outcome.result.riskEvents).toEqual(risk);
  });

  it('runs a live session on the spec data until Ctrl-C', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paper-cli-'));
    const spec = smallSpec(dir, 300);
    const d = deps(dir);
    const { outcome, exitCode } = await runPaperCommand(spec, { replay: false }, { ...d, clock: new ManualClock(Date.UTC(2030, 0, 2)), sleep: async () => d.killSwitch.halt('interrupted (Ctrl-C)') });
    expect(exitCode).toBe(130);
    expect(outcome.status).toBe('halted');
    expect(outcome.cycles).toBe(300);
    expect(outcome.sessionId).toMatch(/^paper-dual-ma-live-/);
  });

  it('runs a stored bot by slug, and names what it cannot find or parse', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paper-cli-'));
    const persistence = new InMemoryPersistence();
    await runPaperCommand(smallSpec(dir, 200), { replay: true }, deps(dir, persistence));
    const bySlug = await runPaperCommand('dual-ma', { replay: true }, deps(dir, persistence));
    expect(bySlug.outcome.resumedCycles).toBe(200);
    await expect(runPaperCommand('nope', { replay: true }, deps(dir, persistence))).rejects.toMatchObject({ code: 'BOT_NOT_FOUND' });
    const bad: [PaperCommandOptions, RegExp][] = [
      [{ speed: '0' }, /--speed: expected 'max' or a number > 0/],
      [{ broker: 'ib' }, /--broker: expected simulated or alpaca/],
      [{ data: 'x' }, /--data: expected spec or alpaca/],
    ];
    for (const [options, message] of bad) await expect(runPaperCommand('dual-ma', options, deps(dir, persistence))).rejects.toThrow(message);
    expect(parseSpeed('60')).toBe(60);
    expect(parseSpeed(undefined)).toBe('max');
  });

  it('reports progress by tenths of a replay and the active cycles of a live session', () => {
    const progress = new ProgressEmitter(new ManualClock(0));
    let text = '';
    const detach = attachPaperProgress(progress, (t) => (text += t));
    progress.report('s', 'paper.started', 'paper session s started');
    for (let i = 1; i <= 20; i += 1) progress.report('s', 'paper.cycle', `cycle ${i}`, { cycle: i, percent: i * 5, equity: 100 });
    progress.report('s', 'paper.cycle', 'cycle 21: 1 orders, 0 fills', { cycle: 21, actions: { orders: 1, fills: 0 }, errors: [] });
    progress.report('s', 'paper.cycle', 'cycle 22: 0 orders, 0 fills', { cycle: 22, actions: { orders: 0, fills: 0 }, errors: [] });
    detach();
    progress.report('s', 'paper.started', 'after detach');
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('paper session s started');
    expect(lines.filter((l) => l.includes('%'))).toHaveLength(11);
    expect(lines.at(-1)).toBe('  cycle 21: 1 orders, 0 fills');
  });

  it('registers the command with its options', () => {
    const program = new Command('alphaswarm');
    registerPaperCommand(program, () => ({}), { out: () => undefined, err: () => undefined }, () => undefined);
    const paper = program.commands.find((c) => c.name() === 'paper')!;
    expect(paper.options.map((o) => o.long)).toEqual(['--replay', '--json', '--speed', '--broker', '--data', '--journal', '--session', '--quiet']);
  });
});
