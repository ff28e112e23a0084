import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as L133 from '../../src/generated/layer133/types.js';
import type * as L228 from '../../src/generated/layer228/types.js';
import { ServiceCodec } from '../../src/mtproto/service/index.js';
import { reference as ref228 } from '../../src/reference/data/layer228.js';
import { LAYERS } from '../helpers.js';

// These are checked by the compiler (`npm run typecheck`): a @ts-expect-error that no longer
// errs fails it, so a union that accepted anything would not pass.
describe('types generated from the reference data', () => {
  it('ErrorsOf<M> is the union of the errors M can return', () => {
    const ok: L228.ErrorsOf<'messages.getHistory'> = 'CHANNEL_PRIVATE';
    // @ts-expect-error messages.getHistory cannot return PHONE_CODE_EXPIRED
    const refused: L228.ErrorsOf<'messages.getHistory'> = 'PHONE_CODE_EXPIRED';
    expectTypeOf<L133.ErrorsOf<'messages.getStatsURL'>>().toEqualTypeOf<'PEER_ID_INVALID'>();
    expectTypeOf<'ALLOW_PAYMENT_REQUIRED_%d'>().toExtend<L228.ErrorsOf<'messages.sendMessage'>>();
    // Every error the data lists for the method is in the union.
    const listed = ref228.combinators['messages.getHistory'].errors!.map((e) => e.name);
    expect(listed).toContain(ok);
    expect(listed).not.toContain(refused);
  });

  it('BotMethods holds the methods bots may call and no other', () => {
    expectTypeOf<'messages.sendMessage'>().toExtend<L228.BotMethod>();
    expectTypeOf<'messages.getHistory'>().not.toExtend<L228.BotMethod>();
    expectTypeOf<'messages.getStatsURL'>().not.toExtend<L133.BotMethod>();
    expectTypeOf<L228.BotMethods['messages.sendMessage']['params']>().toEqualTypeOf<L228.messages_sendMessage>();
    // @ts-expect-error messages.getHistory is for users only
    type Refused = L228.BotMethods['messages.getHistory'];
    expect(ref228.combinators['messages.getHistory'].callers).toBe('user');
    // A service codec typed with the bot table takes the bot's methods only.
    const bot = new ServiceCodec<L228.BotMethods, L228.TlObject>(LAYERS[228]);
    const decodeFor = (method: Parameters<typeof bot.decodeResult>[0]) => method;
    expect(decodeFor('messages.sendMessage')).toBe('messages.sendMessage');
    // @ts-expect-error a bot codec has no messages.getHistory
    expect(decodeFor('messages.getHistory')).toBe('messages.getHistory');
  });
});
