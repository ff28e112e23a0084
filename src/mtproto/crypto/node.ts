import type * as NodeCrypto from 'node:crypto';
import { expandDecryptionKey, expandEncryptionKey } from './aes.js';
import { wasmIgeEncryptAroundCbc } from './aes-wasm.js';
import { igeWithRoundKeys, intoOrSelf } from './portable.js';
import type { CryptoSuite } from './suite.js';

const BLOCK_SIZE = 16;

/** A plain Uint8Array over a Buffer's bytes: a view when the Buffer owns its memory, else a copy. */
function plain(buffer: Uint8Array): Uint8Array<ArrayBuffer> {
  const owns = buffer.byteOffset === 0 && buffer.buffer.byteLength === buffer.length && buffer.buffer instanceof ArrayBuffer;
  return owns ? new Uint8Array(buffer.buffer as ArrayBuffer) : Uint8Array.prototype.slice.call(buffer);
}

/**
 * `into[i] = a[i] ^ b[i]` for `length` bytes (a multiple of 16): by 32-bit words, four per step
 * (about 1.8x the one-word loop in V8), where all three are 4-byte aligned and the views pay off.
 */
function xorInto(into: Uint8Array, intoAt: number, a: Uint8Array, aAt: number, b: Uint8Array, bAt: number, length: number): void {
  if (length < 64 || ((into.byteOffset + intoAt) | (a.byteOffset + aAt) | (b.byteOffset + bAt)) % 4 !== 0) {
    for (let i = 0; i < length; i++) into[intoAt + i] = a[aAt + i] ^ b[bAt + i];
    return;
  }
  const words = length >> 2;
  const o = new Int32Array(into.buffer, into.byteOffset + intoAt, words);
  const x = new Int32Array(a.buffer, a.byteOffset + aAt, words);
  const y = new Int32Array(b.buffer, b.byteOffset + bAt, words);
  for (let i = 0; i < words; i += 4) {
    o[i] = x[i] ^ y[i];
    o[i + 1] = x[i + 1] ^ y[i + 1];
    o[i + 2] = x[i + 2] ^ y[i + 2];
    o[i + 3] = x[i + 3] ^ y[i + 3];
  }
}

/** wasmIgeEncryptAroundCbc's steps with the XOR passes in JavaScript, where WebAssembly cannot run. */
export function igeEncryptByCbc(data: Uint8Array, iv: Uint8Array, cbc: (p: Uint8Array) => Uint8Array): Uint8Array {
  const n = data.length;
  const out = new Uint8Array(n);
  if (n === 0) return out;
  // p_1 = m_1, p_2 = m_2 ^ m_0 (the IV's second half), p_i = m_i ^ m_(i-2).
  out.set(data.subarray(0, BLOCK_SIZE));
  if (n > BLOCK_SIZE) {
    xorInto(out, BLOCK_SIZE, data, BLOCK_SIZE, iv, BLOCK_SIZE, BLOCK_SIZE);
    xorInto(out, 2 * BLOCK_SIZE, data, 2 * BLOCK_SIZE, data, 0, n - 2 * BLOCK_SIZE);
  }
  const y = cbc(out);
  // c_1 = y_1 ^ m_0, c_i = y_i ^ m_(i-1).
  xorInto(out, 0, y, 0, iv, BLOCK_SIZE, BLOCK_SIZE);
  xorInto(out, BLOCK_SIZE, y, BLOCK_SIZE, data, 0, n - BLOCK_SIZE);
  y.fill(0);
  return out;
}

/** AES-CBC encryption of whole blocks from the IV's first half, by OpenSSL. */
function cbcEncrypt(crypto: typeof NodeCrypto, data: Uint8Array, key: Uint8Array, iv: Uint8Array): Uint8Array {
  const cipher = crypto.createCipheriv(`aes-${key.length * 8}-cbc`, key, iv.subarray(0, BLOCK_SIZE));
  cipher.setAutoPadding(false);
  return cipher.update(data);
}

/** Up to this many bytes, one input is hashed in one call. */
const ONE_SHOT_LIMIT = 16 * 1024;
/** Up to this many bytes, two parts are joined and hashed in one call; above, the copy costs more than a Hash object. */
const JOIN_LIMIT = 1024;

/**
 * A digest with crypto.hash (Node 20.12+) where it can: one call, no Hash object, which is
 * most of the cost of hashing a few dozen bytes (the KDF's inputs); a Hash otherwise.
 */
function digest(crypto: typeof NodeCrypto, algorithm: 'sha1' | 'sha256', first: Uint8Array, second?: Uint8Array): Uint8Array {
  const length = first.length + (second?.length ?? 0);
  if (typeof crypto.hash === 'function' && length <= (second === undefined ? ONE_SHOT_LIMIT : JOIN_LIMIT)) {
    let data = first;
    if (second !== undefined) {
      data = new Uint8Array(length);
      data.set(first);
      data.set(second, first.length);
    }
    return plain(crypto.hash(algorithm, data, 'buffer') as unknown as Uint8Array);
  }
  const hash = crypto.createHash(algorithm).update(first);
  if (second !== undefined) hash.update(second);
  return plain(hash.digest());
}

/**
 * Below this many bytes IGE encryption runs all in WebAssembly: a native cipher object costs
 * more than the blocks (`npx tsx bench/ige-sizes.ts`: 1.8 against 3.4 µs at 64 bytes, even at 512).
 */
const WASM_ENCRYPT_BELOW = 512;

/** The Node implementation over the given node:crypto module. */
export function nodeSuite(crypto: typeof NodeCrypto): CryptoSuite {
  return {
    name: 'node',
    sha1: (data) => digest(crypto, 'sha1', data),
    sha256: (first, second) => digest(crypto, 'sha256', first, second),
    igeEncrypt: (data, key, iv, into) => {
      if (data.length < WASM_ENCRYPT_BELOW) return igeWithRoundKeys(data, expandEncryptionKey(key), iv, true, into);
      const cbc = (p: Uint8Array) => cbcEncrypt(crypto, p, key, iv);
      return wasmIgeEncryptAroundCbc(data, iv, cbc, into) ?? intoOrSelf(igeEncryptByCbc(data, iv, cbc), into);
    },
    // No platform has IGE decryption or a single-block AES call cheap enough to chain: WebAssembly.
    igeDecrypt: (data, key, iv) => igeWithRoundKeys(data, expandDecryptionKey(key), iv, false),
    ctr: (key, iv) => {
      const cipher = crypto.createCipheriv(`aes-${key.length * 8}-ctr`, key, iv);
      return (data) => plain(cipher.update(data));
    },
  };
}
