import { describe, expect, it } from 'vitest';
import { concatBytes, crc32, formatId, fromHex, randomBytes, toHex } from '../../src/common/bytes.js';

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('crc32', () => {
  it('gives the check value of CRC-32/ISO-HDLC and a TL id', () => {
    expect(crc32(ascii('123456789'))).toBe(0xcbf43926);
    expect(crc32(ascii('messages.getStatsURL flags:# peer:InputPeer params:string = StatsURL'))).toBe(0x812c2ae6);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('continues from an earlier value as if the parts were one', () => {
    expect(crc32(ascii('56789'), crc32(ascii('1234')))).toBe(0xcbf43926);
  });
});

describe('hex', () => {
  it('writes lowercase, two digits a byte, and reads either case with whitespace', () => {
    expect(toHex(Uint8Array.of(0x00, 0x0f, 0xab, 0xff))).toBe('000fabff');
    expect(fromHex(' 00 0F\nab ff ')).toEqual(Uint8Array.of(0x00, 0x0f, 0xab, 0xff));
    expect(fromHex('')).toEqual(new Uint8Array());
  });

  it('refuses anything but pairs of hex digits', () => {
    for (const bad of ['abc', 'zz', '0x00', '12-3']) expect(() => fromHex(bad), bad).toThrow('not hex: expected pairs of hex digits');
  });

  it('writes an id as 8 digits, whatever its sign', () => {
    expect(formatId(0x812c2ae6)).toBe('812c2ae6');
    expect(formatId(-2127811866)).toBe('812c2ae6');
    expect(formatId(1)).toBe('00000001');
  });
});

describe('concatBytes and randomBytes', () => {
  it('concatenates into a new array', () => {
    const a = Uint8Array.of(1, 2);
    const joined = concatBytes(a, new Uint8Array(), Uint8Array.of(3));
    expect(joined).toEqual(Uint8Array.of(1, 2, 3));
    joined[0] = 9;
    expect(a[0]).toBe(1);
    expect(concatBytes()).toEqual(new Uint8Array());
  });

  it('fills past the 65,536 bytes getRandomValues takes in one call', () => {
    const bytes = randomBytes(65_536 * 2 + 3);
    expect(bytes.length).toBe(131_075);
    // Each 64 KiB slice was filled: 16 zero bytes in a row has odds of 2^-128.
    for (const at of [0, 65_536, 131_059]) expect(bytes.subarray(at, at + 16).some((b) => b !== 0), `at ${at}`).toBe(true);
  });
});
