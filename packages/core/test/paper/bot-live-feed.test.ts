import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock, MarketDataFeed, botLiveFeed, loadBotSpecYaml } from '../../src/index.js';

describe('botLiveFeed', () => {
  it('polls the synthetic market of the spec from its first bar', async () => {
    const spec = loadBotSpecYaml('name: x\nslug: x\nuniverse: { symbols: [B.X, A.X] }\ndata_pipeline: { source: synthetic, seed: 1, bars: 5, start: 2020-01-06 }\n');
    const controller = new AbortController();
    const feed = botLiveFeed(spec, { clock: new ManualClock(Date.UTC(2021, 0, 1)), sleep: async () => controller.abort() });
    expect(feed).toBeInstanceOf(MarketDataFeed);
    expect(feed.symbols.map((s) => s.value)).toEqual(['A.X', 'B.X']);
    const times: string[] = [];
    for await (const slice of feed.slices({ signal: controller.signal })) times.push(new Date(slice.time).toISOString().slice(0, 10));
    expect(times).toEqual(['2020-01-06', '2020-01-07', '2020-01-08', '2020-01-09', '2020-01-10']);
  });

  it('polls the CSV directory of the spec, relative to the base folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paper-live-'));
    writeFileSync(join(dir, 'A.X.csv'), 'date,open,high,low,close,volume\n2024-01-02,1,1,1,1,1\n2024-01-03,2,2,2,2,2\n');
    const spec = loadBotSpecYaml('name: x\nslug: x\nuniverse: { symbols: [A.X] }\ndata_pipeline: { source: csv, path: . }\n');
    const controller = new AbortController();
    const feed = botLiveFeed(spec, { baseDir: dir, clock: new ManualClock(Date.UTC(2024, 0, 5)), sleep: async () => controller.abort() });
    const closes: number[] = [];
    for await (const slice of feed.slices({ signal: controller.signal })) closes.push(slice.bar(feed.symbols[0]!)!.close);
    expect(closes).toEqual([1, 2]);
  });
});
