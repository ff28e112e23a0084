import { describe, expect, it } from 'vitest';
import { readLong, writeLong } from '../../../src/runtime/primitives/long.js';
import { LAYERS } from '../../helpers.js';
import { decodeError, expectDecodeError, expectEncodeError, readAll, written } from '../helpers.js';

describe('long', () => {
  const cases: [bigint, string][] = [
    [0n, '0000000000000000'],
    [1n, '0100000000000000'],
    [-1n, 'ffffffffffffffff'],
    [4294967296n, '0000000001000000'],
    [0x0123456789abcdefn, 'efcdab8967452301'],
    [9223372036854775807n, 'ffffffffffffff7f'],
    [-9223372036854775808n, '0000000000000080'],
  ];

  it.each(cases)('writes %s as %s and reads it back', (value, hex) => {
    expect(written(writeLong, value)).toBe(hex);
    expect(readAll(readLong, hex)).toBe(value);
  });

  it.each([[2n ** 63n], [-(2n ** 63n) - 1n], [2n ** 64n]])('refuses %s, outside 64 bits', (value) => {
    expectEncodeError(writeLong, value, 'BAD_VALUE');
  });

  it('refuses a number where a bigint is due, even a safe integer: no silent conversion', () => {
    expect(expectEncodeError(writeLong, 1, 'BAD_VALUE').message).toMatch(/expected a long \(a bigint/);
    expectEncodeError(writeLong, '1', 'BAD_VALUE');
    expectEncodeError(writeLong, undefined, 'MISSING_FIELD');
  });

  it('reports a truncated long at its first byte', () => {
    expectDecodeError(readLong, '01020304050607', 'TRUNCATED', 0);
  });

  it('names the field of a number given for a long', () => {
    const e = decodeError(() => LAYERS[133].decode(Uint8Array.of(0xfc, 0xbb, 0xbc, 0x27, 1, 0, 0, 0, 0, 0, 0, 0, 2), { as: 'InputPeer' }));
    expect({ code: e.code, offset: e.offset, path: e.fieldPath }).toEqual({ code: 'TRUNCATED', offset: 12, path: 'accessHash' });
    expect(() => LAYERS[133].encode({ _: 'inputPeerChannel', channelId: 1, accessHash: 2n })).toThrow(expect.objectContaining({ code: 'BAD_VALUE', fieldPath: 'channelId' }));
  });
});
