import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../src/common/bytes.js';
import { MAX_TL_LENGTH, readBytes, writeBytes } from '../../../src/runtime/primitives/bytes.js';
import { expectDecodeError, expectEncodeError, over, readAll, written } from '../helpers.js';

const pad = (n: number): string => '00'.repeat(n);
const seq = (n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => i & 0xff);

describe('bytes', () => {
  const cases: [number, string][] = [
    [0, '00000000'],
    [1, `0100${pad(2)}`],
    [3, '03000102'],
    [4, `0400010203${pad(3)}`],
    [253, `fd${toHex(seq(253))}${pad(2)}`],
    [254, `fefe0000${toHex(seq(254))}${pad(2)}`],
    [1000, `fee80300${toHex(seq(1000))}`],
  ];
  it.each(cases)('%d bytes: prefix, payload, zero padding to a multiple of 4', (n, hex) => {
    expect(written(writeBytes, seq(n))).toBe(hex);
    expect(readAll(readBytes, hex)).toEqual(seq(n));
  });

  it('returns a copy that outlives changes to the input', () => {
    const r = over('03010203');
    const v = readBytes(r);
    r.buf[1] = 0xff;
    expect(toHex(v)).toBe('010203');
  });

  it('non-zero padding: BAD_PADDING at the byte, skipped when lenient', () => {
    expectDecodeError(readBytes, '0101ff00', 'BAD_PADDING', 2);
    expect(readAll(readBytes, '0101ff00', { strict: false })).toEqual(Uint8Array.of(1));
  });

  it('0xfe prefix for a length under 254: BAD_LENGTH_PREFIX, accepted when lenient', () => {
    expectDecodeError(readBytes, 'fe0100000a000000', 'BAD_LENGTH_PREFIX', 0);
    expect(readAll(readBytes, 'fe0100000a000000', { strict: false })).toEqual(Uint8Array.of(10));
  });

  it('a length past the input is TRUNCATED at the prefix, before any allocation', () => {
    expectDecodeError(readBytes, 'feffffff00000000', 'TRUNCATED', 0);
    expectDecodeError(readBytes, '05010203', 'TRUNCATED', 0);
    expectDecodeError(readBytes, '', 'TRUNCATED', 0);
  });

  it('the padding is part of the value: missing padding is TRUNCATED', () => {
    expectDecodeError(readBytes, '0401020304', 'TRUNCATED', 0);
  });

  it('maxBytesLength: TOO_LONG above it, fine at it', () => {
    expectDecodeError(readBytes, '03010203', 'TOO_LONG', 0, { maxBytesLength: 2 });
    expect(readAll(readBytes, '03010203', { maxBytesLength: 3 })).toEqual(Uint8Array.of(1, 2, 3));
  });

  it('refuses a string, an array, an ArrayBuffer; a missing value is a missing field', () => {
    expect(expectEncodeError(writeBytes, 'abc', 'BAD_VALUE').message).toMatch(/expected bytes \(a Uint8Array\), got "abc"/);
    expectEncodeError(writeBytes, [1, 2, 3], 'BAD_VALUE');
    expectEncodeError(writeBytes, new ArrayBuffer(3), 'BAD_VALUE');
    expectEncodeError(writeBytes, undefined, 'MISSING_FIELD');
  });

  it('refuses more bytes than a TL prefix can state', () => {
    expectEncodeError(writeBytes, new Uint8Array(MAX_TL_LENGTH + 1), 'BAD_VALUE');
  });

  it('writes the largest length there is', () => {
    const hex = written(writeBytes, new Uint8Array(MAX_TL_LENGTH));
    expect(hex.slice(0, 8)).toBe('feffffff');
    expect(readAll(readBytes, hex)).toHaveLength(MAX_TL_LENGTH);
    expect(fromHex(hex.slice(0, 8))).toEqual(Uint8Array.of(0xfe, 0xff, 0xff, 0xff));
  });
});
