import { describe, expect, it } from 'vitest';
import { parseRpcErrorMessage, RpcError } from '../../../src/mtproto/service/index.js';

describe('parseRpcErrorMessage', () => {
  it('takes the trailing number out of the _X errors Telegram documents', () => {
    const cases: [string, string, number][] = [
      ['FLOOD_WAIT_30', 'FLOOD_WAIT', 30],
      ['SLOWMODE_WAIT_10', 'SLOWMODE_WAIT', 10],
      ['FILE_MIGRATE_2', 'FILE_MIGRATE', 2],
      ['PHONE_MIGRATE_4', 'PHONE_MIGRATE', 4],
      ['NETWORK_MIGRATE_5', 'NETWORK_MIGRATE', 5],
      ['USER_MIGRATE_1', 'USER_MIGRATE', 1],
      ['STATS_MIGRATE_3', 'STATS_MIGRATE', 3],
      ['FLOOD_PREMIUM_WAIT_7', 'FLOOD_PREMIUM_WAIT', 7],
      ['2FA_CONFIRM_WAIT_604800', '2FA_CONFIRM_WAIT', 604800],
      ['EMAIL_UNCONFIRMED_6', 'EMAIL_UNCONFIRMED', 6],
      ['FLOOD_WAIT_0', 'FLOOD_WAIT', 0],
    ];
    for (const [message, type, value] of cases) expect(parseRpcErrorMessage(message)).toEqual({ type, value });
  });

  it('writes a number inside the message as X in the type', () => {
    expect(parseRpcErrorMessage('FILE_PART_7_MISSING')).toEqual({ type: 'FILE_PART_X_MISSING', value: 7 });
  });

  it('leaves messages without a number whole', () => {
    for (const message of ['PEER_ID_INVALID', 'Timeout', 'INTERNAL', '', '_12', 'FLOOD_WAIT_', 'AUTH_KEY_UNREGISTERED', 'A_1B']) {
      expect(parseRpcErrorMessage(message)).toEqual({ type: message, value: undefined });
    }
  });

  it('does not turn a number too large for a JavaScript number into a wrong value', () => {
    const huge = `FLOOD_WAIT_${'9'.repeat(30)}`;
    expect(parseRpcErrorMessage(huge)).toEqual({ type: huge, value: undefined });
  });
});

describe('RpcError', () => {
  it('carries code, type, value, the raw message and the msg_id it answers', () => {
    const e = new RpcError(420, 'FLOOD_WAIT_30', 5n);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('RpcError');
    expect([e.code, e.type, e.value, e.message, e.reqMsgId]).toEqual([420, 'FLOOD_WAIT', 30, 'FLOOD_WAIT_30', 5n]);
    expect(String(e)).toBe('RpcError 420: FLOOD_WAIT_30');
  });

  it('serializes to the canonical JSON of rpc_error', () => {
    expect(JSON.stringify(new RpcError(400, 'PEER_ID_INVALID'))).toBe('{"_":"rpc_error","errorCode":400,"errorMessage":"PEER_ID_INVALID"}');
  });
});
