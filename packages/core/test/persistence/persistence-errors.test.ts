import { describe, expect, it } from 'vitest';
import { AlphaSwarmError, PersistenceClosedError, RecordConflictError, RecordNotFoundError } from '../../src/index.js';

describe('persistence errors', () => {
  it('names the field and the id of a missing record', () => {
    const error = new RecordNotFoundError('bot', 'botId', 'b-7');
    expect(error).toBeInstanceOf(AlphaSwarmError);
    expect([error.code, error.entity, error.path, error.value]).toEqual(['NOT_FOUND', 'bot', 'botId', 'b-7']);
    expect(error.message).toBe('botId: no bot with id "b-7"');
  });

  it('names the field, the value and the reason of a conflict, keeping the cause', () => {
    const cause = new Error('UNIQUE constraint failed');
    const error = new RecordConflictError('bot', 'slug', 'ma', 'a live bot with this slug exists in project "p"', cause);
    expect([error.code, error.entity, error.path, error.value, error.cause]).toEqual(['CONFLICT', 'bot', 'slug', 'ma', cause]);
    expect(error.message).toBe('slug: a live bot with this slug exists in project "p" (got "ma")');
  });

  it('says which adapter is closed', () => {
    const error = new PersistenceClosedError('SqlitePersistence');
    expect([error.code, error.message]).toEqual(['CLOSED', 'SqlitePersistence is closed']);
  });
});
