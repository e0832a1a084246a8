import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  InvalidArgumentError,
  ManualClock,
  NonJsonValueError,
  PersistenceClosedError,
  RecordConflictError,
  RecordNotFoundError,
  sequentialIdGenerator,
} from '@alphaswarm/core';
import type { IdGenerator, PersistenceAdapter } from '@alphaswarm/core';

/** What a contract factory receives: the clock and id generator the adapter must use. */
export interface ContractContext {
  readonly clock: ManualClock;
  readonly idGenerator: IdGenerator;
}

/** Makes a fresh, empty adapter for one test. */
export type PersistenceFactory = (context: ContractContext) => Promise<PersistenceAdapter>;

const T0 = Date.UTC(2024, 0, 2, 9, 30);

/** SHA-256 hex of a UTF-8 string, computed here without the code under test. */
function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A small BotSpec-like object; `fast` is the kwarg the tests change. */
function botSpec(fast = 10): Record<string, unknown> {
  return {
    name: 'ma-cross',
    universe: { symbols: ['AAPL.NASDAQ', 'MSFT.NASDAQ'] },
    strategy: { alpha: { class: 'DualMACrossoverAlpha', kwargs: { fast, slow: 50 } } },
  };
}

/** The same content with every object's keys in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).reverse();
    return Object.fromEntries(entries.map(([k, v]) => [k, reversedKeys(v)]));
  }
  return value;
}

async function expectError<E extends Error>(promise: Promise<unknown>, type: new (...args: never[]) => E): Promise<E> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(type);
  return error as E;
}

/**
 * The one behavioural contract of {@link PersistenceAdapter}, run against every
 * implementation (in-memory, SQLite, PostgreSQL). Each test gets a fresh adapter from
 * `factory`, with a ManualClock at 2024-01-02T09:30Z and sequential ids `id-1`, `id-2`, ….
 */
