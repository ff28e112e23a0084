import { describe, expect, it } from 'vitest';
import { readInt, writeInt, writeUint32 } from '../../../src/runtime/primitives/int.js';
import { LAYERS } from '../../helpers.js';
import { decodeError, expectDecodeError, expectEncodeError, readAll, written } from '../helpers.js';

describe('int', () => {
  const cases: [number, string][] = [
    [0, '00000000'],
    [1, '01000000'],
    [-1, 'ffffffff'],
    [0x12345678, '78563412'],
    [2147483647, 'ffffff7f'],
    [-2147483648, '00000080'],
  ];

  it.each(cases)('writes %d as %s and reads it back', (value, hex) => {
    expect(written(writeInt, value)).toBe(hex);
    expect(readAll(readInt, hex)).toBe(value);
  });

  it('writes an id or flags word unsigned, little-endian', () => {
    expect(written(writeUint32, 0x812c2ae6)).toBe('e62a2c81');
    expect(written(writeUint32, 0x80000000)).toBe('00000080');
  });

  it.each([2147483648, -2147483649, 1.5, NaN, Infinity, -Infinity, 2 ** 53])('refuses the number %d', (value) => {
    expect(expectEncodeError(writeInt, value, 'BAD_VALUE').message).toMatch(/expected an int/);
  });

  it.each([['a string', '1'], ['a bigint', 1n], ['null', null], ['a boolean', true], ['an object', {}]])('refuses %s, which is not a number', (_, value) => {
    expectEncodeError(writeInt, value, 'BAD_VALUE');
  });

  it('calls a missing int a missing field', () => {
    expectEncodeError(writeInt, undefined, 'MISSING_FIELD');
  });

  it.each(['', '01', '010203'])('reports a truncated int %j at its first byte', (hex) => {
    expectDecodeError(readInt, hex, 'TRUNCATED', 0);
  });

  it('names the field of a bad int in a layer value', () => {
    const value = { _: 'inputPeerUserFromMessage', peer: { _: 'inputPeerSelf' }, msgId: 2 ** 31, userId: 1n };
    expect(() => LAYERS[133].encode(value)).toThrow(expect.objectContaining({ code: 'BAD_VALUE', fieldPath: 'msgId', constructorName: 'inputPeerUserFromMessage' }));
  });

  it('gives offset and field path of a truncated int in a layer value', () => {
    // inputPeerUserFromMessage#a87b0a1c peer:InputPeer msg_id:int user_id:long, cut inside msg_id.
    const e = decodeError(() => LAYERS[133].decode(Uint8Array.of(0x1c, 0x0a, 0x7b, 0xa8, 0xc9, 0x7e, 0xa0, 0x7d, 1, 2), { as: 'InputPeer' }));
    expect({ code: e.code, offset: e.offset, path: e.fieldPath, id: e.constructorHex }).toEqual({ code: 'TRUNCATED', offset: 8, path: 'msgId', id: '0xa87b0a1c' });
  });
});
