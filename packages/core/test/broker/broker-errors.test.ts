import { describe, expect, it } from 'vitest';
import { AlphaSwarmError, BrokerError, BrokerRejectedError, LiveTradingDisabledError } from '../../src/index.js';

describe('broker errors', () => {
  it('carry a stable code, the HTTP status and the request path', () => {
    const e = new BrokerError('BROKER_RATE_LIMITED', 'GET /v2/account: 429 after 3 retries', { status: 429, path: '/v2/account' });
    expect(e).toBeInstanceOf(AlphaSwarmError);
    expect([e.code, e.status, e.path, e.name]).toEqual(['BROKER_RATE_LIMITED', 429, '/v2/account', 'BrokerError']);
  });

  it('tell a definite rejection apart from other failures', () => {
    const r = new BrokerRejectedError('insufficient buying power', { status: 403 });
    expect(r).toBeInstanceOf(BrokerError);
    expect(r.code).toBe('BROKER_REJECTED');
    expect(r.message).toBe('order rejected: insufficient buying power');
  });

  it('say that live trading is off unless enabled', () => {
    const e = new LiveTradingDisabledError('AlpacaBroker environment "live"');
    expect(e.code).toBe('LIVE_TRADING_DISABLED');
    expect(e.message).toMatch(/live trading is off unless explicitly enabled \(liveTrading: true\)/);
  });
});
