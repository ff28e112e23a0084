import { need, type Reader } from '../reader.js';
import { badValue, reserve, type Writer } from '../writer.js';

/** TL `double`: IEEE 754 binary64, little-endian. */
export function writeDouble(w: Writer, v: number, k?: number): void {
  if (typeof v !== 'number') throw badValue('a double (a number)', v, k);
  reserve(w, 8);
  w.view.setFloat64(w.pos, v, true);
  w.pos += 8;
}

export function readDouble(r: Reader, k?: number): number {
  need(r, 8, 'double', k);
  const v = r.view.getFloat64(r.pos, true);
  r.pos += 8;
  return v;
}
