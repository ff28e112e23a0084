import { describe, expect, it } from 'vitest';
import { MessageIdGenerator } from '../../src/mtproto/msg-id.js';

describe('MessageIdGenerator.syncWithServerMsgId', () => {
  it('follows a server clock behind the local one, as recovering from error 17 needs', () => {
    let now = 1_000_000_000_000;
    const generator = new MessageIdGenerator({ now: () => now });
    const ahead = generator.next();
    // The server is 10 minutes behind: its msg_id says so.
    generator.syncWithServerMsgId((1_000_000_000n - 600n) << 32n | 1n);
    now += 5;
    const corrected = generator.next();
    expect(corrected >> 32n).toBe(1_000_000_000n - 600n);
    expect(corrected).toBeLessThan(ahead);
    expect(corrected % 4n).toBe(0n);
    // From there on ids increase again.
    expect(generator.next()).toBeGreaterThan(corrected);
  });

  it('keeps ids increasing when the server clock is ahead (error 16)', () => {
    const generator = new MessageIdGenerator({ now: () => 1_000_000_000_000 });
    const before = generator.next();
    generator.syncWithServerMsgId((1_000_000_600n << 32n) | 1n);
    const after = generator.next();
    expect(after >> 32n).toBe(1_000_000_600n);
    expect(after).toBeGreaterThan(before);
  });
});
