import { describe, expect, it } from 'vitest';
import { fromHex } from '../../../src/common/bytes.js';
import { readInt128, readInt256, writeInt128, writeInt256 } from '../../../src/runtime/primitives/int128.js';
import { LAYERS } from '../../helpers.js';
import { expectDecodeError, expectEncodeError, over, readAll, written } from '../helpers.js';

const HEX16 = '000102030405060708090a0b0c0d0e0f';
const HEX32 = `${HEX16}f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff`;

describe('int128 and int256', () => {
  it('writes the bytes as they are, in wire order, and reads them back', () => {
    expect(written(writeInt128, fromHex(HEX16))).toBe(HEX16);
    expect(written(writeInt256, fromHex(HEX32))).toBe(HEX32);
    expect(readAll(readInt128, HEX16)).toEqual(fromHex(HEX16));
    expect(readAll(readInt256, HEX32)).toEqual(fromHex(HEX32));
  });

  it('returns a copy, not a view that the input buffer could change', () => {
    const input = fromHex(HEX16);
    const r = over(HEX16);
    const v = readInt128(r);
    input[0] = 0xff;
    expect(v[0]).toBe(0);
    expect(v.buffer).not.toBe(r.buf.buffer);
  });

  it.each([15, 17, 0])('refuses an int128 of %d bytes', (n) => {
    expect(expectEncodeError(writeInt128, new Uint8Array(n), 'BAD_VALUE').message).toMatch(/int128 \(a Uint8Array of 16 bytes\), got Uint8Array\(\d+\)/);
  });

  it('refuses an int256 of 16 bytes, a hex string, an array of numbers', () => {
    expectEncodeError(writeInt256, new Uint8Array(16), 'BAD_VALUE');
    expectEncodeError(writeInt128, HEX16, 'BAD_VALUE');
    expectEncodeError(writeInt128, Array.from(fromHex(HEX16)), 'BAD_VALUE');
    expectEncodeError(writeInt128, undefined, 'MISSING_FIELD');
  });

  it('reports a truncated int128 and int256 at their first byte', () => {
    expectDecodeError(readInt128, HEX16.slice(2), 'TRUNCATED', 0);
    expectDecodeError(readInt256, HEX16, 'TRUNCATED', 0);
  });

  it('names the field of a short nonce', () => {
    expect(() => LAYERS[133].encode({ _: 'req_pq_multi', nonce: new Uint8Array(15) })).toThrow(expect.objectContaining({ code: 'BAD_VALUE', fieldPath: 'nonce' }));
  });
});
