/** Everything the generated codecs import, in one place. */
import { hexId } from '../common/bytes.js';
import { atField, combinatorOf, inField, TlEncodeError } from './errors.js';
import { enter, fail, readId, unknownId, type Reader } from './reader.js';
import { badValue, type Writer } from './writer.js';
import { writeUint32 } from './primitives/int.js';

export { Reader, readId, enter, unknownId } from './reader.js';
export { Writer, claim, missingField } from './writer.js';
export { atField, atIndex } from './errors.js';
export { writeInt, readInt, readFlags, writeUint32, checkInt, storeInt } from './primitives/int.js';
export { writeLong, readLong, checkLong, storeLong } from './primitives/long.js';
export { writeDouble, readDouble } from './primitives/double.js';
export { writeInt128, readInt128, writeInt256, readInt256 } from './primitives/int128.js';
export { writeString, readString } from './primitives/string.js';
export { writeBytes, readBytes } from './primitives/bytes.js';
export { writeBool, readBool } from './primitives/bool.js';
export { readVectorCount, writeVectorHeader } from './primitives/vector.js';

/** A `flags.N?true` field (`k`): true sets the bit; false, null or absent leaves it clear; anything else is an error. */
export function isSet(v: unknown, k: number): boolean {
  if (v === true) return true;
  if (v === undefined || v === null || v === false) return false;
  throw badValue('true, false or nothing', v, k);
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

export function lengthMismatch(declared: number, actual: number, k?: number): TlEncodeError {
  return inField(new TlEncodeError('LENGTH_MISMATCH', `bytes says ${declared} but the body takes ${actual} bytes`), k);
}

export function bodyLengthMismatch(r: Reader, start: number, declared: number, k?: number): Error {
  return fail(r, 'LENGTH_MISMATCH', `bytes says ${declared} but the body took ${r.pos - start} bytes`, start, k);
}

/**
 * Runs a combinator's fields reader, adding the combinator's names to an error: a constructor's
 * bare reader as a user calls it, a function's, `read_Object`. The dispatchers of boxed types
 * call the fields reader straight and add the names themselves.
 */
export function readWithNames<T>(r: Reader, fields: (r: Reader) => T, names: string, id: number, k?: number): T {
  try {
    return fields(r);
  } catch (e) {
    throw atField(e, names, k, id);
  }
}

/**
 * Runs a combinator's fields writer, adding the combinator's names to an error: a
 * constructor's bare writer (its fields, no id) or a function's (its id first) as a user calls
 * it. The value must at least be an object.
 */
export function writeWithNames<T>(w: Writer, v: T, fields: (w: Writer, v: T) => void, names: string, k?: number): void {
  if (typeof v !== 'object' || v === null) throw badValue('an object', v, k);
  try {
    fields(w, v);
  } catch (e) {
    throw atField(e, names, k);
  }
}

/**
 * A function's reader, the pair of its writer (which writes the id first): reads the id,
 * refuses any other, then the fields, one level deeper.
 */
export function readCall<T>(r: Reader, id: number, fields: (r: Reader) => T, names: string, k?: number): T {
  const found = readId(r, k);
  if (found !== id) throw fail(r, 'WRONG_CONSTRUCTOR', `expected ${combinatorOf(names)} (${hexId(id)}), found ${hexId(found)}`, r.pos - 4, k);
  enter(r, k);
  const v = readWithNames(r, fields, names, id, k);
  r.depth--;
  return v;
}

/** A `write_Object` table entry: the id to write first (0 for a function, whose writer writes its own), the fields writer and the names. */
export type ObjectWriter = readonly [id: number, write: (w: Writer, v: never) => void, names: string];
/** A `read_Object` table entry: the fields reader and the names. */
export type ObjectReader<T> = readonly [read: (r: Reader) => T, names: string];

/** The name -> writer table of `write_Object` / `write_Function`, from the arguments `name, id, writer, names, ...` (arguments, not an array: TypeScript would type an array of thousands of functions as their union). */
export function writerTable(...list: unknown[]): Map<string, ObjectWriter> {
  const table = new Map<string, ObjectWriter>();
  for (let i = 0; i < list.length; i += 4) table.set(list[i] as string, [list[i + 1] as number, list[i + 2] as ObjectWriter[1], list[i + 3] as string]);
  return table;
}

/** The id -> reader table of `read_Object` / `read_Function`, from the arguments `id, reader, names, ...`. */
export function readerTable<T>(...list: unknown[]): Map<number, ObjectReader<T>> {
  const table = new Map<number, ObjectReader<T>>();
  for (let i = 0; i < list.length; i += 3) table.set(list[i] as number, [list[i + 1] as (r: Reader) => T, list[i + 2] as string]);
  return table;
}

/** Name -> id of every entry of a reader table (`read_Object`'s: a registry's `ids`), from the names each entry carries. */
export function idsOf(table: ReadonlyMap<number, ObjectReader<unknown>>): Record<string, number> {
  const ids: Record<string, number> = {};
  for (const [id, [, names]] of table) ids[combinatorOf(names)] = id;
  return ids;
}

/** Writes a value whose `_` names any entry of the table: its id, unless its writer writes it, then its fields. */
export function writeByName(w: Writer, v: unknown, table: ReadonlyMap<string, ObjectWriter>, type: string, k?: number): void {
  const name = (v as { _?: unknown } | null | undefined)?._;
  const entry = typeof name === 'string' ? table.get(name) : undefined;
  if (entry === undefined) throw inField(notOfType(v, type), k);
  try {
    if (entry[0] !== 0) writeUint32(w, entry[0]);
    entry[1](w, v as never);
  } catch (e) {
    throw atField(e, entry[2], k);
  }
}

/** Reads a boxed value of any id in the table, one level deeper. */
export function readById<T>(r: Reader, table: ReadonlyMap<number, ObjectReader<T>>, type: string, k?: number): T {
  const id = readId(r, k);
  enter(r, k);
  const entry = table.get(id);
  if (entry === undefined) throw inField(unknownId(r, id, type), k);
  const v = readWithNames(r, entry[0], entry[1], id, k);
  r.depth--;
  return v;
}
