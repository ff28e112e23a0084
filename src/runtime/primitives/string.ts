import { fail, type Reader } from '../reader.js';
import { badValue, reserve, type Writer } from '../writer.js';
import { MAX_TL_LENGTH, readLengthPrefix, skipPadding, writeLengthPrefix, writePadding } from './bytes.js';

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientDecoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** Strings up to this many UTF-16 units (encode, ASCII) or bytes (decode) go by hand: cheaper than a call into encodeInto or TextDecoder. */
const SHORT_STRING = 32;
/** Up to this many UTF-16 units the UTF-8 form is at most 253 bytes, so the prefix is one byte. */
const ONE_BYTE_PREFIX_UNITS = 84;

/**
 * s as ASCII at buf[p..]: the end, or -1 at the first unit that is not ASCII, which goes to
 * encodeInto. UTF-8 written by hand beyond ASCII saved under 1% of messages.encode's
 * instructions and took 97 gzipped bytes in every bundle (docs/performance.md).
 */
function encodeAscii(s: string, buf: Uint8Array, p: number): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return -1;
    buf[p++] = c;
  }
  return p;
}

/**
 * TL `string`: UTF-8 with the `bytes` length prefix and padding. A lone surrogate has no UTF-8
 * form and is written as U+FFFD, as TextEncoder does: refusing it would take a scan of every
 * string, costlier than encoding long non-Latin text.
 */
export function writeString(w: Writer, s: string, k?: number): void {
  if (typeof s !== 'string') throw badValue('a string', s, k);
  const units = s.length;
  // Every unit takes at least one UTF-8 byte: refuse before reserving 3 bytes per unit.
  if (units > MAX_TL_LENGTH) throw badValue(`a string of at most ${MAX_TL_LENGTH} UTF-8 bytes`, s, k);
  // UTF-8 takes at most 3 bytes per UTF-16 unit.
  reserve(w, 4 + units * 3 + 3);
  const start = w.pos;
  let n: number;
  if (units <= ONE_BYTE_PREFIX_UNITS) {
    let end = units <= SHORT_STRING ? encodeAscii(s, w.buf, start + 1) : -1;
    if (end < 0) end = start + 1 + encoder.encodeInto(s, w.buf.subarray(start + 1)).written;
    n = end - start - 1;
    w.buf[start] = n;
    w.pos = end;
    writePadding(w, 1 + n);
    return;
  }
  n = encoder.encodeInto(s, w.buf.subarray(start + 4)).written;
  if (n > MAX_TL_LENGTH) throw badValue(`a string of at most ${MAX_TL_LENGTH} UTF-8 bytes`, s, k);
  if (n <= 253) w.buf.copyWithin(start + 1, start + 4, start + 4 + n);
  const prefix = writeLengthPrefix(w, n);
  w.pos = start + prefix + n;
  writePadding(w, prefix + n);
}

const fromCharCode = String.fromCharCode;

/**
 * Decodes a short string by hand, or returns undefined to leave it to TextDecoder (anything
 * not plain valid UTF-8 among them, so both modes keep TextDecoder's verdict on bad input).
 * On the bench's texts this takes 11% to 13% off string decoding against TextDecoder for every
 * string; past 32 bytes TextDecoder wins (bench/strings.ts, docs/performance.md).
 */
function decodeShort(buf: Uint8Array, from: number, to: number): string | undefined {
  // ASCII, checked as it goes: a few characters per call, no array.
  let s = '';
  let i = from;
  for (; i + 8 <= to; i += 8) {
    if ((buf[i] | buf[i + 1] | buf[i + 2] | buf[i + 3] | buf[i + 4] | buf[i + 5] | buf[i + 6] | buf[i + 7]) & 0x80) break;
    s += fromCharCode(buf[i], buf[i + 1], buf[i + 2], buf[i + 3], buf[i + 4], buf[i + 5], buf[i + 6], buf[i + 7]);
  }
  while (i < to && buf[i] < 0x80) s += fromCharCode(buf[i++]);
  if (i === to) return s;
  // From the first byte that is not ASCII: code units into an array, one call.
  const units: number[] = [];
  while (i < to) {
    let c = buf[i++];
    if (c >= 0x80) {
      // A lead byte: 1 to 3 continuation bytes, whose code point must need that many.
      const more = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
      if (c < 0xc2 || c > 0xf4 || i + more > to) return undefined;
      c &= 0x3f >> more;
      for (const end = i + more; i < end; i++) {
        if ((buf[i] & 0xc0) !== 0x80) return undefined;
        c = (c << 6) | (buf[i] & 0x3f);
      }
      if (more === 2 ? c < 0x800 || (c >= 0xd800 && c <= 0xdfff) : more === 3 && (c < 0x10000 || c > 0x10ffff)) return undefined;
      if (c > 0xffff) {
        units.push(0xd800 | ((c - 0x10000) >> 10));
        c = 0xdc00 | (c & 0x3ff);
      }
    }
    units.push(c);
  }
  return s + fromCharCode.apply(null, units);
}

export function readString(r: Reader, k?: number): string {
  const start = r.pos;
  const n = readLengthPrefix(r, 'string', r.maxStringLength, k);
  const from = r.pos;
  const to = from + n;
  let s = n <= SHORT_STRING ? decodeShort(r.buf, from, to) : undefined;
  if (s === undefined) {
    const bytes = r.buf.subarray(from, to);
    if (r.strict) {
      try {
        s = strictDecoder.decode(bytes);
      } catch {
        throw fail(r, 'BAD_UTF8', 'string is not valid UTF-8', r.pos, k);
      }
    } else {
      s = lenientDecoder.decode(bytes);
    }
  }
  r.pos = to;
  skipPadding(r, start, k);
  return s;
}
