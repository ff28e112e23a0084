/** Everything the generated codecs import, in one place. */
import { TlEncodeError } from './errors.js';
import { fail, type Reader } from './reader.js';
import { badValue } from './writer.js';

export { Reader, readId, enter, unknownId, unknownFlags } from './reader.js';
export { Writer, reserve, missingField } from './writer.js';
export { decodeContext, decodeIndex, encodeContext, encodeIndex } from './errors.js';
export { writeInt, readInt, writeUint32, checkInt } from './primitives/int.js';
export { writeLong, readLong, checkLong, storeLong } from './primitives/long.js';
export { writeDouble, readDouble } from './primitives/double.js';
export { writeInt128, readInt128, writeInt256, readInt256 } from './primitives/int128.js';
export { writeString, readString } from './primitives/string.js';
export { writeBytes, readBytes } from './primitives/bytes.js';
export { writeBool, readBool } from './primitives/bool.js';
export { readVectorCount, writeVectorHeader } from './primitives/vector.js';

/** A `flags.N?true` field: true sets the bit; false, null or absent leaves it clear; anything else is an error. */
export function isSet(v: unknown): boolean {
  if (v === true) return true;
  if (v === undefined || v === null || v === false) return false;
  throw badValue('true, false or nothing', v);
}

/** A bare object is written field by field: it must at least be an object. */
export function checkObject<T>(v: T): T {
  if (typeof v !== 'object' || v === null) throw badValue('an object', v);
  return v;
}

/** A value whose `_` is not a constructor of the expected type. */
export function notOfType(v: unknown, type: string): TlEncodeError {
  if (v === undefined) return new TlEncodeError('MISSING_FIELD', `missing value of type ${type}`);
  if (typeof v !== 'object' || v === null) return badValue(`an object of type ${type}`, v);
  const name = (v as { _?: unknown })._;
  if (typeof name !== 'string') return new TlEncodeError('BAD_VALUE', `expected an object of type ${type} with a string '_', got ${name === undefined ? 'no _' : `_ = ${String(name)}`}`);
  const e = new TlEncodeError('WRONG_CONSTRUCTOR', `${name} is not a constructor of type ${type}`);
  e.offending = name;
  return e;
}

export function lengthMismatch(declared: number, actual: number): TlEncodeError {
  return new TlEncodeError('LENGTH_MISMATCH', `bytes says ${declared} but the body takes ${actual} bytes`);
}

export function bodyLengthMismatch(r: Reader, start: number, declared: number): Error {
  return fail(r, 'LENGTH_MISMATCH', `bytes says ${declared} but the body took ${r.pos - start} bytes`, start);
}
