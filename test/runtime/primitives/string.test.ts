import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/conformance/random-value.js';
import { toHex } from '../../../src/common/bytes.js';
import { TlDecodeError } from '../../../src/runtime/errors.js';
import { Reader } from '../../../src/runtime/reader.js';
import { readString, writeString } from '../../../src/runtime/primitives/string.js';
import { expectDecodeError, expectEncodeError, readAll, written } from '../helpers.js';

const utf8 = (s: string): string => toHex(new TextEncoder().encode(s));
const pad = (n: number): string => '00'.repeat(n);

describe('string', () => {
  const cases: [string, string, string][] = [
    ['empty', '', '00000000'],
    ['3 bytes: no padding', 'abc', '03616263'],
    ['4 bytes: 3 bytes of padding', 'abcd', `0461626364${pad(3)}`],
    ['2-byte UTF-8', 'é', '02c3a900'],
    ['4-byte UTF-8 (a surrogate pair)', '😀', `04f09f9880${pad(3)}`],
    ['NUL is text like any other', 'a\u0000b', '03610062'],
    ['a BOM is kept', '\ufeffx', '04efbbbf78000000'],
  ];
  it.each(cases)('%s', (_, value, hex) => {
    expect(written(writeString, value)).toBe(hex);
    expect(readAll(readString, hex)).toBe(value);
  });

  // Lengths around the switch from the 1-byte prefix to 0xfe + 3 bytes, on every encoder path.
  const lengths: [string, number][] = [
    ['a', 253],
    ['a', 254],
    ['a', 1000],
    ['д', 126], // 252 bytes from 126 units: past the hand-encoded and one-byte-prefix paths
    ['д', 127], // 254 bytes
    ['中', 84], // 252 bytes
    ['中', 85], // 255 bytes
  ];
  it.each(lengths)('%s x %d: the prefix the UTF-8 length calls for', (unit, times) => {
    const s = unit.repeat(times);
    const n = new TextEncoder().encode(s).length;
    const prefix = n <= 253 ? toHex(Uint8Array.of(n)) : toHex(Uint8Array.of(0xfe, n & 0xff, (n >> 8) & 0xff, n >> 16));
    const hex = written(writeString, s);
    expect(hex).toBe(`${prefix}${utf8(s)}${pad((4 - ((prefix.length / 2 + n) % 4)) % 4)}`);
    expect(readAll(readString, hex)).toBe(s);
  });

  describe('strict by default, lenient on request', () => {
    it('invalid UTF-8: BAD_UTF8 at the text, U+FFFD when lenient', () => {
      expectDecodeError(readString, '0261ff00', 'BAD_UTF8', 1);
      expect(readAll(readString, '0261ff00', { strict: false })).toBe('a\ufffd');
      // The long path, past the hand-decoded ASCII.
      const long = `28${'61'.repeat(39)}ff${pad(3)}`;
      expectDecodeError(readString, long, 'BAD_UTF8', 1);
      expect(readAll(readString, long, { strict: false })).toBe(`${'a'.repeat(39)}\ufffd`);
    });

    it.each([
      ['an overlong NUL', '02c08000'],
      ['a UTF-16 surrogate written as UTF-8', '03eda080'],
      ['a truncated sequence', '01e20000'],
    ])('%s is not UTF-8', (_, hex) => {
      expectDecodeError(readString, hex, 'BAD_UTF8', 1);
    });

    it('non-zero padding: BAD_PADDING at the byte, skipped when lenient', () => {
      expectDecodeError(readString, '0461626364000100', 'BAD_PADDING', 6);
      expect(readAll(readString, '0461626364000100', { strict: false })).toBe('abcd');
    });

    it('0xfe prefix for a length under 254: BAD_LENGTH_PREFIX, accepted when lenient', () => {
      const hex = 'fe030000616263' + pad(1);
      expectDecodeError(readString, hex, 'BAD_LENGTH_PREFIX', 0);
      expect(readAll(readString, hex, { strict: false })).toBe('abc');
      // Written back in the canonical form.
      expect(written(writeString, 'abc')).toBe('03616263');
    });

    it('a 0xff prefix is no TL length, in either mode', () => {
      expectDecodeError(readString, 'ff000000', 'BAD_LENGTH_PREFIX', 0);
      expectDecodeError(readString, 'ff000000', 'BAD_LENGTH_PREFIX', 0, { strict: false });
    });
  });

  describe('the hand decoder for short strings agrees with TextDecoder', () => {
    // Strings up to 32 bytes are decoded by hand; every verdict must be TextDecoder's own.
    const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const lenient = new TextDecoder('utf-8', { ignoreBOM: true });
    function tlString(bytes: Uint8Array): Uint8Array {
      const out = new Uint8Array((1 + bytes.length + 3) & ~3);
      out[0] = bytes.length;
      out.set(bytes, 1);
      return out;
    }
    /** What readString did that TextDecoder would not have, or nothing. */
    function disagreement(bytes: Uint8Array): string | undefined {
      const input = tlString(bytes);
      const got = (strictMode: boolean): string => {
        try {
          return `ok:${readString(new Reader(input, { strict: strictMode }))}`;
        } catch (e) {
          return e instanceof TlDecodeError ? `${e.code}@${e.offset}` : `threw ${String(e)}`;
        }
      };
      let want: string;
      try {
        want = `ok:${strict.decode(bytes)}`;
      } catch {
        want = 'BAD_UTF8@1';
      }
      const wantLenient = `ok:${lenient.decode(bytes)}`;
      const [s, l] = [got(true), got(false)];
      return s === want && l === wantLenient ? undefined : `${toHex(bytes)}: strict ${s}, want ${want}; lenient ${l}, want ${wantLenient}`;
    }
    const disagreements = (inputs: Iterable<Uint8Array>): string[] => {
      const out: string[] = [];
      for (const bytes of inputs) {
        const d = disagreement(bytes);
        if (d !== undefined) out.push(d);
      }
      return out.slice(0, 5);
    };

    it('on every 1- and 2-byte input, and 3- and 4-byte inputs around each sequence boundary', () => {
      const edges = [0x00, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff];
      function* inputs(): Generator<Uint8Array> {
        for (let a = 0; a < 256; a++) {
          yield Uint8Array.of(a);
          for (let b = 0; b < 256; b++) yield Uint8Array.of(a, b);
        }
        for (const a of edges) for (const b of edges) for (const c of edges) {
          yield Uint8Array.of(a, b, c);
          for (const d of edges) yield Uint8Array.of(a, b, c, d);
        }
      }
      expect(disagreements(inputs())).toEqual([]);
    });

    it('on every 2-byte input after ASCII of 7 to 9 bytes, so across the 8-byte ASCII block and into its tail', () => {
      function* inputs(): Generator<Uint8Array> {
        for (const ascii of ['abcdefg', 'abcdefgh', 'abcdefghi']) {
          const prefix = new TextEncoder().encode(ascii);
          for (let a = 0; a < 256; a++) for (let b = 0; b < 256; b++) yield Uint8Array.of(...prefix, a, b);
        }
      }
      expect(disagreements(inputs())).toEqual([]);
    });

    it('on 20,000 random inputs of 0 to 40 bytes built from UTF-8 pieces, some broken', () => {
      const rand = mulberry32(7);
      const pieces = ['a', '~', '\u0000', 'é', 'д', '中', '\uffff', '\ufeff', '😀', '\u{10ffff}'].map((p) => new TextEncoder().encode(p));
      function* inputs(): Generator<Uint8Array> {
        for (let k = 0; k < 20_000; k++) {
          const out: number[] = [];
          const length = Math.floor(rand() * 41);
          while (out.length < length) out.push(...pieces[Math.floor(rand() * pieces.length)]);
          const bytes = Uint8Array.from(out.slice(0, 40));
          if (rand() < 0.3 && bytes.length > 0) bytes[Math.floor(rand() * bytes.length)] = Math.floor(rand() * 256);
          yield bytes;
        }
      }
      expect(disagreements(inputs())).toEqual([]);
    });
  });

  describe('lengths are checked before anything is allocated', () => {
    it('a length past the end of the input is TRUNCATED at the prefix', () => {
      expectDecodeError(readString, '0e687474', 'TRUNCATED', 0);
      expectDecodeError(readString, 'feffffff61626364', 'TRUNCATED', 0);
      expectDecodeError(readString, 'fe', 'TRUNCATED', 0);
    });

    it('maxStringLength: TOO_LONG above it, fine at it', () => {
      expectDecodeError(readString, `0461626364${pad(3)}`, 'TOO_LONG', 0, { maxStringLength: 3 });
      expect(readAll(readString, `0461626364${pad(3)}`, { maxStringLength: 4 })).toBe('abcd');
    });
  });

  describe('wrong values', () => {
    // Documented: a lone surrogate has no UTF-8 form. Refusing it would cost a scan of every
    // string (docs/reliability.md), so it is written as U+FFFD on both encoder paths.
    it.each([
      ['a lone high surrogate', 'a\ud800b', 'a\ufffdb'],
      ['a lone low surrogate', '\udc00', '\ufffd'],
      ['a high surrogate at the end', 'x\ud83d', 'x\ufffd'],
      ['a lone surrogate past the hand-encoded path', `${'é'.repeat(100)}\udfff`, `${'é'.repeat(100)}\ufffd`],
    ])('%s is written as U+FFFD, like TextEncoder', (_, value, read) => {
      expect(readAll(readString, written(writeString, value))).toBe(read);
    });

    it('refuses bytes, numbers and null; a missing string is a missing field', () => {
      expectEncodeError(writeString, new Uint8Array(2), 'BAD_VALUE');
      expectEncodeError(writeString, 5, 'BAD_VALUE');
      expectEncodeError(writeString, null, 'BAD_VALUE');
      expectEncodeError(writeString, undefined, 'MISSING_FIELD');
    });

    it('refuses text over 2^24 - 1 UTF-8 bytes, which no TL prefix can state', () => {
      expectEncodeError(writeString, 'a'.repeat(2 ** 24), 'BAD_VALUE');
      // Fewer units than the limit, more bytes: found after encoding.
      expectEncodeError(writeString, '中'.repeat(6_000_000), 'BAD_VALUE');
    });
  });
});
