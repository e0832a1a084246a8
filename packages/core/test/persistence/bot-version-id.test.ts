import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BOT_SPEC_KIND, botVersionIdOf } from '../../src/index.js';

describe('bot version ids', () => {
  it('derive from the bot id and the spec hash', () => {
    const hash = 'cd'.repeat(32);
    const expected = createHash('sha256').update(`["alphaswarm.bot-version","bot-1","${hash}"]`).digest('hex').slice(0, 32);
    expect(botVersionIdOf('bot-1', hash)).toBe(`botv_${expected}`);
    expect(botVersionIdOf('bot-2', hash)).not.toBe(botVersionIdOf('bot-1', hash));
  });

  it('use the spec kind `bot`', () => {
    expect(BOT_SPEC_KIND).toBe('bot');
  });
});
