import { describe, expect, it } from 'vitest';
import { RpcError } from '../../src/mtproto/service/rpc-error.js';
import { describeRpcError } from '../../src/reference/rpc-errors.js';

describe('describeRpcError', () => {
  it("gives the reference data's description, its %d filled in with the error's number", () => {
    expect(describeRpcError(new RpcError(420, 'FLOOD_WAIT_30'))).toBe('A wait of 30 seconds is required');
    expect(describeRpcError(new RpcError(400, 'PEER_ID_INVALID'))).toBe('The provided peer id is invalid.');
    expect(describeRpcError(new RpcError(400, 'FILE_PART_7_MISSING'))).toMatch(/^Part 7 of the file is missing/);
  });

  it('fills the one number an error has into the first %d and leaves the others', () => {
    expect(describeRpcError(new RpcError(403, 'ALLOW_PAYMENT_REQUIRED_5'))).toBe(
      'This peer charges 5 [Telegram Stars](https://core.telegram.org/api/stars) per message, but the `allow_paid_stars` was not set or its value is smaller than %d.',
    );
  });

  it('is undefined for an error the data does not know', () => {
    expect(describeRpcError(new RpcError(400, 'NOT_IN_THE_DATA'))).toBeUndefined();
    expect(describeRpcError(new RpcError(420, 'NEW_WAIT_12'))).toBeUndefined();
  });
});
