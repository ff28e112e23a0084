import { TlEncodeError } from './errors.js';
import { reserve, type Writer } from './writer.js';

/**
 * An object whose length is known from outside it (a msg_container item, a message body, an
 * rpc_result's result, a gzip_packed payload) but which the layer cannot decode because of a
 * constructor id it does not know: kept whole, so that decoding goes on with everything else
 * and re-encoding writes the same bytes. Canonical JSON:
 * `{"_":"unknown","id":"deadbeef","bytes":"efbeadde01020304"}`.
 */
export interface TlUnknown {
  _: 'unknown';
  /** The object's own constructor id (its first 4 bytes); the unknown id may be nested deeper. */
  id: number;
  /** The whole object as it was on the wire, its id included. */
  bytes: Uint8Array;
}

export function isTlUnknown(v: unknown): v is TlUnknown {
  return typeof v === 'object' && v !== null && (v as { _?: unknown })._ === 'unknown';
}

/** The unknown node of a boxed object's bytes (copied); they must hold an id and be whole 4-byte words. */
export function tlUnknown(bytes: Uint8Array): TlUnknown {
  checkUnknownBytes(bytes);
  return { _: 'unknown', id: idOf(bytes), bytes: bytes.slice() };
}

function idOf(bytes: Uint8Array): number {
  return new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true);
}

function checkUnknownBytes(bytes: unknown): asserts bytes is Uint8Array {
  if (!(bytes instanceof Uint8Array) || bytes.length < 4 || bytes.length % 4 !== 0) {
    throw new TlEncodeError('BAD_VALUE', 'an unknown object holds its serialization: a Uint8Array of whole 4-byte words, the id first');
  }
}

/** Writes an unknown node back: its bytes, unchanged. Its `id` must be the one its bytes start with. */
export function writeUnknown(w: Writer, v: TlUnknown): void {
  checkUnknownBytes(v.bytes);
  if (v.id >>> 0 !== idOf(v.bytes)) throw new TlEncodeError('BAD_VALUE', `unknown object: id ${String(v.id)} is not the id its bytes start with`);
  reserve(w, v.bytes.length);
  w.buf.set(v.bytes, w.pos);
  w.pos += v.bytes.length;
}
