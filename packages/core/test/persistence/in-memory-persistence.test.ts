import { describe, expect, it } from 'vitest';
import { InMemoryPersistence, ManualClock, sequentialIdGenerator } from '../../src/index.js';

// The full behavioural contract runs in packages/adapters/test/persistence (against
// all three adapters); these tests cover what is particular to the in-memory one.
describe('InMemoryPersistence', () => {
  it('uses random UUIDs and the wall clock by default', async () => {
    const store = new InMemoryPersistence();
    const bot = await store.createBot({ projectId: 'p', slug: 'b', name: 'B', kind: 'trading', spec: {} });
    expect(bot.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.isSafeInteger(bot.createdAt)).toBe(true);
    expect(bot.createdAt).toBeGreaterThan(Date.UTC(2020, 0, 1));
  });

  it('keeps its own copy of every JSON value: later changes to inputs or outputs do not leak in', async () => {
    const store = new InMemoryPersistence({ clock: new ManualClock(0), idGenerator: sequentialIdGenerator() });
    const spec = { kwargs: { fast: 10 } };
    const bot = await store.createBot({ projectId: 'p', slug: 'b', name: 'B', kind: 'trading', spec });
    spec.kwargs.fast = 99;
    (bot.currentVersion.spec as { kwargs: { fast: number } }).kwargs.fast = 42;
    const state = { cash: 1 };
    await store.saveSessionState('s', state);
    state.cash = 2;
    expect((await store.getBot(bot.id))?.currentVersion.spec).toEqual({ kwargs: { fast: 10 } });
    expect((await store.loadSessionState('s'))?.state).toEqual({ cash: 1 });
  });

  it('treats an id generator that repeats itself as a conflict, storing nothing', async () => {
    const store = new InMemoryPersistence({ idGenerator: () => 'same' });
    await store.createBot({ projectId: 'p', slug: 'a', name: 'A', kind: 'trading', spec: {} });
    await expect(store.createBot({ projectId: 'p', slug: 'b', name: 'B', kind: 'trading', spec: { x: 1 } })).rejects.toMatchObject({
      code: 'CONFLICT',
      path: 'id',
      value: 'same',
    });
    expect(await store.listBots()).toHaveLength(1);
    expect(await store.listSpecVersions('bot', 'same')).toHaveLength(1);
  });
});
