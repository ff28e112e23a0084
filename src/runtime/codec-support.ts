/** Everything the generated codecs import, in one place. */
import { TlEncodeError } from './errors.js';
import { enter, fail, readId, unknownId, type Reader } from './reader.js';
import { badValue, type Writer } from './writer.js';
import { writeUint32 } from './primitives/int.js';

export { Reader, readId, enter, unknownId, unknownFlags } from './reader.js';
export { Writer, claim, missingField } from './writer.js';
export { decodeAt, decodeIndex, encodeAt, encodeIndex } from './errors.js';
export { writeInt, readInt, writeUint32, checkInt, storeInt } from './primitives/int.js';
export { writeLong, readLong, checkLong, storeLong } from './primitives/long.js';
export { writeDouble, readDouble } from './primitives/double.js';
export { writeInt128, readInt128, writeInt256, readInt256 } from './primitives/int128.js';
export { writeString, readString } from './primitives/string.js';
export { writeBytes, readBytes } from './primitives/bytes.js';
export { writeBool, readBool } from './primitives/bool.js';
export { readVectorCount, writeVectorHeader } from './primitives/vector.js';
export { boxedCall } from './boxed-call.js';

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

/** A `write_Object` table entry: the id to write first (0 for a function, whose writer writes its own) and the writer. */
export type ObjectWriter = readonly [id: number, write: (w: Writer, v: never) => void];

/** The name -> writer table of `write_Object` / `write_Function`, from the arguments `name, id, writer, ...` (arguments, not an array: TypeScript would type an array of thousands of functions as their union). */
export function writerTable(...list: unknown[]): Map<string, ObjectWriter> {
  const table = new Map<string, ObjectWriter>();
  for (let i = 0; i < list.length; i += 3) table.set(list[i] as string, [list[i + 1] as number, list[i + 2] as ObjectWriter[1]]);
  return table;
}

/** The id -> reader table of `read_Object` / `read_Function`, from the arguments `id, reader, ...`. */
export function readerTable<T>(...list: unknown[]): Map<number, (r: Reader) => T> {
  const table = new Map<number, (r: Reader) => T>();
  for (let i = 0; i < list.length; i += 2) table.set(list[i] as number, list[i + 1] as (r: Reader) => T);
  return table;
}

/** Writes a value whose `_` names any entry of the table: its id, unless its writer writes it, then its fields. */
export function writeByName(w: Writer, v: unknown, table: ReadonlyMap<string, ObjectWriter>, type: string): void {
  const name = (v as { _?: unknown } | null | undefined)?._;
  const entry = typeof name === 'string' ? table.get(name) : undefined;
  if (entry === undefined) throw notOfType(v, type);
  if (entry[0] !== 0) writeUint32(w, entry[0]);
  entry[1](w, v as never);
}

/** Reads a boxed value of any id in the table, one level deeper. */
export function readById<T>(r: Reader, table: ReadonlyMap<number, (r: Reader) => T>, type: string): T {
  const id = readId(r);
  enter(r);
  const read = table.get(id);
  if (read === undefined) throw unknownId(r, id, type);
  const v = read(r);
  r.depth--;
  return v;
}
