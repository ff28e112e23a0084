import { hexId } from '../../common/bytes.js';
import { fail, need, type Reader } from '../reader.js';
import { badValue, reserve, type Writer } from '../writer.js';

export const VECTOR_ID = 0x1cb5c415;

/**
 * Reads a vector's header (the 0x1cb5c415 id if boxed, then the count) and checks the count
 * against the bytes left, which must hold `count` elements of at least `minSize` bytes (else
 * VECTOR_COUNT: corrupt), then against `maxVectorCount` (else TOO_MANY: a policy limit), all
 * before anything is allocated. The generated readers pass a `minSize` of at least 1.
 */
export function readVectorCount(r: Reader, boxed: boolean, minSize: number, k?: number): number {
  if (boxed) {
    need(r, 4, 'Vector id', k);
    const id = r.view.getUint32(r.pos, true);
    if (id !== VECTOR_ID) {
      const e = fail(r, 'VECTOR_ID', `expected Vector id 0x1cb5c415, found ${hexId(id)}`, r.pos, k);
      e.constructorId = id;
      throw e;
    }
    r.pos += 4;
  }
  need(r, 4, 'vector count', k);
  const count = r.view.getInt32(r.pos, true);
  if (count < 0) throw fail(r, 'VECTOR_COUNT', `negative vector count ${count}`, r.pos, k);
  const left = r.end - r.pos - 4;
  if (count * minSize > left) {
    throw fail(r, 'VECTOR_COUNT', `vector count ${count} needs at least ${count * minSize} bytes, ${left} left (truncated or corrupt)`, r.pos, k);
  }
  if (count > r.maxVectorCount) throw fail(r, 'TOO_MANY', `vector count ${count} is over the limit of ${r.maxVectorCount} (maxVectorCount)`, r.pos, k);
  r.pos += 4;
  return count;
}

/** Writes a vector's header; returns the array for the caller's element loop. */
export function writeVectorHeader<T>(w: Writer, boxed: boolean, v: readonly T[], k?: number): readonly T[] {
  if (!Array.isArray(v)) throw badValue('an array', v, k);
  reserve(w, 8);
  if (boxed) {
    w.view.setUint32(w.pos, VECTOR_ID, true);
    w.pos += 4;
  }
  w.view.setInt32(w.pos, v.length, true);
  w.pos += 4;
  return v;
}
