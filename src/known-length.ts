import type { LayerCodec } from './layer.js';
import { atIndex, decodeContext, encodeContext, TlDecodeError } from './runtime/errors.js';
import { readInt, storeInt, writeInt, writeUint32 } from './runtime/primitives/int.js';
import { readLong, writeLong } from './runtime/primitives/long.js';
import { readVectorCount, writeVectorHeader } from './runtime/primitives/vector.js';
import { enter, fail, need, type Reader } from './runtime/reader.js';
import { isTlUnknown, tlUnknown, writeUnknown } from './runtime/unknown.js';
import { claim, type Writer } from './runtime/writer.js';
import { bodyLengthMismatch, lengthMismatch } from './runtime/codec-support.js';

/** msg_id, seqno and bytes in front of each body of a msg_container. */
const ENVELOPE_HEADER = 16;

/** An id that no constructor or function of `layer` has: the one error an unknown node stands for. */
export function isUnknownIdError(e: unknown, layer: LayerCodec): e is TlDecodeError & { constructorId: number } {
  return e instanceof TlDecodeError && e.code === 'UNKNOWN_CONSTRUCTOR' && e.constructorId !== undefined && e.expectedType !== undefined && layer.nameOf(e.constructorId) === undefined;
}

/**
 * Lenient decoding of a boxed value that keeps what it can of objects of known length: a
 * msg_container's items and an rpc_result's result (it runs to the end of its message) whose
 * constructor ids the layer does not know, anywhere inside, become unknown nodes
 * ({@link TlUnknown}) and the rest decodes as usual. Anything else is read by the layer's codec.
 */
export function readKeepingUnknown(layer: LayerCodec, r: Reader): unknown {
  return readSpan(layer, r, r.end, false);
}

/** Reads the object at r.pos, which ends at `end`; `keep` turns an unknown id inside it into an unknown node. */
function readSpan(layer: LayerCodec, r: Reader, end: number, keep: boolean): unknown {
  need(r, 4, 'constructor id');
  const id = r.view.getUint32(r.pos, true);
  const name = layer.nameOf(id);
  if (name === 'msg_container' || name === 'rpc_result' || name === 'msg_copy') {
    r.pos += 4;
    enter(r);
    const value = name === 'msg_container' ? readContainer(layer, r, id) : name === 'msg_copy' ? readCopy(layer, r, id) : readRpcResult(layer, r, id, end);
    r.depth--;
    return value;
  }
  if (!keep) return layer.registry.readObject(r);
  const start = r.pos;
  const depth = r.depth;
  try {
    return layer.registry.readObject(r);
  } catch (e) {
    // Only an unknown id within this object's bytes, and only bytes that can be a boxed object.
    if (!isUnknownIdError(e, layer) || e.offset >= end || end > r.end || (end - start) % 4 !== 0) throw e;
    r.pos = end;
    r.depth = depth;
    return tlUnknown(r.buf.subarray(start, end));
  }
}

function readContainer(layer: LayerCodec, r: Reader, id: number): unknown {
  try {
    const count = readVectorCount(r, false, ENVELOPE_HEADER + 4);
    const messages: unknown[] = [];
    for (let i = 0; i < count; i++) {
      try {
        messages.push(readEnvelope(layer, r));
      } catch (e) {
        throw atIndex(e, i);
      }
    }
    return { _: 'msg_container', messages };
  } catch (e) {
    throw decodeContext(e, id, 'msg_container', 'messages');
  }
}

function readCopy(layer: LayerCodec, r: Reader, id: number): unknown {
  try {
    return { _: 'msg_copy', origMessage: readEnvelope(layer, r) };
  } catch (e) {
    throw decodeContext(e, id, 'msg_copy', 'origMessage');
  }
}

