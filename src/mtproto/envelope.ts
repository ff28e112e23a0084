import { equalBytes } from '@noble/ciphers/utils.js';
import { aesIgeDecrypt, aesIgeEncryptInPlace } from './crypto/aes-ige.js';
import { authKeyIdBytes, computeMsgKey, deriveAesKeyIv, MSG_KEY_LENGTH, type Sender } from './crypto/keys.js';
import { secureRandomBytes, type RandomBytes } from './crypto/random.js';
import { MtprotoError } from './errors.js';
import { isMsgIdFrom } from './msg-id.js';

/** The local party: the one encrypting (encryptMessage) or decrypting (decryptMessage). */
export type Side = Sender;

/** auth_key_id + msg_key, in front of the encrypted data. */
const OUTER_HEADER_LENGTH = 8 + MSG_KEY_LENGTH;
/** salt, session_id, message_id, seq_no, message_data_length. */
const INNER_HEADER_LENGTH = 8 + 8 + 8 + 4 + 4;
/** auth_key_id = 0, message_id, message_data_length. */
const PLAIN_HEADER_LENGTH = 8 + 8 + 4;
const MIN_PADDING = 12;
const MAX_PADDING = 1024;
const AES_BLOCK = 16;
/** Above this, padded lengths are whole multiples of LARGE_BUCKET (padding may not exceed 1024). */
const SMALL_BUCKETS_UP_TO = 1024;
const LARGE_BUCKET = 512;
/** Smallest ciphertext: the inner header plus minimal padding, rounded up to whole blocks. */
const MIN_ENCRYPTED_LENGTH = 48;

export interface PlainMessage {
  msgId: bigint;
  body: Uint8Array;
}

export interface DecodePlainOptions {
  /** The packet came over padded intermediate: tolerate up to 15 trailing padding bytes. */
  transportPadding?: boolean;
}

export interface EncryptMessageParams {
  authKey: Uint8Array;
  salt: bigint;
  sessionId: bigint;
  msgId: bigint;
  seqNo: number;
  /** TL-serialized message body; a multiple of 4 bytes. */
  body: Uint8Array;
  side: Side;
  random?: RandomBytes;
}

export interface DecryptMessageParams {
  authKey: Uint8Array;
  data: Uint8Array;
  side: Side;
  /**
   * The session the message must belong to; any other is refused (SESSION_MISMATCH). 'any' opts
   * out, for a server binding a new session or a tool reading captured traffic.
   */
  expectedSessionId: bigint | 'any';
  /** The packet came over padded intermediate: ignore bytes past the last whole AES block. */
  transportPadding?: boolean;
}

export interface DecryptedMessage {
  salt: bigint;
  sessionId: bigint;
  msgId: bigint;
  seqNo: number;
  body: Uint8Array;
}

// 64-bit fields are read as signed (TL `long`); inputs may be signed or unsigned.
function writeLong(view: DataView, offset: number, value: bigint): void {
  view.setBigUint64(offset, BigInt.asUintN(64, value), true);
}

function sameLong(a: bigint, b: bigint): boolean {
  return BigInt.asUintN(64, a) === BigInt.asUintN(64, b);
}

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function checkBodyLength(body: Uint8Array): void {
  if (body.length % 4 !== 0) {
    throw new MtprotoError('BAD_DATA_LENGTH', `message body must be a multiple of 4 bytes, got ${body.length}`);
  }
}

function checkMsgIdFrom(sender: Sender, msgId: bigint): void {
  if (msgId <= 0n || !isMsgIdFrom(sender, msgId)) {
    const rule = sender === 'client' ? 'divisible by 4' : '1 or 3 modulo 4';
    throw new MtprotoError('BAD_MSG_ID', `msg_id ${msgId} from the ${sender} must be positive and ${rule}`);
  }
}

function otherSide(side: Side): Sender {
  return side === 'client' ? 'server' : 'client';
}

/** Unencrypted message (used before an auth key exists): auth_key_id = 0, message_id, length, body. */
export function encodePlainMessage(message: PlainMessage): Uint8Array {
  checkBodyLength(message.body);
  const out = new Uint8Array(PLAIN_HEADER_LENGTH + message.body.length);
  const view = viewOf(out);
  writeLong(view, 8, message.msgId);
  view.setUint32(16, message.body.length, true);
  out.set(message.body, PLAIN_HEADER_LENGTH);
  return out;
}

export function decodePlainMessage(data: Uint8Array, options: DecodePlainOptions = {}): PlainMessage {
  if (data.length < PLAIN_HEADER_LENGTH) {
    throw new MtprotoError('BAD_LENGTH', `plaintext packet of ${data.length} bytes is shorter than its header`);
  }
  const view = viewOf(data);
  if (view.getBigUint64(0, true) !== 0n) {
    throw new MtprotoError('AUTH_KEY_ID_MISMATCH', 'plaintext packet must have auth_key_id = 0');
  }
  const length = view.getUint32(16, true);
  const available = data.length - PLAIN_HEADER_LENGTH;
  if (length > available || length % 4 !== 0) {
    throw new MtprotoError('BAD_DATA_LENGTH', `message_data_length ${length} invalid for ${available} bytes of data`);
  }
  const trailing = available - length;
  if (trailing > 0 && !(options.transportPadding && trailing < AES_BLOCK)) {
    throw new MtprotoError('BAD_LENGTH', `${trailing} unexpected bytes after the plaintext message`);
  }
  return {
    msgId: view.getBigInt64(8, true),
    body: data.slice(PLAIN_HEADER_LENGTH, PLAIN_HEADER_LENGTH + length),
  };
}

