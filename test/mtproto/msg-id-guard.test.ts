import { describe, expect, it } from 'vitest';
import { MessageIdGenerator, MsgIdGuard, MtprotoError } from '../../src/mtproto/index.js';
import { expectError } from '../expect-error.js';

const NOW_MS = 1_700_000_000_000;
/** A server msg_id `offsetMs` from NOW_MS (the generator keeps residue 1). */
function serverId(offsetMs: number): bigint {
  return new MessageIdGenerator({ now: () => NOW_MS + offsetMs }).next('server-response');
}

function guard(options: { windowSize?: number; now?: () => number } = {}) {
  return new MsgIdGuard({ from: 'server', serverTimeMs: options.now ?? (() => NOW_MS), windowSize: options.windowSize });
}

describe('MsgIdGuard', () => {
  it('accepts msg_ids from 300 s behind to 30 s ahead of the server time, refuses beyond with a code per side', () => {
    const g = guard();
    for (const offset of [-299_000, -1, 0, 29_000]) g.accept(serverId(offset));
    expectError(() => g.check(serverId(-301_000)), MtprotoError, 'MSG_ID_TOO_OLD');
    expectError(() => g.check(serverId(-3_600_000)), MtprotoError, 'MSG_ID_TOO_OLD');
    expectError(() => g.check(serverId(31_000)), MtprotoError, 'MSG_ID_TOO_NEW');
    expectError(() => g.check(serverId(3_600_000)), MtprotoError, 'MSG_ID_TOO_NEW');
    expectError(() => g.check(1n), MtprotoError, 'MSG_ID_TOO_OLD');
  });

  it('refuses the wrong parity and ids that are not positive', () => {
    const g = guard();
    expectError(() => g.check(serverId(0) + 1n), MtprotoError, 'BAD_MSG_ID');
    expectError(() => g.check(-3n), MtprotoError, 'BAD_MSG_ID');
    expectError(() => g.check(0n), MtprotoError, 'BAD_MSG_ID');
    const server = new MsgIdGuard({ from: 'client', serverTimeMs: () => NOW_MS });
    expectError(() => server.check(serverId(0)), MtprotoError, 'BAD_MSG_ID');
    server.accept(serverId(0) - 1n);
  });

  it('refuses a replay, and once the window is full every id below it', () => {
    const g = guard({ windowSize: 4 });
    const ids = [-50, -40, -30, -20, -10].map(serverId);
    g.accept(ids[1]);
    expectError(() => g.check(ids[1]), MtprotoError, 'MSG_ID_REPLAYED');
    g.accept(ids[0]); // below the others, but the window is not full: a new id
    g.accept(ids[2]);
    g.accept(ids[3]);
    expectError(() => g.check(ids[0]), MtprotoError, 'MSG_ID_REPLAYED');
    g.accept(ids[4]); // forgets ids[0]: now below the floor
    expect(g.remembered).toBe(4);
    expectError(() => g.check(ids[0]), MtprotoError, 'MSG_ID_BELOW_FLOOR');
    expectError(() => g.check(ids[0] - 4n), MtprotoError, 'MSG_ID_BELOW_FLOOR');
    expectError(() => g.check(ids[4]), MtprotoError, 'MSG_ID_REPLAYED');
  });

  it('check remembers nothing; memory stays at the window size however many ids arrive', () => {
    let now = NOW_MS;
    const generator = new MessageIdGenerator({ now: () => now });
    const g = guard({ now: () => now });
    const first = generator.next('server-response');
    g.check(first);
    g.accept(first);
    for (let i = 0; i < 100_000; i++) {
      now += 1;
      g.accept(generator.next('server-response'));
    }
    expect(g.remembered).toBe(1024);
    expectError(() => g.check(first), MtprotoError, 'MSG_ID_BELOW_FLOOR');
  });

  it('follows the synced clock it is given', () => {
    const generator = new MessageIdGenerator({ now: () => NOW_MS - 3_600_000 });
    const g = new MsgIdGuard({ from: 'server', serverTimeMs: () => generator.serverTimeMs() });
    const current = serverId(0);
    expectError(() => g.check(current), MtprotoError, 'MSG_ID_TOO_NEW');
    generator.syncWithServerMsgId(current);
    g.check(current);
  });

  it('refuses options it cannot use', () => {
    expectError(() => guard({ windowSize: 0 }), MtprotoError, 'BAD_ARGUMENT');
    expectError(() => new MsgIdGuard({ from: 'server', serverTimeMs: Date.now, maxAgeMs: -1 }), MtprotoError, 'BAD_ARGUMENT');
  });
});