/** `message msg_id:long seqno:int bytes:int body:Object`: the body is `bytes` long. */
function readEnvelope(layer: LayerCodec, r: Reader): unknown {
  let f = 0;
  try {
    const msgId = readLong(r);
    f = 1;
    const seqno = readInt(r);
    f = 2;
    const bytes = readInt(r);
    f = 3;
    const start = r.pos;
    if (bytes < 0 || bytes > r.end - start) throw fail(r, 'TRUNCATED', `the body says it is ${bytes} bytes, ${r.end - start} left`);
    const body = readSpan(layer, r, start + bytes, true);
    if (r.pos - start !== bytes) throw bodyLengthMismatch(r, start, bytes);
    return { _: 'message', msgId, seqno, bytes, body };
  } catch (e) {
    throw decodeContext(e, 0, 'message', ['msgId', 'seqno', 'bytes', 'body'][f]);
  }
}

/** `rpc_result req_msg_id:long result:Object`: the result runs to the end of the message. */
function readRpcResult(layer: LayerCodec, r: Reader, id: number, end: number): unknown {
  let f = 0;
  try {
    const reqMsgId = readLong(r);
    f = 1;
    const result = readSpan(layer, r, end, true);
    return { _: 'rpc_result', reqMsgId, result };
  } catch (e) {
    throw decodeContext(e, id, 'rpc_result', ['reqMsgId', 'result'][f]);
  }
}

type Node = { _?: unknown; messages?: unknown; origMessage?: unknown; body?: unknown; result?: unknown };

/** Whether a value holds an unknown node where {@link readKeepingUnknown} puts them. */
export function holdsUnknown(v: unknown): boolean {
  if (isTlUnknown(v)) return true;
  if (typeof v !== 'object' || v === null) return false;
  const node = v as Node;
  switch (node._) {
    case 'msg_container':
      return Array.isArray(node.messages) && node.messages.some((m) => holdsUnknown((m as Node | null)?.body));
    case 'msg_copy':
      return holdsUnknown((node.origMessage as Node | null)?.body);
    case 'rpc_result':
      return holdsUnknown(node.result);
    default:
      return false;
  }
}

/** Encodes a value that {@link holdsUnknown}: unknown nodes are written back byte for byte, the rest by the layer's codec. */
export function writeKeepingUnknown(layer: LayerCodec, w: Writer, v: unknown): void {
  if (isTlUnknown(v)) return writeUnknown(w, v);
  const node = v as Node;
  const id = typeof node._ === 'string' ? layer.idOf(node._) : undefined;
  if (id === undefined || (node._ !== 'msg_container' && node._ !== 'msg_copy' && node._ !== 'rpc_result')) {
    return (layer.registry.writeObject as (w: Writer, v: unknown) => void)(w, v);
  }
  writeUint32(w, id);
  if (node._ === 'msg_container') {
    try {
      const messages = writeVectorHeader(w, false, node.messages as unknown[]);
      for (let i = 0; i < messages.length; i++) {
        try {
          writeEnvelope(layer, w, messages[i] as Node & { msgId: bigint; seqno: number; bytes?: number });
        } catch (e) {
          throw atIndex(e, i);
        }
      }
    } catch (e) {
      throw encodeContext(e, 'msg_container', 'messages');
    }
  } else if (node._ === 'msg_copy') {
    try {
      writeEnvelope(layer, w, node.origMessage as Node & { msgId: bigint; seqno: number; bytes?: number });
    } catch (e) {
      throw encodeContext(e, 'msg_copy', 'origMessage');
    }
  } else {
    let f = 0;
    try {
      writeLong(w, (node as { reqMsgId: bigint }).reqMsgId);
      f = 1;
      writeKeepingUnknown(layer, w, node.result);
    } catch (e) {
      throw encodeContext(e, 'rpc_result', ['reqMsgId', 'result'][f]);
    }
  }
}

function writeEnvelope(layer: LayerCodec, w: Writer, m: Node & { msgId: bigint; seqno: number; bytes?: number }): void {
  let f = 0;
  try {
    writeLong(w, m.msgId);
    f = 1;
    writeInt(w, m.seqno);
    f = 2;
    const lengthAt = claim(w, 4);
    f = 3;
    writeKeepingUnknown(layer, w, m.body);
    const length = w.pos - lengthAt - 4;
    if (m.bytes !== undefined && m.bytes !== length) throw lengthMismatch(m.bytes, length);
    storeInt(w, lengthAt, length);
  } catch (e) {
    throw encodeContext(e, 'message', ['msgId', 'seqno', 'bytes', 'body'][f]);
  }
}
