import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../src/common/bytes.js';
import { TlDecodeError } from '../../src/runtime/errors.js';
import { readInt } from '../../src/runtime/primitives/int.js';
import { DEFAULT_DECODE_OPTIONS, deserialize, deserializePrefix, MAX_DEPTH_CEILING, type DecodeOptions, type Reader } from '../../src/runtime/reader.js';
import { LAYERS, ROOT } from '../helpers.js';
import { decodeError } from './helpers.js';

const layer = LAYERS[133];
const TEXT_BOLD = 'c4ab2467'; // textBold#6724abc4 text:RichText
const TEXT_EMPTY = '4f823ddc'; // textEmpty#dc3d824f
/** RichText nested `levels` objects deep: textBold around textBold ... around textEmpty. */
const richText = (levels: number): Uint8Array => fromHex(TEXT_BOLD.repeat(levels - 1) + TEXT_EMPTY);

describe('decode limits', () => {
  it('has safe defaults', () => {
    expect(DEFAULT_DECODE_OPTIONS).toEqual({ strict: true, maxDepth: 64, maxVectorCount: 1 << 20, maxStringLength: 0xffffff, maxBytesLength: 0xffffff });
  });

  describe('maxDepth', () => {
    it('decodes nesting up to the limit and refuses one level more, at the id of that level', () => {
      expect(() => layer.decode(richText(64), { as: 'RichText' })).not.toThrow();
      const e = decodeError(() => layer.decode(richText(65), { as: 'RichText' }));
      expect({ code: e.code, offset: e.offset }).toEqual({ code: 'TOO_DEEP', offset: 64 * 4 });
      expect(e.fieldPath).toBe(Array(64).fill('text').join('.'));
    });

    it('takes a lower or higher limit', () => {
      expect(decodeError(() => layer.decode(richText(4), { as: 'RichText', maxDepth: 3 })).code).toBe('TOO_DEEP');
      expect(() => layer.decode(richText(200), { as: 'RichText', maxDepth: 200 })).not.toThrow();
    });

    it(`decodes ${MAX_DEPTH_CEILING} levels, the most it allows, without exhausting the stack`, () => {
      expect(() => layer.decode(richText(MAX_DEPTH_CEILING), { as: 'RichText', maxDepth: MAX_DEPTH_CEILING })).not.toThrow();
      expect(decodeError(() => layer.decode(richText(100_000), { as: 'RichText', maxDepth: MAX_DEPTH_CEILING })).code).toBe('TOO_DEEP');
    });

    it('counts functions nested in functions too', () => {
      // invokeWithoutUpdates#bf9459b7 query:!X around itself, then help.getConfig#c4f9186b.
      const bytes = fromHex('b75994bf'.repeat(100) + '6b18f9c4');
      expect(decodeError(() => layer.decode(bytes)).code).toBe('TOO_DEEP');
      expect(() => layer.decode(bytes, { maxDepth: 101 })).not.toThrow();
    });
  });

  describe('maxVectorCount', () => {
    // contacts.getContactIDs#7adc669d returns Vector<int>.
    const ints = (n: number): Uint8Array => fromHex(`15c4b51c${toHex(Uint8Array.of(n, 0, 0, 0))}${'07000000'.repeat(n)}`);

    it('refuses more elements than the limit with TOO_MANY at the count', () => {
      expect(layer.decode(ints(3), { as: 'Vector<int>', maxVectorCount: 3 })).toEqual([7, 7, 7]);
      const e = decodeError(() => layer.decode(ints(4), { as: 'Vector<int>', maxVectorCount: 3 }));
      expect({ code: e.code, offset: e.offset }).toEqual({ code: 'TOO_MANY', offset: 4 });
    });

    it('names the field of a vector over the limit', () => {
      // msgs_ack#62d6b459 msg_ids:Vector<long>
      const e = decodeError(() => layer.decode(fromHex(`59b4d66215c4b51c02000000${'01000000'.repeat(4)}`), { maxVectorCount: 1 }));
      expect({ code: e.code, offset: e.offset, path: e.fieldPath }).toEqual({ code: 'TOO_MANY', offset: 8, path: 'msgIds' });
    });

    it('is never needed to bound allocation: a count the input cannot hold is refused whatever the limit', () => {
      const bytes = fromHex('15c4b51c404b4c000100000000000000'); // 5,000,000 longs in 16 bytes
      const e = decodeError(() => layer.decode(bytes, { as: 'Vector<long>', maxVectorCount: 0x7fffffff }));
      expect({ code: e.code, offset: e.offset }).toEqual({ code: 'VECTOR_COUNT', offset: 4 });
    });
  });

  describe('maxStringLength and maxBytesLength', () => {
    it('refuses a longer string with TOO_LONG at its prefix and names the field', () => {
      const stats = fromHex('e071a947' + '0568747470730000'); // statsURL url:"https"
      expect(layer.decode(stats, { maxStringLength: 5 })).toEqual({ _: 'statsURL', url: 'https' });
      const e = decodeError(() => layer.decode(stats, { maxStringLength: 4 }));
      expect({ code: e.code, offset: e.offset, path: e.fieldPath }).toEqual({ code: 'TOO_LONG', offset: 4, path: 'url' });
    });

    it('keeps the two limits apart', () => {
      // upload.saveFilePart#b304a621 file_id:long file_part:int bytes:bytes
      const part = fromHex('21a604b3' + '0100000000000000' + '02000000' + '03616263');
      expect(() => layer.decode(part, { maxStringLength: 0 })).not.toThrow();
      const e = decodeError(() => layer.decode(part, { maxBytesLength: 2 }));
      expect({ code: e.code, offset: e.offset, path: e.fieldPath }).toEqual({ code: 'TOO_LONG', offset: 16, path: 'bytes' });
    });
  });

  it.each<[string, DecodeOptions]>([
    ['maxDepth above the ceiling', { maxDepth: MAX_DEPTH_CEILING + 1 }],
    ['a negative maxDepth', { maxDepth: -1 }],
    ['a fractional maxVectorCount', { maxVectorCount: 1.5 }],
    ['NaN maxStringLength', { maxStringLength: NaN }],
    ['maxBytesLength past 2^24 - 1', { maxBytesLength: 2 ** 24 }],
  ])('refuses %s with a RangeError naming the option', (_, options) => {
    expect(() => layer.decode(richText(1), { as: 'RichText', ...options })).toThrow(RangeError);
    expect(() => layer.decode(richText(1), { as: 'RichText', ...options })).toThrow(new RegExp(`DecodeOptions\\.${Object.keys(options)[0]}`));
  });
});

