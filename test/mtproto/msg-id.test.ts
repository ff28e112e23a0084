import { describe, expect, it } from 'vitest';
import { MessageIdGenerator, msgIdToUnixMs, SeqNoCounter } from '../../src/mtproto/index.js';

describe('MessageIdGenerator', () => {
  it('encodes unix time in the high 32 bits and the sub-second fraction below', () => {
    const generator = new MessageIdGenerator({ now: () => 1_700_000_000_500 });
    const id = generator.next();
    expect(id >> 32n).toBe(1_700_000_000n);
    expect(Number(BigInt.asUintN(32, id)) / 2 ** 32).toBeCloseTo(0.5, 2);
    expect(id % 4n).toBe(0n);
    // The bits below the millisecond are random: the id stays within its millisecond.
    expect(Math.floor(msgIdToUnixMs(id))).toBe(1_700_000_000_500);
  });

  it('never has its low 32 bits all zero on a whole second; below the millisecond they are random', () => {
    const zeros = new MessageIdGenerator({ now: () => 1_700_000_000_000, random: (n) => new Uint8Array(n) });
    expect(BigInt.asUintN(32, zeros.next())).not.toBe(0n);
    const secure = new MessageIdGenerator({ now: () => 1_700_000_000_000 });
    const lows = Array.from({ length: 20 }, () => new MessageIdGenerator({ now: () => 1_700_000_000_000 }).next());
    expect(new Set(lows).size).toBeGreaterThan(15);
    for (const id of [...lows, secure.next()]) {
      expect(id >> 32n).toBe(1_700_000_000n);
      expect(Number(BigInt.asUintN(32, id))).toBeLessThan(2 ** 32 / 1000);
    }
  });

  it('is strictly increasing with a frozen or backwards clock, keeping each kind residue', () => {
    let now = 1_700_000_000_000;
    const generator = new MessageIdGenerator({ now: () => now });
    const ids: bigint[] = [];
    for (let i = 0; i < 50; i++) {
      ids.push(generator.next(i % 3 === 0 ? 'client' : i % 3 === 1 ? 'server-response' : 'server-notification'));
      if (i === 25) now -= 5000;
    }
    for (let i = 1; i < ids.length; i++) expect(ids[i]).toBeGreaterThan(ids[i - 1]);
    ids.forEach((id, i) => expect(id % 4n).toBe([0n, 1n, 3n][i % 3]));
  });

  it('applies the server time offset and can sync it from a server msg_id', () => {
    const now = () => 1_000_000_000_000;
    const shifted = new MessageIdGenerator({ now, timeOffset: 30 });
    expect(shifted.next() >> 32n).toBe(1_000_000_030n);

    const synced = new MessageIdGenerator({ now });
    synced.syncWithServerMsgId((1_000_000_100n << 32n) | 1n);
    expect(synced.timeOffset).toBeCloseTo(100, 6);
    expect(synced.serverTimeMs()).toBeCloseTo(1_000_000_100_000, 0);
    expect(synced.next() >> 32n).toBe(1_000_000_100n);
  });
});

describe('SeqNoCounter', () => {
  it('gives 2n+1 to content-related messages and 2n to the others', () => {
    const counter = new SeqNoCounter();
    expect([counter.next(false), counter.next(true), counter.next(true), counter.next(false), counter.next(true)]).toEqual([
      0, 1, 3, 4, 5,
    ]);
    counter.reset();
    expect(counter.next(true)).toBe(1);
  });
});

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
