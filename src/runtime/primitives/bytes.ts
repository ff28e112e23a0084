import { fail, MAX_TL_LENGTH, need, type Reader } from '../reader.js';
import { badValue, reserve, type Writer } from '../writer.js';

export { MAX_TL_LENGTH };

/**
 * Writes the TL length prefix for `n` bytes: one byte up to 253, else 0xfe and three bytes.
 * Returns how many bytes the prefix took.
 */
export function writeLengthPrefix(w: Writer, n: number): number {
  if (n <= 253) {
    w.buf[w.pos++] = n;
    return 1;
  }
  w.buf[w.pos] = 0xfe;
  w.buf[w.pos + 1] = n & 0xff;
  w.buf[w.pos + 2] = (n >> 8) & 0xff;
  w.buf[w.pos + 3] = (n >> 16) & 0xff;
  w.pos += 4;
  return 4;
}

/** Zero bytes so that prefix + payload is a multiple of 4. */
export function writePadding(w: Writer, written: number): void {
  let pad = (4 - (written & 3)) & 3;
  while (pad-- > 0) w.buf[w.pos++] = 0;
}

/** TL `bytes`: length prefix, the bytes, zero padding to a multiple of 4. */
export function writeBytes(w: Writer, v: Uint8Array, k?: number): void {
  if (!(v instanceof Uint8Array)) throw badValue('bytes (a Uint8Array)', v, k);
  if (v.length > MAX_TL_LENGTH) throw badValue(`at most ${MAX_TL_LENGTH} bytes`, v, k);
  reserve(w, v.length + 7);
  const prefix = writeLengthPrefix(w, v.length);
  w.buf.set(v, w.pos);
  w.pos += v.length;
  writePadding(w, prefix + v.length);
}

/**
 * Reads a length prefix and checks it against the input (else TRUNCATED) and then against
 * `max` (else TOO_LONG), before the caller allocates anything. Returns the payload length;
 * `r.pos` is left at the payload.
 */
export function readLengthPrefix(r: Reader, what: string, max: number, k?: number): number {
  const start = r.pos;
  need(r, 1, `${what} length`, k);
  let n = r.buf[start];
  let prefix = 1;
  if (n > 253) {
    if (n > 254) throw fail(r, 'BAD_LENGTH_PREFIX', `${what} length prefix 0xff is not valid TL`, start, k);
    need(r, 4, `${what} length`, k);
    n = r.buf[start + 1] | (r.buf[start + 2] << 8) | (r.buf[start + 3] << 16);
    prefix = 4;
    if (n < 254 && r.strict) throw fail(r, 'BAD_LENGTH_PREFIX', `${what} length ${n} written with the 0xfe prefix, which is for 254 and more`, start, k);
  }
  const padded = (prefix + n + 3) & ~3;
  if (r.end - start < padded) {
    throw fail(r, 'TRUNCATED', `truncated ${what}: length ${n} needs ${padded} bytes with prefix and padding, ${r.end - start} left`, start, k);
  }
  if (n > max) throw fail(r, 'TOO_LONG', `${what} length ${n} is over the limit of ${max}`, start, k);
  r.pos = start + prefix;
  return n;
}

/** Skips the padding after a payload of `n` bytes that began at `start` (the prefix). */
export function skipPadding(r: Reader, start: number, k?: number): void {
  const endPadded = start + ((r.pos - start + 3) & ~3);
  if (r.strict) {
    for (let i = r.pos; i < endPadded; i++) {
      if (r.buf[i] !== 0) throw fail(r, 'BAD_PADDING', `non-zero padding byte 0x${r.buf[i].toString(16)}`, i, k);
    }
  }
  r.pos = endPadded;
}

export function readBytes(r: Reader, k?: number): Uint8Array {
  const start = r.pos;
  const n = readLengthPrefix(r, 'bytes', r.maxBytesLength, k);
  const v = r.buf.slice(r.pos, r.pos + n);
  r.pos += n;
  skipPadding(r, start, k);
  return v;
}
