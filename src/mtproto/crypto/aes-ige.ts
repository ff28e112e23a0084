import { MtprotoError } from '../errors.js';
import { cryptoSuite } from './suite.js';

const BLOCK_SIZE = 16;

/**
 * AES-IGE encryption. MTProto uses 256-bit keys; 128/192-bit keys are accepted too
 * (the published IGE test vectors use them). `iv` is 32 bytes: the "previous ciphertext"
 * block followed by the "previous plaintext" block. `data` must be whole 16-byte blocks.
 */
export function aesIgeEncrypt(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Uint8Array {
  return ige(data, key, iv, true);
}

/** {@link aesIgeEncrypt} over `data` itself: the envelope's one buffer, with no copy out. */
export function aesIgeEncryptInPlace(data: Uint8Array, key: Uint8Array, iv: Uint8Array): void {
  const encrypted = ige(data, key, iv, true, data);
  if (encrypted !== data) data.set(encrypted);
}

/** AES-IGE decryption, the inverse of {@link aesIgeEncrypt}. */
export function aesIgeDecrypt(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Uint8Array {
  return ige(data, key, iv, false);
}

function ige(data: Uint8Array, key: Uint8Array, iv: Uint8Array, encrypt: boolean, into?: Uint8Array): Uint8Array {
  if (key.length !== 16 && key.length !== 24 && key.length !== 32) {
    throw new MtprotoError('BAD_AES_INPUT', `AES key must be 16, 24 or 32 bytes, got ${key.length}`);
  }
  if (iv.length !== 2 * BLOCK_SIZE) {
    throw new MtprotoError('BAD_AES_INPUT', `IGE IV must be 32 bytes, got ${iv.length}`);
  }
  if (data.length % BLOCK_SIZE !== 0) {
    throw new MtprotoError('BAD_AES_INPUT', `IGE data must be a multiple of 16 bytes, got ${data.length}`);
  }
  return encrypt ? cryptoSuite.igeEncrypt(data, key, iv, into) : cryptoSuite.igeDecrypt(data, key, iv);
}