export function persistenceContract(name: string, factory: PersistenceFactory): void {
  describe(`${name} (PersistenceAdapter contract)`, () => {
    let store: PersistenceAdapter;
    let clock: ManualClock;

    beforeEach(async () => {
      clock = new ManualClock(T0);
      store = await factory({ clock, idGenerator: sequentialIdGenerator('id') });
    });

    afterEach(async () => {
      await store.close();
    });

    describe('spec hash-lock', () => {
      it('stores a first spec as version 1 with content-derived ids and the clock time', async () => {
        const v = await store.snapshotSpec('agent', 'analyst', { model: 'gpt', temperature: 0.5 });
        // Canonical text written by hand: keys sorted, no whitespace, 0.5 as is.
        const hash = sha256('{"model":"gpt","temperature":0.5}');
        expect(v).toEqual({
          specId: `spec_${sha256('["alphaswarm.spec","agent","analyst"]').slice(0, 32)}`,
          versionId: `specv_${sha256(`["alphaswarm.spec-version","agent","analyst","${hash}"]`).slice(0, 32)}`,
          kind: 'agent',
          name: 'analyst',
          version: 1,
          specHash: hash,
          spec: { model: 'gpt', temperature: 0.5 },
          createdAt: T0,
        });
      });

      it('returns the same version for the same content in any key order, without a new row', async () => {
        const first = await store.snapshotSpec('bot', 'b1', botSpec());
        clock.advance(60_000);
        const again = await store.snapshotSpec('bot', 'b1', reversedKeys(botSpec()));
        expect(again).toEqual(first);
        expect(await store.listSpecVersions('bot', 'b1')).toHaveLength(1);
      });

      it('makes version 2 when one kwarg changes, and returns version 2 again on re-submission', async () => {
        const v1 = await store.snapshotSpec('bot', 'b1', botSpec(10));
        clock.advance(1000);
        const v2 = await store.snapshotSpec('bot', 'b1', botSpec(12));
        clock.advance(1000);
        const v2again = await store.snapshotSpec('bot', 'b1', botSpec(12));
        expect(v2.version).toBe(2);
        expect(v2.versionId).not.toBe(v1.versionId);
        expect(v2.createdAt).toBe(T0 + 1000);
        expect(v2again).toEqual(v2);
        const back = await store.snapshotSpec('bot', 'b1', botSpec(10));
        expect(back).toEqual(v1);
        const list = await store.listSpecVersions('bot', 'b1');
        expect(list.map((v) => [v.version, v.spec])).toEqual([
          [1, botSpec(10)],
          [2, botSpec(12)],
        ]);
      });

      it('keeps series of different kinds and names apart', async () => {
        const a = await store.snapshotSpec('bot', 'x', { a: 1 });
        const b = await store.snapshotSpec('agent', 'x', { a: 1 });
        const c = await store.snapshotSpec('bot', 'y', { a: 1 });
        expect(new Set([a.versionId, b.versionId, c.versionId]).size).toBe(3);
        expect([a.version, b.version, c.version]).toEqual([1, 1, 1]);
        expect(a.specHash).toBe(b.specHash);
      });

      it('gets a version by id, undefined for an unknown id', async () => {
        const v = await store.snapshotSpec('bot', 'b1', botSpec());
        expect(await store.getSpecVersion(v.versionId)).toEqual(v);
        expect(await store.getSpecVersion('specv_unknown')).toBeUndefined();
        expect(await store.listSpecVersions('bot', 'nobody')).toEqual([]);
      });

      it('returns copies: mutating a returned spec does not change what is stored', async () => {
        const v = await store.snapshotSpec('bot', 'b1', botSpec());
        (v.spec as { name: string }).name = 'tampered';
        expect((await store.getSpecVersion(v.versionId))?.spec).toEqual(botSpec());
      });

      it('snapshots concurrently: the same content gives one version, new contents distinct numbers', async () => {
        const same = await Promise.all(Array.from({ length: 8 }, () => store.snapshotSpec('bot', 'c', botSpec(7))));
        expect(new Set(same.map((v) => v.versionId)).size).toBe(1);
        expect(same[0]?.version).toBe(1);
        const distinct = await Promise.all([20, 21, 22, 23].map((fast) => store.snapshotSpec('bot', 'c', botSpec(fast))));
        expect(distinct.map((v) => v.version).sort()).toEqual([2, 3, 4, 5]);
        expect(await store.listSpecVersions('bot', 'c')).toHaveLength(5);
      });

      it('rejects a bad kind, a bad name and a non-JSON spec, naming the field', async () => {
        const kind = await expectError(store.snapshotSpec('Bot Spec', 'b', {}), InvalidArgumentError);
        expect(kind.path).toBe('kind');
        const name = await expectError(store.snapshotSpec('bot', '', {}), InvalidArgumentError);
        expect(name.path).toBe('name');
        const spec = await expectError(store.snapshotSpec('bot', 'b', { kwargs: { fast: Number.NaN } }), NonJsonValueError);
        expect(spec.path).toBe('spec.kwargs.fast');
        expect(await store.listSpecVersions('bot', 'b')).toEqual([]);
      });
    });

    describe('bots', () => {
      const input = { projectId: 'p1', slug: 'ma-cross', name: 'MA cross', kind: 'trading', spec: botSpec() };

      it('creates an active bot at version 1 of its spec, hash-locked under (bot, id)', async () => {
        const bot = await store.createBot(input);
        expect(bot).toMatchObject({
          id: 'id-1',
          projectId: 'p1',
          slug: 'ma-cross',
          name: 'MA cross',
          kind: 'trading',
          status: 'active',
          createdAt: T0,
          updatedAt: T0,
          deletedAt: null,
        });
        expect(bot.currentVersion).toMatchObject({ botId: 'id-1', version: 1, spec: botSpec(), createdAt: T0 });
        const specs = await store.listSpecVersions('bot', 'id-1');
        expect(specs).toHaveLength(1);
        expect(bot.currentVersion.specVersionId).toBe(specs[0]?.versionId);
        expect(bot.currentVersion.specHash).toBe(specs[0]?.specHash);
        expect(bot.currentVersion.id).toBe(`botv_${sha256(`["alphaswarm.bot-version","id-1","${specs[0]?.specHash}"]`).slice(0, 32)}`);
      });

      it('finds a bot by id, by slug, and by slug within a project', async () => {
        const bot = await store.createBot(input);
        expect(await store.getBot(bot.id)).toEqual(bot);
        expect(await store.getBot('ma-cross')).toEqual(bot);
        expect(await store.getBot('ma-cross', 'p1')).toEqual(bot);
        expect(await store.getBot('ma-cross', 'p2')).toBeUndefined();
        expect(await store.getBot(bot.id, 'p2')).toBeUndefined();
        expect(await store.getBot('nothing')).toBeUndefined();
      });

      it('refuses a second live bot with the same slug in a project, naming the slug', async () => {
        await store.createBot(input);
        const error = await expectError(store.createBot({ ...input, name: 'other' }), RecordConflictError);
        expect(error.code).toBe('CONFLICT');
        expect(error.path).toBe('slug');
        expect(error.value).toBe('ma-cross');
      });

      it('allows the same slug in another project, and then needs the project to find it by slug', async () => {
        const a = await store.createBot(input);
        const b = await store.createBot({ ...input, projectId: 'p2' });
        expect(await store.getBot('ma-cross', 'p2')).toEqual(b);
        expect(await store.getBot('ma-cross', 'p1')).toEqual(a);
        const error = await expectError(store.getBot('ma-cross'), RecordConflictError);
        expect(error.path).toBe('idOrSlug');
      });

      it('rejects bad bot input naming the field and the value', async () => {
        const slug = await expectError(store.createBot({ ...input, slug: 'MA Cross' }), InvalidArgumentError);
        expect([slug.path, slug.value]).toEqual(['slug', 'MA Cross']);
        const project = await expectError(store.createBot({ ...input, projectId: '' }), InvalidArgumentError);
        expect(project.path).toBe('projectId');
        const extra = await expectError(store.createBot({ ...input, colour: 'red' } as typeof input), InvalidArgumentError);
        expect(extra.path).toBe('colour');
        const spec = await expectError(store.createBot({ ...input, spec: { a: [1, undefined] } }), NonJsonValueError);
        expect(spec.path).toBe('spec.a[1]');
        expect(await store.listBots()).toEqual([]);
      });

      it('snapshots a new bot version when the spec changes, and keeps the version when it does not', async () => {
        const bot = await store.createBot(input);
        clock.advance(5000);
        const v2 = await store.updateBot(bot.id, botSpec(12));
        expect(v2.currentVersion.version).toBe(2);
        expect(v2.currentVersion.spec).toEqual(botSpec(12));
        expect(v2.updatedAt).toBe(T0 + 5000);
        clock.advance(5000);
        const same = await store.updateBot(bot.id, reversedKeys(botSpec(12)));
        expect(same).toEqual(v2);
        const versions = await store.listBotVersions(bot.id);
        expect(versions.map((v) => v.version)).toEqual([1, 2]);
        expect(await store.getBotVersion(v2.currentVersion.id)).toEqual(v2.currentVersion);
      });

      it('makes an earlier version current again when its spec comes back, without a new version', async () => {
        const bot = await store.createBot(input);
        await store.updateBot(bot.id, botSpec(12));
        clock.advance(1000);
        const back = await store.updateBot(bot.id, botSpec(10));
        expect(back.currentVersion).toEqual(bot.currentVersion);
        expect(back.updatedAt).toBe(T0 + 1000);
        expect(await store.listBotVersions(bot.id)).toHaveLength(2);
      });

      it('reports unknown bots as not found', async () => {
        const update = await expectError(store.updateBot('ghost', botSpec()), RecordNotFoundError);
        expect([update.code, update.path, update.value]).toEqual(['NOT_FOUND', 'id', 'ghost']);
        await expectError(store.deleteBot('ghost'), RecordNotFoundError);
        await expectError(store.listBotVersions('ghost'), RecordNotFoundError);
        expect(await store.getBotVersion('botv_ghost')).toBeUndefined();
      });

      it('filters bots by project and kind, in creation order, hiding deleted ones by default', async () => {
        const a = await store.createBot(input);
        const b = await store.createBot({ ...input, slug: 'rsi', kind: 'research' });
        const c = await store.createBot({ ...input, projectId: 'p2', slug: 'carry' });
        expect((await store.listBots()).map((x) => x.id)).toEqual([a.id, b.id, c.id]);
        expect((await store.listBots({ projectId: 'p1' })).map((x) => x.id)).toEqual([a.id, b.id]);
        expect((await store.listBots({ kind: 'trading' })).map((x) => x.id)).toEqual([a.id, c.id]);
        expect((await store.listBots({ projectId: 'p1', kind: 'research' })).map((x) => x.id)).toEqual([b.id]);
        await store.deleteBot(b.id);
        expect((await store.listBots({ projectId: 'p1' })).map((x) => x.id)).toEqual([a.id]);
        expect((await store.listBots({ status: 'deleted' })).map((x) => x.id)).toEqual([b.id]);
        const bad = await expectError(store.listBots({ status: 'gone' as 'deleted' }), InvalidArgumentError);
        expect(bad.path).toBe('status');
      });

      it('soft-deletes: the bot and its versions stay, the slug is free, updates are refused', async () => {
        const bot = await store.createBot(input);
        await store.updateBot(bot.id, botSpec(12));
        clock.advance(1000);
        const deleted = await store.deleteBot(bot.id);
        expect(deleted).toMatchObject({ status: 'deleted', deletedAt: T0 + 1000, updatedAt: T0 + 1000 });
        clock.advance(1000);
        expect(await store.deleteBot(bot.id)).toEqual(deleted);
        expect(await store.getBot(bot.id)).toEqual(deleted);
        expect(await store.getBot('ma-cross')).toBeUndefined();
        expect(await store.listBotVersions(bot.id)).toHaveLength(2);
        const update = await expectError(store.updateBot(bot.id, botSpec(30)), RecordConflictError);
        expect(update.path).toBe('id');
        expect(await store.listSpecVersions('bot', bot.id)).toHaveLength(2);
        const reborn = await store.createBot(input);
        expect(reborn.id).not.toBe(bot.id);
        expect(await store.getBot('ma-cross')).toEqual(reborn);
      });
    });

    describe('deployments', () => {
      async function bot() {
        return store.createBot({ projectId: 'p1', slug: 'b', name: 'B', kind: 'trading', spec: botSpec() });
      }

      it('opens a running deployment of a bot version and finishes it once', async () => {
        const b = await bot();
        const opened = await store.openDeployment({ botId: b.id, botVersionId: b.currentVersion.id, kind: 'backtest' });
        expect(opened).toEqual({
          id: 'id-2',
          botId: b.id,
          botVersionId: b.currentVersion.id,
          kind: 'backtest',
          status: 'running',
          result: null,
          error: null,
          openedAt: T0,
          finishedAt: null,
        });
        clock.advance(90_000);
        const result = { sharpe: 1.25, trades: [{ symbol: 'AAPL.NASDAQ', pnl: -3.5 }], notes: null };
        const done = await store.finishDeployment(opened.id, { status: 'succeeded', result });
        expect(done).toEqual({ ...opened, status: 'succeeded', result, finishedAt: T0 + 90_000 });
        expect(await store.getDeployment(opened.id)).toEqual(done);
        const again = await expectError(store.finishDeployment(opened.id, { status: 'failed', result: null }), RecordConflictError);
        expect(again.path).toBe('id');
        expect(await store.getDeployment(opened.id)).toEqual(done);
        expect(await store.getDeployment('nope')).toBeUndefined();
      });

      it('records failures with their error message', async () => {
        const b = await bot();
        const d = await store.openDeployment({ botId: b.id, botVersionId: b.currentVersion.id, kind: 'paper' });
        const failed = await store.finishDeployment(d.id, { status: 'halted', result: { equity: 100 }, error: 'kill switch: drawdown' });
        expect([failed.status, failed.error, failed.result]).toEqual(['halted', 'kill switch: drawdown', { equity: 100 }]);
      });

      it('refuses unknown bots, versions of other bots, deleted bots and bad kinds', async () => {
        const a = await bot();
        const other = await store.createBot({ projectId: 'p1', slug: 'other', name: 'O', kind: 'trading', spec: botSpec(3) });
        const unknown = await expectError(store.openDeployment({ botId: 'ghost', botVersionId: a.currentVersion.id, kind: 'paper' }), RecordNotFoundError);
        expect(unknown.path).toBe('botId');
        const foreign = await expectError(
          store.openDeployment({ botId: a.id, botVersionId: other.currentVersion.id, kind: 'paper' }),
          RecordNotFoundError,
        );
        expect(foreign.path).toBe('botVersionId');
        const kind = await expectError(
          store.openDeployment({ botId: a.id, botVersionId: a.currentVersion.id, kind: 'cloud' as 'paper' }),
          InvalidArgumentError,
        );
        expect([kind.path, kind.value]).toEqual(['kind', 'cloud']);
        await store.deleteBot(a.id);
        const deleted = await expectError(store.openDeployment({ botId: a.id, botVersionId: a.currentVersion.id, kind: 'paper' }), RecordConflictError);
        expect(deleted.path).toBe('botId');
        expect(await store.listDeployments()).toEqual([]);
        await expectError(store.finishDeployment('ghost', { status: 'failed', result: null }), RecordNotFoundError);
      });

      it('opens a deployment of an older version of the bot', async () => {
        const b = await bot();
        await store.updateBot(b.id, botSpec(12));
        const d = await store.openDeployment({ botId: b.id, botVersionId: b.currentVersion.id, kind: 'backtest' });
        expect(d.botVersionId).toBe(b.currentVersion.id);
      });

      it('filters deployments by bot, kind and status, in opening order', async () => {
        const a = await bot();
        const b = await store.createBot({ projectId: 'p1', slug: 'b2', name: 'B2', kind: 'trading', spec: botSpec(2) });
        const d1 = await store.openDeployment({ botId: a.id, botVersionId: a.currentVersion.id, kind: 'backtest' });
        const d2 = await store.openDeployment({ botId: a.id, botVersionId: a.currentVersion.id, kind: 'paper' });
        const d3 = await store.openDeployment({ botId: b.id, botVersionId: b.currentVersion.id, kind: 'backtest' });
        await store.finishDeployment(d1.id, { status: 'succeeded', result: {} });
        const ids = async (filter: Parameters<PersistenceAdapter['listDeployments']>[0]) =>
          (await store.listDeployments(filter)).map((d) => d.id);
        expect(await ids({})).toEqual([d1.id, d2.id, d3.id]);
        expect(await ids({ botId: a.id })).toEqual([d1.id, d2.id]);
        expect(await ids({ kind: 'backtest' })).toEqual([d1.id, d3.id]);
        expect(await ids({ status: 'running' })).toEqual([d2.id, d3.id]);
        expect(await ids({ botId: a.id, kind: 'backtest', status: 'succeeded' })).toEqual([d1.id]);
      });

      it('rejects a non-JSON result naming its path, and leaves the deployment running', async () => {
        const b = await bot();
        const d = await store.openDeployment({ botId: b.id, botVersionId: b.currentVersion.id, kind: 'backtest' });
        const error = await expectError(
          store.finishDeployment(d.id, { status: 'succeeded', result: { stats: { sharpe: Number.POSITIVE_INFINITY } } }),
          NonJsonValueError,
        );
        expect(error.path).toBe('result.stats.sharpe');
        expect((await store.getDeployment(d.id))?.status).toBe('running');
      });
    });

    describe('agent runs', () => {
      async function agentVersion() {
        return store.snapshotSpec('agent', 'analyst', { model: 'm', maxSteps: 4 });
      }

      it('records a running agent run, updates it and appends numbered steps', async () => {
        const v = await agentVersion();
        const run = await store.recordAgentRun({ versionId: v.versionId, input: { symbol: 'AAPL.NASDAQ' } });
        expect(run).toEqual({
          id: 'id-1',
          versionId: v.versionId,
          deploymentId: null,
          status: 'running',
          input: { symbol: 'AAPL.NASDAQ' },
          output: null,
          error: null,
          usage: { promptTokens: 0, completionTokens: 0, costUsd: 0 },
          startedAt: T0,
          updatedAt: T0,
          finishedAt: null,
        });
        clock.advance(10);
        const s0 = await store.appendAgentStep(run.id, { kind: 'model_call', payload: { tokens: 120 } });
        const s1 = await store.appendAgentStep(run.id, { kind: 'tool_call', payload: { tool: 'prices' }, time: T0 + 5 });
        expect(s0).toEqual({ runId: run.id, index: 0, kind: 'model_call', time: T0 + 10, payload: { tokens: 120 } });
        expect(s1).toEqual({ runId: run.id, index: 1, kind: 'tool_call', time: T0 + 5, payload: { tool: 'prices' } });
        clock.advance(10);
        const mid = await store.updateAgentRun(run.id, { usage: { promptTokens: 120, costUsd: 0.0012 } });
        expect(mid.usage).toEqual({ promptTokens: 120, completionTokens: 0, costUsd: 0.0012 });
        expect([mid.status, mid.updatedAt, mid.finishedAt]).toEqual(['running', T0 + 20, null]);
        clock.advance(10);
        const done = await store.updateAgentRun(run.id, { status: 'succeeded', output: { direction: 'up' }, usage: { completionTokens: 30 } });
        expect(done).toMatchObject({
          status: 'succeeded',
          output: { direction: 'up' },
          usage: { promptTokens: 120, completionTokens: 30, costUsd: 0.0012 },
          finishedAt: T0 + 30,
        });
        expect(await store.getAgentRun(run.id)).toEqual(done);
        expect(await store.listAgentSteps(run.id)).toEqual([s0, s1]);
      });

      it('freezes a finished run: no more updates or steps', async () => {
        const v = await agentVersion();
        const run = await store.recordAgentRun({ versionId: v.versionId });
        await store.updateAgentRun(run.id, { status: 'failed', error: 'model returned garbage' });
        const update = await expectError(store.updateAgentRun(run.id, { output: 1 }), RecordConflictError);
        expect(update.path).toBe('id');
        const step = await expectError(store.appendAgentStep(run.id, { kind: 'retry' }), RecordConflictError);
        expect(step.path).toBe('runId');
        expect(await store.listAgentSteps(run.id)).toEqual([]);
        expect((await store.getAgentRun(run.id))?.error).toBe('model returned garbage');
      });

      it('requires an existing spec version and deployment', async () => {
        const version = await expectError(store.recordAgentRun({ versionId: 'specv_nope' }), RecordNotFoundError);
        expect(version.path).toBe('versionId');
        const v = await agentVersion();
        const deployment = await expectError(store.recordAgentRun({ versionId: v.versionId, deploymentId: 'd-nope' }), RecordNotFoundError);
        expect(deployment.path).toBe('deploymentId');
        await expectError(store.updateAgentRun('ghost', {}), RecordNotFoundError);
        await expectError(store.appendAgentStep('ghost', { kind: 'x' }), RecordNotFoundError);
        await expectError(store.listAgentSteps('ghost'), RecordNotFoundError);
        expect(await store.getAgentRun('ghost')).toBeUndefined();
      });

      it('rejects bad usage and step input naming the field', async () => {
        const v = await agentVersion();
        const run = await store.recordAgentRun({ versionId: v.versionId });
        const usage = await expectError(store.updateAgentRun(run.id, { usage: { promptTokens: -1 } }), InvalidArgumentError);
        expect([usage.path, usage.value]).toEqual(['usage.promptTokens', -1]);
        const kind = await expectError(store.appendAgentStep(run.id, { kind: '' }), InvalidArgumentError);
        expect(kind.path).toBe('kind');
        const time = await expectError(store.appendAgentStep(run.id, { kind: 'x', time: 1.5 }), InvalidArgumentError);
        expect(time.path).toBe('time');
        expect((await store.getAgentRun(run.id))?.usage.promptTokens).toBe(0);
      });

      it('lists runs by deployment and by spec version, in recording order', async () => {
        const v1 = await agentVersion();
        const v2 = await store.snapshotSpec('agent', 'analyst', { model: 'm', maxSteps: 8 });
        const b = await store.createBot({ projectId: 'p', slug: 'r', name: 'R', kind: 'research', spec: { agents: ['analyst'] } });
        const d = await store.openDeployment({ botId: b.id, botVersionId: b.currentVersion.id, kind: 'chat' });
        const r1 = await store.recordAgentRun({ versionId: v1.versionId, deploymentId: d.id });
        const r2 = await store.recordAgentRun({ versionId: v2.versionId, deploymentId: d.id });
        const r3 = await store.recordAgentRun({ versionId: v1.versionId });
        const ids = async (filter: Parameters<PersistenceAdapter['listAgentRuns']>[0]) => (await store.listAgentRuns(filter)).map((r) => r.id);
        expect(await ids({})).toEqual([r1.id, r2.id, r3.id]);
        expect(await ids({ deploymentId: d.id })).toEqual([r1.id, r2.id]);
        expect(await ids({ versionId: v1.versionId })).toEqual([r1.id, r3.id]);
        expect(await ids({ deploymentId: d.id, versionId: v2.versionId })).toEqual([r2.id]);
      });
    });

    describe('journal and session state', () => {
      it('appends entries with per-session sequence numbers and lists them in order', async () => {
        const entries = [];
        for (let i = 0; i < 5; i++) {
          entries.push(await store.appendJournal({ sessionId: 's1', time: T0 + i * 60_000, kind: i % 2 ? 'fill' : 'order', payload: { i } }));
        }
        const other = await store.appendJournal({ sessionId: 's2', time: T0, kind: 'order', payload: null });
        expect(entries.map((e) => e.seq)).toEqual([0, 1, 2, 3, 4]);
        expect(other.seq).toBe(0);
        expect(entries[3]).toEqual({ sessionId: 's1', seq: 3, time: T0 + 180_000, kind: 'fill', payload: { i: 3 } });
        expect(await store.listJournal({ sessionId: 's1' })).toEqual(entries);
        expect((await store.listJournal({ sessionId: 's1', since: T0 + 120_000 })).map((e) => e.seq)).toEqual([2, 3, 4]);
        expect((await store.listJournal({ sessionId: 's1', afterSeq: 3 })).map((e) => e.seq)).toEqual([4]);
        expect(await store.listJournal({ sessionId: 'none' })).toEqual([]);
      });

      it('keeps sequence numbers dense under concurrent appends', async () => {
        await Promise.all(
          Array.from({ length: 20 }, (_, i) => store.appendJournal({ sessionId: 's', time: T0, kind: 'tick', payload: i })),
        );
        const seqs = (await store.listJournal({ sessionId: 's' })).map((e) => e.seq);
        expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i));
      });

      it('saves, overwrites and loads session state', async () => {
        expect(await store.loadSessionState('paper-1')).toBeUndefined();
        const first = await store.saveSessionState('paper-1', { cash: 1000, positions: { 'AAPL.NASDAQ': 5 } });
        expect(first).toEqual({ sessionId: 'paper-1', state: { cash: 1000, positions: { 'AAPL.NASDAQ': 5 } }, savedAt: T0 });
        clock.advance(1000);
        await store.saveSessionState('paper-1', { cash: 900, positions: {} });
        expect(await store.loadSessionState('paper-1')).toEqual({ sessionId: 'paper-1', state: { cash: 900, positions: {} }, savedAt: T0 + 1000 });
        const bad = await expectError(store.saveSessionState('paper-1', { at: new Date(0) }), NonJsonValueError);
        expect(bad.path).toBe('state.at');
        expect((await store.loadSessionState('paper-1'))?.state).toEqual({ cash: 900, positions: {} });
      });

      it('rejects bad journal input naming the field', async () => {
        const time = await expectError(store.appendJournal({ sessionId: 's', time: Number.NaN, kind: 'x', payload: 1 }), InvalidArgumentError);
        expect(time.path).toBe('time');
        const payload = await expectError(store.appendJournal({ sessionId: 's', time: T0, kind: 'x', payload: { f: () => 1 } }), NonJsonValueError);
        expect(payload.path).toBe('payload.f');
        const session = await expectError(store.listJournal({ sessionId: '' }), InvalidArgumentError);
        expect(session.path).toBe('sessionId');
      });
    });

    describe('failed writes', () => {
      it('a failed bot creation stores nothing, not even its spec version, and loses nothing', async () => {
        const a = await store.createBot({ projectId: 'p', slug: 'a', name: 'A', kind: 'trading', spec: botSpec() });
        await expectError(store.createBot({ projectId: 'p', slug: 'a', name: 'A2', kind: 'trading', spec: botSpec(99) }), RecordConflictError);
        // The failed attempt drew id-2 from the generator; its spec series must be empty.
        expect(await store.listSpecVersions('bot', 'id-2')).toEqual([]);
        expect(await store.listBots()).toEqual([a]);
        expect(await store.listBotVersions(a.id)).toEqual([a.currentVersion]);
        const b = await store.createBot({ projectId: 'p', slug: 'b', name: 'B', kind: 'trading', spec: botSpec(99) });
        expect(b.currentVersion.version).toBe(1);
      });

      it('a failed journal append does not consume a sequence number', async () => {
        await store.appendJournal({ sessionId: 's', time: T0, kind: 'a', payload: 1 });
        await expectError(store.appendJournal({ sessionId: 's', time: T0, kind: 'b', payload: [Number.NaN] }), NonJsonValueError);
        const next = await store.appendJournal({ sessionId: 's', time: T0, kind: 'c', payload: 3 });
        expect(next.seq).toBe(1);
        expect((await store.listJournal({ sessionId: 's' })).map((e) => e.kind)).toEqual(['a', 'c']);
      });

      it('a refused bot update leaves versions and the current version as they were', async () => {
        const bot = await store.createBot({ projectId: 'p', slug: 'a', name: 'A', kind: 'trading', spec: botSpec() });
        await expectError(store.updateBot(bot.id, { bad: undefined }), NonJsonValueError);
        expect(await store.getBot(bot.id)).toEqual(bot);
        expect(await store.listSpecVersions('bot', bot.id)).toHaveLength(1);
      });
    });

    describe('lifecycle', () => {
      it('refuses every call after close, and close is idempotent', async () => {
        await store.snapshotSpec('bot', 'b', {});
        await store.close();
        await store.close();
        await expectError(store.snapshotSpec('bot', 'b', {}), PersistenceClosedError);
        await expectError(store.listBots(), PersistenceClosedError);
        const error = await expectError(store.loadSessionState('s'), PersistenceClosedError);
        expect(error.code).toBe('CLOSED');
      });
    });
  });
}
