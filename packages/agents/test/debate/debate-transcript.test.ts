import { describe, expect, it } from 'vitest';
import { DebateTranscript } from '../../src/debate/debate-transcript.js';
import { T0, fixturePersistence } from './fixtures/debate-fixtures.js';

describe('DebateTranscript', () => {
  it('appends each turn to the journal session and keeps them in order', async () => {
    const persistence = fixturePersistence();
    const transcript = new DebateTranscript('debate-1', T0, persistence);
    await transcript.record(0, 'MarketMonitor', 'assessment', null, { shift: true });
    const turn = await transcript.record(1, 'QuantGenerator', 'proposal', 'run-7', { class: 'X', ratio: Number.NaN, missing: undefined });
    expect(turn).toEqual({ debateId: 'debate-1', seq: 1, round: 1, participant: 'QuantGenerator', kind: 'proposal', time: T0, runId: 'run-7', payload: { class: 'X', ratio: null } });
    expect(transcript.turns.map((t) => t.kind)).toEqual(['assessment', 'proposal']);
    const journal = await persistence.listJournal({ sessionId: 'debate-1' });
    expect(journal.map((e) => [e.seq, e.kind, e.time])).toEqual([
      [0, 'debate.assessment', T0],
      [1, 'debate.proposal', T0],
    ]);
    expect(journal[1]?.payload).toEqual({ round: 1, participant: 'QuantGenerator', runId: 'run-7', payload: { class: 'X', ratio: null } });
  });
});
