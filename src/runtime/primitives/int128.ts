import { need, type Reader } from '../reader.js';
import { badValue, reserve, type Writer } from '../writer.js';

/** TL `int128` and `int256`: 16 or 32 raw bytes, kept in wire order as a Uint8Array. */
function writeFixed(w: Writer, v: Uint8Array, size: number, k: number | undefined): void {
  if (!(v instanceof Uint8Array) || v.length !== size) throw badValue(`int${size * 8} (a Uint8Array of ${size} bytes)`, v, k);
  reserve(w, size);
  w.buf.set(v, w.pos);
  w.pos += size;
}

function readFixed(r: Reader, size: number, k: number | undefined): Uint8Array {
  need(r, size, `int${size * 8}`, k);
  const v = r.buf.slice(r.pos, r.pos + size);
  r.pos += size;
  return v;
}

export const writeInt128 = (w: Writer, v: Uint8Array, k?: number): void => writeFixed(w, v, 16, k);
export const writeInt256 = (w: Writer, v: Uint8Array, k?: number): void => writeFixed(w, v, 32, k);
export const readInt128 = (r: Reader, k?: number): Uint8Array => readFixed(r, 16, k);
export const readInt256 = (r: Reader, k?: number): Uint8Array => readFixed(r, 32, k);
