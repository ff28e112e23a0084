import { describe, expect, it } from 'vitest';
import { readLong, writeLong } from '../../../src/runtime/primitives/long.js';
import { readVectorCount, VECTOR_ID, writeVectorHeader } from '../../../src/runtime/primitives/vector.js';
import { Writer } from '../../../src/runtime/writer.js';
import { fromHex, toHex } from '../../../src/common/bytes.js';
import { LAYERS } from '../../helpers.js';
import { decodeError, expectDecodeError, expectEncodeError, over } from '../helpers.js';

const header = (boxed: boolean, v: unknown[]): string => {
  const w = new Writer(1);
  writeVectorHeader(w, boxed, v);
  return toHex(w.result());
};

describe('vector', () => {
  it('writes the 0x1cb5c415 id when boxed, then the count', () => {
    expect(VECTOR_ID).toBe(0x1cb5c415);
    expect(header(true, [1, 2])).toBe('15c4b51c02000000');
    expect(header(false, [1, 2])).toBe('02000000');
    expect(header(true, [])).toBe('15c4b51c00000000');
  });

  it('reads the header and leaves the reader at the first element', () => {
    const r = over('15c4b51c020000000100000000000000ffffffffffffffff');
    expect(readVectorCount(r, true, 8)).toBe(2);
    expect([readLong(r), readLong(r)]).toEqual([1n, -1n]);
  });

  // A Vector id is a type tag, not padding: a wrong one means the bytes are something else.
  it.each([true, false])('a wrong Vector id is VECTOR_ID at its offset (strict %s)', (strict) => {
    const e = expectDecodeError((r) => readVectorCount(r, true, 4), '15c4b51d00000000', 'VECTOR_ID', 0, { strict });
    expect(e.constructorHex).toBe('0x1db5c415');
  });

  it('a negative count is VECTOR_COUNT at the count', () => {
    expectDecodeError((r) => readVectorCount(r, true, 4), '15c4b51cffffffff', 'VECTOR_COUNT', 4);
  });

  it('refuses a count the bytes left cannot hold, before allocating: 16 bytes claiming 5,000,000 longs', () => {
    const e = expectDecodeError((r) => readVectorCount(r, true, 8), '15c4b51c404b4c000100000000000000', 'VECTOR_COUNT', 4);
    expect(e.detail).toMatch(/5000000 needs at least 40000000 bytes, 8 left/);
    expectDecodeError((r) => readVectorCount(r, false, 4), 'ffffff7f', 'VECTOR_COUNT', 0);
  });

  it('maxVectorCount: TOO_MANY above it, fine at it; corruption is reported first', () => {
    expectDecodeError((r) => readVectorCount(r, false, 4), '03000000010000000200000003000000', 'TOO_MANY', 0, { maxVectorCount: 2 });
    expect(readVectorCount(over('03000000010000000200000003000000', { maxVectorCount: 3 }), false, 4)).toBe(3);
    expectDecodeError((r) => readVectorCount(r, false, 4), '0300000001000000', 'VECTOR_COUNT', 0, { maxVectorCount: 2 });
  });

  it('a truncated header is TRUNCATED', () => {
    expectDecodeError((r) => readVectorCount(r, true, 4), '15c4b5', 'TRUNCATED', 0);
    expectDecodeError((r) => readVectorCount(r, true, 4), '15c4b51c0100', 'TRUNCATED', 4);
  });

  it('an element error carries its index in the field path', () => {
    // users.getUsers#0d91a548 id:Vector<InputUser> = [inputUserSelf, inputUser cut inside access_hash].
    const hex = '48a5910d' + '15c4b51c02000000' + '3fb1c1f7' + 'c65811f2' + '0100000000000000' + '0200';
    const e = decodeError(() => LAYERS[133].decode(fromHex(hex)));
    expect({ code: e.code, offset: e.offset, path: e.fieldPath, in: e.constructorName }).toEqual({ code: 'TRUNCATED', offset: 28, path: 'id[1].accessHash', in: 'inputUser' });
  });

  it('refuses what is not an array, and names the index of a bad element', () => {
    expectEncodeError((w, v: unknown[]) => writeVectorHeader(w, true, v), { length: 0 }, 'BAD_VALUE');
    expectEncodeError((w, v: unknown[]) => writeVectorHeader(w, true, v), undefined, 'MISSING_FIELD');
    expect(() => LAYERS[133].encode({ _: 'msgs_ack', msgIds: [1n, 2] })).toThrow(expect.objectContaining({ code: 'BAD_VALUE', fieldPath: 'msgIds[1]' }));
    expect(() => LAYERS[133].encode({ _: 'msgs_ack', msgIds: [1n, , 3n] })).toThrow(expect.objectContaining({ code: 'MISSING_FIELD', fieldPath: 'msgIds[1]' }));
  });

  it('writes elements after the header', () => {
    const w = new Writer(1);
    for (const x of writeVectorHeader(w, false, [7n])) writeLong(w, x);
    expect(toHex(w.result())).toBe('010000000700000000000000');
  });
});
