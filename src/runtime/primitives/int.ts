import { need, unknownFlags, type Reader } from '../reader.js';
import { badValue, reserve, type Writer } from '../writer.js';

/** The value of an `int` field, or a BAD_VALUE error: a whole number from -2^31 to 2^31-1. */
export function checkInt(v: number, k?: number): number {
  if (typeof v !== 'number' || (v | 0) !== v) throw badValue('an int (a whole number from -2^31 to 2^31-1)', v, k);
  return v;
}

/** TL `int`: signed 32-bit little-endian. */
export function writeInt(w: Writer, v: number, k?: number): void {
  checkInt(v, k);
  reserve(w, 4);
  w.view.setInt32(w.pos, v, true);
  w.pos += 4;
}

/**
 * Stores 32 bits at `at`, in bytes already claimed: an int, or an id or flags word over 2^31
 * (setInt32 wraps it to the same bytes). The generated writers store a run of fixed-size fields
 * this way after one {@link claim}: a call V8 inlines, a few bytes of bundle where
 * `w.view.setInt32(...)` written out would be twenty.
 */
export function storeInt(w: Writer, at: number, v: number): void {
  w.view.setInt32(at, v, true);
}

export function readInt(r: Reader, k?: number): number {
  need(r, 4, 'int', k);
  const v = r.view.getInt32(r.pos, true);
  r.pos += 4;
  return v;
}

/** Reads the flags word of field `k`, checked against the bits its fields use (`known`): one number in the generated code, not two. */
export function readFlags(r: Reader, known: number, k: number): number {
  const flags = readInt(r, k);
  if (flags & ~known) unknownFlags(r, flags, known, k);
  return flags;
}

/** A constructor id or a flags word: 32 bits the generated code computed itself. */
export function writeUint32(w: Writer, v: number): void {
  reserve(w, 4);
  w.view.setUint32(w.pos, v >>> 0, true);
  w.pos += 4;
}
