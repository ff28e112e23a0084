import { MtprotoError } from '../errors.js';
import { cryptoSuite } from './suite.js';

/** Which party produced a message; selects x = 0 (client) or x = 8 (server) in the MTProto 2.0 KDF. */
export type Sender = 'client' | 'server';

export const AUTH_KEY_LENGTH = 256;
export const MSG_KEY_LENGTH = 16;

export interface AesKeyIv {
  key: Uint8Array;
  iv: Uint8Array;
}

function offsetFor(sender: Sender): number {
  return sender === 'client' ? 0 : 8;
}

function checkAuthKey(authKey: Uint8Array): void {
  if (authKey.length !== AUTH_KEY_LENGTH) {
    throw new MtprotoError('BAD_AUTH_KEY', `auth key must be ${AUTH_KEY_LENGTH} bytes, got ${authKey.length}`);
  }
}

/** auth_key_id as it appears on the wire: the low 64 bits (last 8 bytes) of SHA-1(auth_key). */
export function authKeyIdBytes(authKey: Uint8Array): Uint8Array {
  checkAuthKey(authKey);
  return cryptoSuite.sha1(authKey).slice(12, 20);
}

/** auth_key_id read as a little-endian signed 64-bit integer (TL `long`). */
export function authKeyId(authKey: Uint8Array): bigint {
  const bytes = authKeyIdBytes(authKey);
  return new DataView(bytes.buffer, bytes.byteOffset, 8).getBigInt64(0, true);
}

/**
 * msg_key = bytes 8..24 of SHA-256(substr(auth_key, 88 + x, 32) + plaintext),
 * where `plaintext` already includes the random padding.
 */
export function computeMsgKey(authKey: Uint8Array, plaintext: Uint8Array, sender: Sender): Uint8Array {
  checkAuthKey(authKey);
  const x = offsetFor(sender);
  const msgKeyLarge = cryptoSuite.sha256(authKey.subarray(88 + x, 88 + x + 32), plaintext);
  return msgKeyLarge.slice(8, 8 + MSG_KEY_LENGTH);
}

/** MTProto 2.0 aes_key / aes_iv derivation from auth_key and msg_key. */
export function deriveAesKeyIv(authKey: Uint8Array, msgKey: Uint8Array, sender: Sender): AesKeyIv {
  checkAuthKey(authKey);
  if (msgKey.length !== MSG_KEY_LENGTH) {
    throw new MtprotoError('BAD_ARGUMENT', `msg_key must be ${MSG_KEY_LENGTH} bytes, got ${msgKey.length}`);
  }
  const x = offsetFor(sender);
  const a = cryptoSuite.sha256(msgKey, authKey.subarray(x, x + 36));
  const b = cryptoSuite.sha256(authKey.subarray(40 + x, 40 + x + 36), msgKey);
  const key = new Uint8Array(32);
  key.set(a.subarray(0, 8), 0);
  key.set(b.subarray(8, 24), 8);
  key.set(a.subarray(24, 32), 24);
  const iv = new Uint8Array(32);
  iv.set(b.subarray(0, 8), 0);
  iv.set(a.subarray(8, 24), 8);
  iv.set(b.subarray(24, 32), 24);
  a.fill(0);
  b.fill(0);
  return { key, iv };
}
