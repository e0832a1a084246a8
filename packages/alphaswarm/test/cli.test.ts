import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, main } from '../src/index.js';

const EXAMPLE = resolve(__dirname, '../../../examples/bots/dual-ma.yaml');

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['node', 'alphaswarm', ...args], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('alphaswarm CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'alphaswarm-cli-'));
  const db = join(dir, 'test.db');

  it('backtests the example bot, prints statistics and writes the JSON summary and the report', async () => {
    const json = join(dir, 'out.json');
    const report = join(dir, 'report.html');
    const run = await cli('--db', db, 'backtest', EXAMPLE, '--json', json, '--report', report, '--quiet');
    expect(run.err).not.toMatch(/Error/);
    expect(run.code).toBe(EXIT.ok);
    expect(run.out).toMatch(/Sharpe ratio/);
    expect(run.out).toMatch(/max drawdown/);
    expect(run.out).toMatch(/event log hash +[0-9a-f]{64}/);
    const summary = JSON.parse(readFileSync(json, 'utf8')) as Record<string, unknown> & { fills: Record<string, unknown>[] };
    expect(Object.keys(summary)).toEqual(expect.arrayContaining(['specHash', 'versionId', 'statistics', 'finalEquity', 'eventLogHash', 'fills']));
    expect(summary.fills.length).toBeGreaterThan(0);
    const fill = summary.fills[0]!;
    expect(Object.keys(fill).sort()).toEqual(['fee', 'price', 'quantity', 'symbol', 'time']);
    expect(fill['time']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const html = readFileSync(report, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('uPlot');
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+href=/);
  });

  it('keeps the version when the same spec runs again and gives the same event log', async () => {
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    await cli('--db', db, 'backtest', EXAMPLE, '--json', a, '--quiet');
    await cli('--db', db, 'backtest', EXAMPLE, '--json', b, '--quiet');
    const ja = JSON.parse(readFileSync(a, 'utf8')) as { versionId: string; eventLogHash: string };
    const jb = JSON.parse(readFileSync(b, 'utf8')) as { versionId: string; eventLogHash: string };
    expect(jb.versionId).toBe(ja.versionId);
    expect(jb.eventLogHash).toBe(ja.eventLogHash);
    const listed = await cli('--db', db, 'list');
    expect(listed.out).toMatch(/dual-ma +Dual MA +trading +v1/);
  });

  it('snapshots a new version when a kwarg changes, and backtests a stored bot by slug', async () => {
    const edited = join(dir, 'dual-ma-12.yaml');
    writeFileSync(edited, readFileSync(EXAMPLE, 'utf8').replace('fast: 10', 'fast: 12'));
    const run = await cli('--db', db, 'backtest', edited, '--quiet');
    expect(run.code).toBe(EXIT.ok);
    expect(run.err).toMatch(/dual-ma: spec version v2/);
    const bySlug = await cli('--db', db, 'backtest', 'dual-ma', '--quiet');
    expect(bySlug.code).toBe(EXIT.ok);
    const shown = await cli('--db', db, 'show', 'dual-ma', '--yaml');
    expect(shown.out).toMatch(/fast: 12/);
    const details = await cli('--db', db, 'show', 'dual-ma');
    expect(details.out).toMatch(/v1 /);
    expect(details.out).toMatch(/v2 /);
  });

  it.each([
    ['an unknown class', (t: string) => t.replace('class: DualMACrossoverAlpha', 'class: DualMACross'), /strategy\.kwargs\.alpha_model\.class: unknown model class "DualMACross"/],
    ['a wrong type', (t: string) => t.replace('fast: 10', 'fast: ten'), /strategy\.kwargs\.alpha_model\.kwargs\.fast: expected number, got "ten"/],
    ['a missing slug', (t: string) => t.replace('slug: dual-ma\n', ''), /slug: required string is missing/],
    ['a YAML syntax error', (t: string) => t.replace('universe: { symbols: [AAPL.NASDAQ, MSFT.NASDAQ] }', 'universe: { symbols: [AAPL.NASDAQ, MSFT.NASDAQ }'), /line 7, column \d+: .*YAML syntax error/],
  ])('rejects a spec with %s in one clear error naming the place (exit 2)', async (_what, edit, message) => {
    const bad = join(dir, `bad-${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(bad, edit(readFileSync(EXAMPLE, 'utf8')));
    const run = await cli('--db', db, 'backtest', bad, '--quiet');
    expect(run.code).toBe(EXIT.invalidInput);
    expect(run.err.trim().split('\n')).toHaveLength(1);
    expect(run.err).toMatch(message);
  });

  it('exits 3 for a bot that does not exist', async () => {
    const run = await cli('--db', db, 'backtest', 'no-such-bot', '--quiet');
    expect(run.code).toBe(EXIT.notFound);
    expect(run.err).toMatch(/no bot "no-such-bot"/);
  });

  it('renders Kubernetes manifests into a folder', async () => {
    const out = join(dir, 'k8s');
    const run = await cli('--db', db, 'deploy', 'dual-ma', '--target', 'kubernetes', '--out', out);
    expect(run.code).toBe(EXIT.ok);
    expect(readdirSync(out).sort()).toEqual(['configmap.yaml', 'deployment.yaml']);
    expect(readFileSync(join(out, 'deployment.yaml'), 'utf8')).toMatch(/- run\n\s+- dual-ma/);
  });

  it.each(['list', 'show', 'backtest', 'deploy', 'run', 'chat', 'mcp'])('prints help for %s', async (command) => {
    const run = await cli(command, '--help');
    expect(run.code).toBe(EXIT.ok);
    expect(run.out).toMatch(new RegExp(`Usage: alphaswarm ${command}`));
  });
});