/**
 * The encrypted length of `unpadded` bytes of header and body: size buckets, so a packet's
 * length reveals only its bucket (a power of two up to 1 KiB, then a multiple of 512 bytes).
 * Buckets rather than random 12..1024 padding: the smallest of a few packets carrying the same
 * message would give its length away to 16 bytes, and random padding costs ~500 bytes a packet;
 * buckets cost at most the message's own size below 1 KiB and under 524 bytes above.
 */
function paddedLength(unpadded: number): number {
  const least = unpadded + MIN_PADDING;
  if (least <= SMALL_BUCKETS_UP_TO) return Math.max(AES_BLOCK, 2 ** Math.ceil(Math.log2(least)));
  return Math.ceil(least / LARGE_BUCKET) * LARGE_BUCKET;
}

/** MTProto 2.0 encryption: auth_key_id + msg_key + AES-IGE(header + body + random padding to a size bucket). */
export function encryptMessage(params: EncryptMessageParams): Uint8Array {
  const { authKey, body, side } = params;
  checkBodyLength(body);
  checkMsgIdFrom(side, params.msgId);
  if (!Number.isInteger(params.seqNo) || params.seqNo < 0 || params.seqNo > 0x7fffffff) {
    throw new MtprotoError('BAD_ARGUMENT', `seq_no must be an int32 >= 0, got ${params.seqNo}`);
  }
  const unpadded = INNER_HEADER_LENGTH + body.length;
  const paddingLength = paddedLength(unpadded) - unpadded;
  // One buffer: the plaintext is built where its ciphertext goes.
  const out = new Uint8Array(OUTER_HEADER_LENGTH + unpadded + paddingLength);
  const plaintext = out.subarray(OUTER_HEADER_LENGTH);
  const view = viewOf(plaintext);
  writeLong(view, 0, params.salt);
  writeLong(view, 8, params.sessionId);
  writeLong(view, 16, params.msgId);
  view.setInt32(24, params.seqNo, true);
  view.setUint32(28, body.length, true);
  plaintext.set(body, INNER_HEADER_LENGTH);
  plaintext.set((params.random ?? secureRandomBytes)(paddingLength), unpadded);

  const msgKey = computeMsgKey(authKey, plaintext, side);
  const { key, iv } = deriveAesKeyIv(authKey, msgKey, side);
  aesIgeEncryptInPlace(plaintext, key, iv);
  out.set(authKeyIdBytes(authKey), 0);
  out.set(msgKey, 8);
  return out;
}

/** MTProto 2.0 decryption with every check a receiver must make; failures throw {@link MtprotoError}. */
export function decryptMessage(params: DecryptMessageParams): DecryptedMessage {
  const { authKey, data } = params;
  if (typeof params.expectedSessionId !== 'bigint' && params.expectedSessionId !== 'any') {
    throw new MtprotoError('BAD_ARGUMENT', "expectedSessionId is the session's id, or 'any' to accept every session");
  }
  const sender = otherSide(params.side);
  const keyId = authKeyIdBytes(authKey);
  if (data.length < OUTER_HEADER_LENGTH + MIN_ENCRYPTED_LENGTH) {
    throw new MtprotoError('BAD_LENGTH', `encrypted packet of ${data.length} bytes is too short`);
  }
  if (!equalBytes(data.subarray(0, 8), keyId)) {
    throw new MtprotoError('AUTH_KEY_ID_MISMATCH', 'packet was encrypted with another auth key');
  }
  const strayBytes = (data.length - OUTER_HEADER_LENGTH) % AES_BLOCK;
  if (strayBytes !== 0 && !params.transportPadding) {
    const encryptedLength = data.length - OUTER_HEADER_LENGTH;
    throw new MtprotoError('BAD_LENGTH', `encrypted data of ${encryptedLength} bytes is not whole AES blocks`);
  }
  const msgKey = data.subarray(8, OUTER_HEADER_LENGTH);
  const { key, iv } = deriveAesKeyIv(authKey, msgKey, sender);
  const plaintext = aesIgeDecrypt(data.subarray(OUTER_HEADER_LENGTH, data.length - strayBytes), key, iv);
  // Verify msg_key before looking at any decrypted field, so nothing else leaks about forged packets.
  if (!equalBytes(computeMsgKey(authKey, plaintext, sender), msgKey)) {
    throw new MtprotoError('MSG_KEY_MISMATCH', 'msg_key does not match the decrypted data');
  }

  const view = viewOf(plaintext);
  const length = view.getUint32(28, true);
  const available = plaintext.length - INNER_HEADER_LENGTH;
  if (length > available || length % 4 !== 0) {
    throw new MtprotoError('BAD_DATA_LENGTH', `message_data_length ${length} invalid for ${available} bytes of data`);
  }
  const paddingLength = available - length;
  if (paddingLength < MIN_PADDING || paddingLength > MAX_PADDING) {
    const allowed = `${MIN_PADDING}..${MAX_PADDING}`;
    throw new MtprotoError('BAD_PADDING', `padding of ${paddingLength} bytes is outside ${allowed}`);
  }
  const sessionId = view.getBigInt64(8, true);
  if (params.expectedSessionId !== 'any' && !sameLong(sessionId, params.expectedSessionId)) {
    const expected = params.expectedSessionId;
    throw new MtprotoError('SESSION_MISMATCH', `message is for session ${sessionId}, expected ${expected}`);
  }
  const msgId = view.getBigInt64(16, true);
  checkMsgIdFrom(sender, msgId);
  return {
    salt: view.getBigInt64(0, true),
    sessionId,
    msgId,
    seqNo: view.getInt32(24, true),
    body: plaintext.slice(INNER_HEADER_LENGTH, INNER_HEADER_LENGTH + length),
  };
}
