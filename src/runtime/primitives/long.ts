import { need, type Reader } from '../reader.js';
import { badValue, reserve, type Writer } from '../writer.js';

const MIN = -(2n ** 63n);
const MAX = 2n ** 63n - 1n;

/** The value of a `long` field, or a BAD_VALUE error: a bigint from -2^63 to 2^63-1. */
export function checkLong(v: bigint): bigint {
  if (typeof v !== 'bigint' || v < MIN || v > MAX) throw badValue('a long (a bigint from -2^63 to 2^63-1)', v);
  return v;
}

/** TL `long`: signed 64-bit little-endian, a `bigint` in JavaScript. */
export function writeLong(w: Writer, v: bigint): void {
  checkLong(v);
  reserve(w, 8);
  w.view.setBigInt64(w.pos, v, true);
  w.pos += 8;
}

export function readLong(r: Reader): bigint {
  need(r, 8, 'long');
  const v = r.view.getBigInt64(r.pos, true);
  r.pos += 8;
  return v;
}
