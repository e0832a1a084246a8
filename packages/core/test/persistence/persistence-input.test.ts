import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, NonJsonValueError, persistenceInput } from '../../src/index.js';

function invalid(fn: () => unknown): InvalidArgumentError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidArgumentError) return error;
    throw error;
  }
  throw new Error('expected an InvalidArgumentError');
}

describe('persistenceInput', () => {
  const bot = { projectId: 'p', slug: 'ma-cross_2', name: 'MA', kind: 'trading', spec: { a: 1 } };

  it('accepts a valid bot and names the first bad field with its value and what was expected', () => {
    expect(persistenceInput.createBot(bot)).toEqual(bot);
    const slug = invalid(() => persistenceInput.createBot({ ...bot, slug: '-x' }));
    expect([slug.path, slug.value]).toEqual(['slug', '-x']);
    expect(slug.message).toBe('slug: expected a slug matching [a-z0-9][a-z0-9_-]* (at most 64 characters), got "-x"');
    const kind = invalid(() => persistenceInput.createBot({ ...bot, kind: 3 }));
    expect(kind.message).toBe('kind: expected a lowercase identifier matching [a-z][a-z0-9_.-]* (at most 64 characters), got 3');
    expect(invalid(() => persistenceInput.createBot({ ...bot, name: 'x'.repeat(257) })).path).toBe('name');
    expect(invalid(() => persistenceInput.createBot(null)).path).toBe('input');
    const extra = invalid(() => persistenceInput.createBot({ ...bot, owner: 'me' }));
    expect([extra.path, extra.value, extra.message]).toEqual(['owner', 'me', 'owner: expected no such field, got "me"']);
  });

  it('defaults the bot status filter to active and checks it', () => {
    expect(persistenceInput.listBots(undefined)).toEqual({ projectId: undefined, kind: undefined, status: 'active' });
    expect(persistenceInput.listBots({ status: 'deleted' }).status).toBe('deleted');
    expect(invalid(() => persistenceInput.listBots({ status: 'archived' })).message).toBe('status: expected one of active, deleted, got "archived"');
  });

  it('encodes JSON fields canonically and names non-JSON paths', () => {
    expect(persistenceInput.finishDeployment({ status: 'succeeded', result: { b: 1, a: [2] } })).toEqual({
      status: 'succeeded',
      resultJson: '{"a":[2],"b":1}',
      error: null,
    });
    expect(() => persistenceInput.finishDeployment({ status: 'succeeded', result: { a: undefined } })).toThrow(NonJsonValueError);
    expect(() => persistenceInput.finishDeployment({ status: 'succeeded' })).toThrow(/result: undefined is not a JSON value/);
    expect(invalid(() => persistenceInput.finishDeployment({ status: 'running', result: null })).path).toBe('status');
    expect(persistenceInput.recordAgentRun({ versionId: 'v' })).toEqual({ versionId: 'v', deploymentId: null, inputJson: 'null' });
    expect(persistenceInput.appendAgentStep({ kind: 'tool_call' })).toEqual({ kind: 'tool_call', payloadJson: 'null', time: undefined });
  });

  it('keeps only the usage counters given, and checks them', () => {
    expect(persistenceInput.updateAgentRun({ usage: { costUsd: 0.5 } })).toEqual({
      status: undefined,
      outputJson: undefined,
      error: undefined,
      usage: { costUsd: 0.5 },
    });
    expect(persistenceInput.updateAgentRun({ error: null }).error).toBeNull();
    expect(invalid(() => persistenceInput.updateAgentRun({ usage: { completionTokens: 1.5 } })).path).toBe('usage.completionTokens');
    expect(invalid(() => persistenceInput.updateAgentRun({ usage: { costUsd: Number.POSITIVE_INFINITY } })).path).toBe('usage.costUsd');
  });

  it('checks times as integer epoch ms and journal queries', () => {
    expect(invalid(() => persistenceInput.appendJournal({ sessionId: 's', time: '2024-01-01', kind: 'k', payload: 1 })).path).toBe('time');
    expect(persistenceInput.listJournal({ sessionId: 's', since: 5, afterSeq: -1 })).toEqual({ sessionId: 's', since: 5, afterSeq: -1 });
    expect(invalid(() => persistenceInput.listJournal({ sessionId: 's', afterSeq: 0.5 })).path).toBe('afterSeq');
  });

  it('checks ids and names the argument', () => {
    expect(persistenceInput.recordId('abc', 'botId')).toBe('abc');
    const error = invalid(() => persistenceInput.recordId('', 'botId'));
    expect([error.path, error.value]).toEqual(['botId', '']);
    expect(invalid(() => persistenceInput.recordId(42, 'runId')).message).toBe('runId: expected a non-empty string of at most 256 characters, got 42');
  });
});
