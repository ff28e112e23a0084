import { hexId } from '../../common/bytes.js';
import { fail, need, type Reader } from '../reader.js';
import { badValue, reserve, type Writer } from '../writer.js';

export const BOOL_TRUE = 0x997275b5;
export const BOOL_FALSE = 0xbc799737;

/** TL `Bool`: the boxed constructors boolTrue / boolFalse, a `boolean` in JavaScript. */
export function writeBool(w: Writer, v: boolean, k?: number): void {
  if (typeof v !== 'boolean') throw badValue('a Bool (true or false)', v, k);
  reserve(w, 4);
  w.view.setUint32(w.pos, v ? BOOL_TRUE : BOOL_FALSE, true);
  w.pos += 4;
}

export function readBool(r: Reader, k?: number): boolean {
  need(r, 4, 'Bool', k);
  const id = r.view.getUint32(r.pos, true);
  r.pos += 4;
  if (id === BOOL_TRUE) return true;
  if (id === BOOL_FALSE) return false;
  const e = fail(r, 'BAD_BOOL', `Bool id ${hexId(id)} is neither boolTrue nor boolFalse`, r.pos - 4, k);
  e.constructorId = id;
  throw e;
}
