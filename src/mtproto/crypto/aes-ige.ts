import { unsafe } from '@noble/ciphers/aes.js';
import { MtprotoError } from '../errors.js';

const BLOCK_SIZE = 16;

/**
 * AES-IGE encryption. MTProto uses 256-bit keys; 128/192-bit keys are accepted too
 * (the published IGE test vectors use them). `iv` is 32 bytes: the "previous ciphertext"
 * block followed by the "previous plaintext" block. `data` must be whole 16-byte blocks.
 */
export function aesIgeEncrypt(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Uint8Array {
  return ige(data, key, iv, true);
}

/** AES-IGE decryption, the inverse of {@link aesIgeEncrypt}. */
export function aesIgeDecrypt(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Uint8Array {
  return ige(data, key, iv, false);
}

function ige(data: Uint8Array, key: Uint8Array, iv: Uint8Array, encrypt: boolean): Uint8Array {
  if (key.length !== 16 && key.length !== 24 && key.length !== 32) {
    throw new MtprotoError('BAD_AES_INPUT', `AES key must be 16, 24 or 32 bytes, got ${key.length}`);
  }
  if (iv.length !== 2 * BLOCK_SIZE) {
    throw new MtprotoError('BAD_AES_INPUT', `IGE IV must be 32 bytes, got ${iv.length}`);
  }
  if (data.length % BLOCK_SIZE !== 0) {
    throw new MtprotoError('BAD_AES_INPUT', `IGE data must be a multiple of 16 bytes, got ${data.length}`);
  }
  // IGE chains every block on the previous input and output block, so it needs a
  // single-block primitive. noble's public ECB instances are single-use and re-expand
  // the key on every call (over 10x slower per block), hence the expanded-key helpers.
  const roundKeys = encrypt ? unsafe.expandKeyLE(key) : unsafe.expandKeyDecLE(key);
  const transform = encrypt ? unsafe.encryptBlock : unsafe.decryptBlock;
  const out = new Uint8Array(data.length);
  const block = new Uint8Array(BLOCK_SIZE); // fresh, so 4-byte aligned as the helpers require
  // Both directions compute out = T(in ^ xorIn) ^ xorOut, then xorIn = out, xorOut = in;
  // they differ only in which IV half starts where.
  let xorIn = encrypt ? iv.subarray(0, BLOCK_SIZE) : iv.subarray(BLOCK_SIZE);
  let xorOut = encrypt ? iv.subarray(BLOCK_SIZE) : iv.subarray(0, BLOCK_SIZE);
  for (let offset = 0; offset < data.length; offset += BLOCK_SIZE) {
    const input = data.subarray(offset, offset + BLOCK_SIZE);
    for (let i = 0; i < BLOCK_SIZE; i++) block[i] = input[i] ^ xorIn[i];
    transform(roundKeys, block);
    const output = out.subarray(offset, offset + BLOCK_SIZE);
    for (let i = 0; i < BLOCK_SIZE; i++) output[i] = block[i] ^ xorOut[i];
    xorIn = output;
    xorOut = input;
  }
  roundKeys.fill(0);
  block.fill(0);
  return out;
}
