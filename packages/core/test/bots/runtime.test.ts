import { describe, expect, it } from 'vitest';
import type { ProgressFrame } from '../../src/index.js';
import { BotMethodNotSupported, BotRuntime, InMemoryPersistence, KillSwitch, NotAvailableError, ProgressEmitter, loadBotSpecYaml } from '../../src/index.js';
import { DUAL_MA_YAML, fixtureRegistry } from './registry-fixture.js';

function runtime(progress = new ProgressEmitter(), killSwitch = new KillSwitch()): BotRuntime {
  return new BotRuntime({ persistence: new InMemoryPersistence(), registry: fixtureRegistry(), progress, killSwitch });
}

describe('BotRuntime', () => {
  it('hash-locks versions: a changed kwarg makes v2, the same spec again stays v2', async () => {
    const rt = runtime();
    const v1 = await rt.create(DUAL_MA_YAML);
    expect(v1.currentVersion.version).toBe(1);
    const v2 = await rt.update('dual-ma', DUAL_MA_YAML.replace('fast: 10', 'fast: 12'));
    expect(v2.currentVersion.version).toBe(2);
    expect(v2.currentVersion.specHash).not.toBe(v1.currentVersion.specHash);
    const again = await rt.upsert(DUAL_MA_YAML.replace('fast: 10', 'fast: 12'));
    expect(again.currentVersion.version).toBe(2);
    expect(again.currentVersion.id).toBe(v2.currentVersion.id);
    expect((await rt.versions('dual-ma')).map((v) => v.version)).toEqual([1, 2]);
  });

  it('backtests into a deployment row with statistics, metric verdicts and the event-log hash', async () => {
    const frames: ProgressFrame[] = [];
    const progress = new ProgressEmitter();
    progress.on('progress', (f) => frames.push(f));
    const rt = runtime(progress);
    await rt.create(DUAL_MA_YAML);
    const run = await rt.backtest('dual-ma');
    expect(run.deployment.status).toBe('succeeded');
    expect(run.deployment.kind).toBe('backtest');
    const stored = run.deployment.result as { eventLogHash: string; specHash: string; metrics: { name: string; passed: boolean }[]; finalEquity: number };
    expect(stored.eventLogHash).toBe(run.result.eventLogHash);
    expect(stored.specHash).toBe(run.version.specHash);
    expect(stored.metrics.map((m) => m.name)).toEqual(['sharpe', 'max_drawdown']);
    expect(stored.finalEquity).toBe(run.result.finalEquity);
    expect(run.result.fills.length).toBeGreaterThan(0);
    expect(frames.map((f) => f.stage)).toEqual(expect.arrayContaining(['bot.created', 'deployment.opened', 'backtest.progress', 'backtest.completed', 'deployment.finished']));
    const deployments = await rt.deployments('dual-ma');
    expect(deployments).toHaveLength(1);
  });

  it('gives the same event log for the same spec version twice', async () => {
    const rt = runtime();
    await rt.create(DUAL_MA_YAML);
    const a = await rt.backtest('dual-ma');
    const b = await rt.backtest('dual-ma');
    expect(a.result.eventLogHash).toBe(b.result.eventLogHash);
    expect(a.version.id).toBe(b.version.id);
  });

  it('marks the deployment halted when the kill switch stops the run', async () => {
    const killSwitch = new KillSwitch();
    const progress = new ProgressEmitter();
    progress.on('progress', (f) => {
      if (f.stage === 'backtest.progress') killSwitch.halt('operator');
    });
    const rt = runtime(progress, killSwitch);
    await rt.create(DUAL_MA_YAML);
    const run = await rt.backtest('dual-ma');
    expect(run.result.halted).toBe(true);
    expect(run.deployment.status).toBe('halted');
  });

  it('lists, gets by slug or id, and deletes', async () => {
    const rt = runtime();
    const created = await rt.create(DUAL_MA_YAML);
    expect((await rt.get(created.id))?.slug).toBe('dual-ma');
    expect((await rt.list({ kind: 'trading' })).map((b) => b.slug)).toEqual(['dual-ma']);
    expect(await rt.list({ kind: 'research' })).toEqual([]);
    await rt.delete('dual-ma');
    await expect(rt.backtest('dual-ma')).rejects.toThrow(/no bot "dual-ma"/);
  });
});

describe('TradingBot and ResearchBot', () => {
  it('throws BotMethodNotSupported for methods a kind lacks and NotAvailable for missing services', async () => {
    const rt = runtime();
    await rt.create(DUAL_MA_YAML);
    const trading = await rt.bot('dual-ma');
    await expect(trading.chat('hi')).rejects.toBeInstanceOf(BotMethodNotSupported);
    await expect(trading.paper()).rejects.toBeInstanceOf(NotAvailableError);
    const research = await rt.create(
      DUAL_MA_YAML.replace('slug: dual-ma', 'slug: research-1').replace('kind: trading', 'kind: research').replace(/strategy:[\s\S]*?backtest:/, 'backtest:'),
    );
    const bot = await rt.bot(research.slug);
    expect(bot.kind).toBe('research');
    await expect(bot.backtest()).rejects.toThrow(/does not support backtest\(\): the spec has no strategy/);
    await expect(bot.paper()).rejects.toBeInstanceOf(BotMethodNotSupported);
    await expect(bot.chat('hello')).rejects.toBeInstanceOf(NotAvailableError);
  });

  it('deploys a trading bot through the target its spec names, and refuses to deploy a research bot', async () => {
    const rt = runtime();
    await rt.create(DUAL_MA_YAML);
    const deployment = await rt.deploy('dual-ma');
    expect(deployment.kind).toBe('backtest');
    expect(deployment.status).toBe('succeeded');
    expect((deployment.result as { eventLogHash: string }).eventLogHash).toMatch(/^[0-9a-f]{64}$/);
    const research = await rt.create(DUAL_MA_YAML.replace('slug: dual-ma', 'slug: research-2').replace('kind: trading', 'kind: research'));
    await expect(rt.deploy(research.slug)).rejects.toBeInstanceOf(BotMethodNotSupported);
    const rows = await rt.deployments(research.slug);
    expect(rows.map((r) => r.status)).toEqual(['failed']);
  });

  it('refuses a trading spec without a strategy', () => {
    const spec = DUAL_MA_YAML.replace(/strategy:[\s\S]*?backtest:/, 'backtest:');
    expect(() => runtime().validate(spec)).toThrow(/strategy: a trading bot needs a strategy/);
    expect(loadBotSpecYaml(spec).strategy).toBeUndefined();
  });
});