describe('whole-buffer and stream decoding', () => {
  const stats = fromHex('e071a94703616263'); // statsURL url:"abc"

  it('a whole-buffer decode refuses trailing bytes, at the first of them', () => {
    const e = decodeError(() => layer.decode(fromHex('e071a9470361626300')));
    expect({ code: e.code, offset: e.offset }).toEqual({ code: 'TRAILING_BYTES', offset: 8 });
  });

  it('a stream decode says how many bytes it consumed, so values can follow one another', () => {
    const two = fromHex('e071a94703616263' + '4f823ddc' + 'ff');
    const first = layer.decodePrefix(two);
    expect(first).toEqual({ value: { _: 'statsURL', url: 'abc' }, consumed: 8 });
    const second = layer.decodePrefix(two.subarray(first.consumed), { as: 'RichText' });
    expect(second).toEqual({ value: { _: 'textEmpty' }, consumed: 4 });
    expect(deserializePrefix(readInt, stats)).toEqual({ value: 0x47a971e0 | 0, consumed: 4 });
  });

  it('a stream decode of a truncated value is still an error', () => {
    expect(decodeError(() => layer.decodePrefix(stats.subarray(0, 6))).code).toBe('TRUNCATED');
  });
});

describe('the call stack is never the limit', () => {
  it('a reader that recurses without counting depth ends in TOO_DEEP, not a RangeError', () => {
    const endless = (r: Reader): unknown => [endless(r)];
    const e = decodeError(() => deserialize(endless, new Uint8Array(0)));
    expect(e.code).toBe('TOO_DEEP');
    expect(e).toBeInstanceOf(TlDecodeError);
  });

  it('encoding a value that contains itself is TOO_DEEP, not a RangeError (in a plain Node process)', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'test/runtime/encode-cycle.ts')], { cwd: ROOT, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({
      results: [
        { threw: 'TlEncodeError', code: 'TOO_DEEP' },
        { threw: 'TlEncodeError', code: 'TOO_DEEP' },
      ],
      // The encoder is usable afterwards.
      after: TEXT_BOLD + TEXT_EMPTY,
    });
  });
});
