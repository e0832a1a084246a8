import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INSIGHT_IMPACT_TOOL, signedWeight } from '../../src/mcp/impact-tool.js';
import { connectInProcess } from '../../src/mcp/in-process.js';
import { createAlphaSwarmMcpServer } from '../../src/mcp/server.js';
import { RecordingStressTester, fixtureFrame, fixturePortfolio, readReply } from './fixtures/mcp-fixtures.js';

describe('simulate_insight_impact (through the MCP client, in process)', () => {
  let client: Client;
  let stress: RecordingStressTester;
  const call = async (args: Record<string, unknown>) => readReply(await client.callTool({ name: INSIGHT_IMPACT_TOOL, arguments: args }));

  beforeEach(async () => {
    stress = new RecordingStressTester();
    client = await connectInProcess(createAlphaSwarmMcpServer({ data: fixtureFrame(), portfolio: fixturePortfolio(), stress, maxPaths: 5000 }));
  });
  afterEach(async () => {
    await client.close();
  });

  it('stresses a long on a steady +1 % history: every path gains 1 − 1.005⁵', async () => {
    // Weight 0.5 on UP, whose every return is +1 %: V_5 = 1.005⁵, loss = 1 − 1.005⁵ < 0, no drawdown.
    const reply = await call({ insights: [{ symbol: 'UP', direction: 'up', weight: 0.5 }], horizon: 5, paths: 200, seed: 7, lookback: 20, drawdown_limit: 0.01 });
    expect(reply.isError).toBe(false);
    const loss = 1 - 1.005 ** 5;
    expect(reply.structured?.mean_loss).toBeCloseTo(loss, 12);
    expect(reply.structured?.var).toBeCloseTo(loss, 12);
    expect(reply.structured?.tvar).toBeCloseTo(loss, 12);
    expect(reply.structured).toMatchObject({ symbols: ['UP'], weights: [0.5], gross_weight: 0.5, net_weight: 0.5, observations: 20, paths: 200, seed: 7, alpha: 0.95 });
    expect(reply.structured?.probability_of_drawdown_breach).toBe(0);
  });

  it('turns `down` into a short: the loss is 1 − 0.995⁵ and the drawdown breaches 1 %', async () => {
    const reply = await call({ insights: [{ symbol: 'UP', direction: 'down', weight: 0.5 }], horizon: 5, paths: 200, seed: 7, lookback: 20, drawdown_limit: 0.01 });
    expect(reply.structured?.weights).toEqual([-0.5]);
    expect(reply.structured?.var).toBeCloseTo(1 - 0.995 ** 5, 12);
    expect(reply.structured?.probability_of_drawdown_breach).toBe(1);
  });

  it('reports null breach probability without a drawdown limit, and zero loss for flat insights', async () => {
    const reply = await call({ insights: [{ symbol: 'UP', direction: 'flat', weight: 0.7 }], horizon: 3, paths: 10, seed: 1 });
    expect(reply.structured).toMatchObject({ weights: [0], mean_loss: 0, drawdown_limit: null, probability_of_drawdown_breach: null });
  });

  it('hands the stress tester the symbols\' returns aligned on common days, up to as_of', async () => {
    await call({ insights: [{ symbol: 'ALT', direction: 'up', weight: 0.3 }, { symbol: 'GAP', direction: 'down', weight: 0.2 }], horizon: 2, paths: 10, seed: 3, lookback: 500 });
    const request = stress.requests[0];
    // GAP lacks days 10–14: 56 common days, 55 returns. ALT's return from day 9 (110) to day 15 (110) is 0.
    expect(request?.weights).toEqual([0.3, -0.2]);
    expect(request?.returns[0]?.length).toBe(55);
    expect(request?.returns[0]?.[9]).toBe(0);
    await call({ insights: [{ symbol: 'UP', direction: 'up', weight: 1 }], horizon: 1, paths: 1, seed: 3, lookback: 500, as_of: '2024-01-31' });
    // as_of = day 30: closes of days 0…30, 30 returns; nothing later reaches the tester.
    expect(stress.requests[1]?.returns[0]?.length).toBe(30);
  });

  it('answers tool errors for repeated or unknown symbols, negative weights and too many paths', async () => {
    const twice = await call({ insights: [{ symbol: 'UP', direction: 'up', weight: 0.1 }, { symbol: 'UP', direction: 'down', weight: 0.1 }], horizon: 1, paths: 1, seed: 1 });
    expect(twice.isError).toBe(true);
    expect(twice.text).toMatch(/insights\[1\]\.symbol/);
    expect((await call({ insights: [{ symbol: 'ZZZ', direction: 'up', weight: 0.1 }], horizon: 1, paths: 1, seed: 1 })).text).toMatch(/ZZZ/);
    expect((await call({ insights: [{ symbol: 'UP', direction: 'up', weight: -0.1 }], horizon: 1, paths: 1, seed: 1 })).isError).toBe(true);
    expect((await call({ insights: [{ symbol: 'UP', direction: 'sideways', weight: 0.1 }], horizon: 1, paths: 1, seed: 1 })).isError).toBe(true);
    expect((await call({ insights: [{ symbol: 'UP', direction: 'up', weight: 0.1 }], horizon: 1, paths: 5001, seed: 1 })).isError).toBe(true);
    expect((await call({ insights: [], horizon: 1, paths: 1, seed: 1 })).isError).toBe(true);
    expect(stress.requests).toHaveLength(0);
  });
});

describe('signedWeight', () => {
  it('signs the weight by direction', () => {
    expect(signedWeight('up', 0.4)).toBe(0.4);
    expect(signedWeight('down', 0.4)).toBe(-0.4);
    expect(signedWeight('flat', 0.4)).toBe(0);
  });
});
