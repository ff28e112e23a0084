import { hexId } from '../../common/bytes.js';
import { TlDecodeError } from '../../runtime/errors.js';
import { readInt, writeInt, writeUint32 } from '../../runtime/primitives/int.js';
import { readLong, writeLong } from '../../runtime/primitives/long.js';
import { readVectorCount } from '../../runtime/primitives/vector.js';
import { readId, Reader, type DecodeOptions } from '../../runtime/reader.js';
import { Writer } from '../../runtime/writer.js';
import type { Sender } from '../crypto/keys.js';
import { isMsgIdFrom } from '../msg-id.js';
import { ServiceError } from './errors.js';

export const MSG_CONTAINER_ID = 0x73f1f8dc;
/** Real containers hold a handful of messages; a client sends at most a few dozen at once. */
export const DEFAULT_MAX_CONTAINER_MESSAGES = 1024;
/** msg_id, seqno and bytes in front of each body. */
const FRAME_HEADER_LENGTH = 16;
/** The smallest body is a constructor id. */
const MIN_FRAME_LENGTH = FRAME_HEADER_LENGTH + 4;

/** One message of a msg_container: its envelope fields and its serialized body. */
export interface ContainerMessage {
  msgId: bigint;
  seqno: number;
  body: Uint8Array;
}

/** A message read out of a msg_container; `offset` is where its body starts in the container. */
export interface ContainerFrame extends ContainerMessage {
  offset: number;
}

/**
 * Serializes a msg_container around already serialized bodies (each a boxed TL object; a
 * container cannot hold another container). `bytes` of each envelope is its body's length.
 */
export function encodeContainer(messages: readonly ContainerMessage[]): Uint8Array {
  let length = 8;
  for (const [i, m] of messages.entries()) {
    if (!(m.body instanceof Uint8Array) || m.body.length < 4 || m.body.length % 4 !== 0) {
      throw new ServiceError('BAD_ARGUMENT', `message ${i}: a body is a serialized TL object, a multiple of 4 bytes and at least 4`);
    }
    if (new DataView(m.body.buffer, m.body.byteOffset, 4).getUint32(0, true) === MSG_CONTAINER_ID) {
      throw new ServiceError('NESTED_CONTAINER', `message ${i} is itself a msg_container`);
    }
    length += FRAME_HEADER_LENGTH + m.body.length;
  }
  const w = new Writer(length);
  writeUint32(w, MSG_CONTAINER_ID);
  writeInt(w, messages.length);
  for (const m of messages) {
    writeLong(w, m.msgId);
    writeInt(w, m.seqno);
    writeInt(w, m.body.length);
    w.buf.set(m.body, w.pos);
    w.pos += m.body.length;
  }
  return w.buf;
}

export interface ContainerReadOptions extends DecodeOptions {
  /** Most messages the container may hold (default {@link DEFAULT_MAX_CONTAINER_MESSAGES}). */
  maxMessages?: number;
  /** The container's own msg_id: every message inside must have a lower one. */
  msgId?: bigint;
  /** Who sent the container: every msg_id inside must have that side's parity. */
  sender?: Sender;
}

/** A whole number of messages for a container limit, else BAD_ARGUMENT. */
export function checkMaxMessages(maxMessages: number): number {
  if (!Number.isSafeInteger(maxMessages) || maxMessages < 0) {
    throw new ServiceError('BAD_ARGUMENT', `maxContainerMessages must be a whole number, got ${maxMessages}`);
  }
  return maxMessages;
}

/**
 * The msg_id rules of a container's messages (core.telegram.org/mtproto/service_messages#simple-container):
 * each one unique, below the container's own and of the sender's parity.
 */
function checkInnerMsgId(msgId: bigint, i: number, seen: Set<bigint>, options: ContainerReadOptions): void {
  if (seen.has(msgId)) throw new ServiceError('DUPLICATE_MSG_ID', `msg_id ${msgId} appears twice in the container`, i);
  seen.add(msgId);
  if (options.msgId !== undefined && msgId >= options.msgId) {
    throw new ServiceError('MSG_ID_NOT_BELOW_CONTAINER', `msg_id ${msgId} is not below the container's own ${options.msgId}`, i);
  }
  if (options.sender !== undefined && !isMsgIdFrom(options.sender, msgId)) {
    throw new ServiceError('BAD_MSG_ID_PARITY', `msg_id ${msgId} is ${BigInt.asUintN(2, msgId)} modulo 4, which no ${options.sender} sends`, i);
  }
}

/**
 * Splits a serialized msg_container into its messages without decoding the bodies, so each
 * body can be decoded for what it is (an rpc_result needs its method's result reader).
 * Every `bytes` must fit the input and the frames must use it up exactly; the count is checked
 * against `maxMessages` before any frame is read, and each msg_id against the container rules.
 */
export function readContainerFrames(bytes: Uint8Array, options: ContainerReadOptions = {}): ContainerFrame[] {
  const maxMessages = checkMaxMessages(options.maxMessages ?? DEFAULT_MAX_CONTAINER_MESSAGES);
  const r = new Reader(bytes, options);
  const id = readId(r);
  if (id !== MSG_CONTAINER_ID) throw new TlDecodeError('WRONG_CONSTRUCTOR', 0, `expected msg_container#73f1f8dc, found ${hexId(id)}`, id);
  const count = readVectorCount(r, false, MIN_FRAME_LENGTH);
  if (count > maxMessages) throw new ServiceError('CONTAINER_TOO_LARGE', `msg_container holds ${count} messages, more than the limit of ${maxMessages}`);
  const frames: ContainerFrame[] = [];
  const seen = new Set<bigint>();
  for (let i = 0; i < count; i++) {
    const msgId = readLong(r);
    checkInnerMsgId(msgId, i, seen, options);
    const seqno = readInt(r);
    const lengthAt = r.pos;
    const length = readInt(r);
    if (length < 4 || length % 4 !== 0) {
      throw new TlDecodeError('LENGTH_MISMATCH', lengthAt, `message ${i} of msg_container says its body is ${length} bytes, not a positive multiple of 4`);
    }
    if (length > r.end - r.pos) {
      throw new TlDecodeError('TRUNCATED', lengthAt, `message ${i} of msg_container says its body is ${length} bytes, ${r.end - r.pos} left`);
    }
    frames.push({ msgId, seqno, body: bytes.subarray(r.pos, r.pos + length), offset: r.pos });
    r.pos += length;
  }
  if (r.pos !== r.end) throw new TlDecodeError('TRAILING_BYTES', r.pos, `${r.end - r.pos} bytes left after the last message of msg_container`);
  return frames;
}
