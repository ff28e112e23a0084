import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ErrorsOf } from '../../../src/generated/layer228/types.js';
import { parseRpcErrorMessage, RpcError } from '../../../src/mtproto/service/index.js';
import { bundleProgram } from '../../helpers.js';

describe('parseRpcErrorMessage', () => {
  it('matches the patterns of the reference data and names their numbers as it does', () => {
    const cases: [string, string, Record<string, number>, number][] = [
      ['FLOOD_WAIT_30', 'FLOOD_WAIT_%d', { seconds: 30 }, 30],
      ['SLOWMODE_WAIT_10', 'SLOWMODE_WAIT_%d', { seconds: 10 }, 10],
      ['FILE_MIGRATE_2', 'FILE_MIGRATE_%d', { new_dc: 2 }, 2],
      ['PHONE_MIGRATE_4', 'PHONE_MIGRATE_%d', { new_dc: 4 }, 4],
      ['STATS_MIGRATE_3', 'STATS_MIGRATE_%d', { dc: 3 }, 3],
      ['2FA_CONFIRM_WAIT_604800', '2FA_CONFIRM_WAIT_%d', { seconds: 604800 }, 604800],
      ['EMAIL_UNCONFIRMED_6', 'EMAIL_UNCONFIRMED_%d', { code_length: 6 }, 6],
      ['FILE_PART_7_MISSING', 'FILE_PART_%d_MISSING', { which: 7 }, 7],
      ['PREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_5MIN', 'PREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_%dMIN', { minutes: 5 }, 5],
      ['FLOOD_WAIT_0', 'FLOOD_WAIT_%d', { seconds: 0 }, 0],
    ];
    for (const [message, pattern, params, value] of cases) expect(parseRpcErrorMessage(message), message).toEqual({ pattern, params, value });
  });

  it('keeps a known pattern whose numbers the data does not name, with the number as value', () => {
    expect(parseRpcErrorMessage('FILE_REFERENCE_2_EXPIRED')).toEqual({ pattern: 'FILE_REFERENCE_%d_EXPIRED', params: {}, value: 2 });
  });

  it('writes %d for a number in a message the data does not know', () => {
    expect(parseRpcErrorMessage('NEW_WAIT_12')).toEqual({ pattern: 'NEW_WAIT_%d', params: {}, value: 12 });
    expect(parseRpcErrorMessage('NEW_3_ERROR')).toEqual({ pattern: 'NEW_%d_ERROR', params: {}, value: 3 });
  });

  it('leaves messages without a number whole', () => {
    for (const message of ['PEER_ID_INVALID', 'Timeout', 'INTERNAL', '', '_12', 'FLOOD_WAIT_', 'AUTH_KEY_UNREGISTERED', 'A_1B']) {
      expect(parseRpcErrorMessage(message)).toEqual({ pattern: message, params: {}, value: undefined });
    }
  });

  it('does not turn a number too large for a JavaScript number into a wrong value', () => {
    const huge = `FLOOD_WAIT_${'9'.repeat(30)}`;
    expect(parseRpcErrorMessage(huge)).toEqual({ pattern: huge, params: {}, value: undefined });
  });
});

describe('RpcError', () => {
  it('carries code, pattern, params, the raw message and the msg_id it answers', () => {
    const e = new RpcError(420, 'FLOOD_WAIT_30', 5n);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('RpcError');
    expect([e.code, e.pattern, e.params, e.value, e.message, e.reqMsgId]).toEqual([420, 'FLOOD_WAIT_%d', { seconds: 30 }, 30, 'FLOOD_WAIT_30', 5n]);
    expect(String(e)).toBe('RpcError 420: FLOOD_WAIT_30');
  });

  it('is(name) checks the pattern, and the compiler narrows to its parameters', () => {
    const e: RpcError = new RpcError(420, 'FLOOD_WAIT_30');
    expect(e.is('PEER_ID_INVALID')).toBe(false);
    if (!e.is('FLOOD_WAIT_%d')) throw new Error('expected FLOOD_WAIT_%d');
    expectTypeOf(e.pattern).toEqualTypeOf<'FLOOD_WAIT_%d'>();
    expectTypeOf(e.params.seconds).toEqualTypeOf<number>();
    expect(e.params.seconds).toBe(30);
    // @ts-expect-error not an error name the reference data knows
    expect(e.is('PEER_ID_INVLAID')).toBe(false);
    const forHistory = new RpcError<ErrorsOf<'messages.getHistory'>>(406, 'CHANNEL_PRIVATE');
    expect(forHistory.is('CHANNEL_PRIVATE')).toBe(true);
    // @ts-expect-error messages.getHistory cannot return PHONE_CODE_EXPIRED
    expect(forHistory.is('PHONE_CODE_EXPIRED')).toBe(false);
  });

  it('serializes to the canonical JSON of rpc_error', () => {
    expect(JSON.stringify(new RpcError(400, 'PEER_ID_INVALID'))).toBe('{"_":"rpc_error","errorCode":400,"errorMessage":"PEER_ID_INVALID"}');
  });

  it('leaves the descriptions out of a bundle, unless it imports describeRpcError', async () => {
    const flood = "import { RpcError } from './src/mtproto/index.js'; const e = new RpcError(420, 'FLOOD_WAIT_30');";
    const { code: withoutText } = await bundleProgram([flood, 'console.log(e.pattern, e.params.seconds);']);
    expect(withoutText).toContain('FLOOD_WAIT_%d');
    expect(withoutText).not.toContain('A wait of');
    const { code: withText } = await bundleProgram([flood, "import { describeRpcError } from './src/reference/rpc-errors.js';", 'console.log(describeRpcError(e));']);
    expect(withText).toContain('A wait of');
  });
});
