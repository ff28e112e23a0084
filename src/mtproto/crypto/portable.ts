import { ctr } from '@noble/ciphers/aes.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { expandDecryptionKey, expandEncryptionKey, igeDecryptBlocks, igeEncryptBlocks } from './aes.js';
import { wasmIge } from './aes-wasm.js';
import type { CryptoSuite } from './suite.js';

const BLOCK_SIZE = 16;

/** IGE in WebAssembly, or in aes.ts where WebAssembly cannot run; the round keys are wiped. */
export function igeWithRoundKeys(data: Uint8Array, roundKeys: Int32Array, iv: Uint8Array, encrypt: boolean, into?: Uint8Array): Uint8Array {
  let out = wasmIge(data, roundKeys, iv, encrypt, into);
  if (out === undefined) {
    out = new Uint8Array(data.length);
    (encrypt ? igeEncryptBlocks : igeDecryptBlocks)(data, roundKeys, iv, out);
    out = intoOrSelf(out, into);
  }
  roundKeys.fill(0);
  return out;
}

/** `result` copied into `into` where one is given (the fallbacks cannot write over their input). */
export function intoOrSelf(result: Uint8Array, into: Uint8Array | undefined): Uint8Array {
  if (into === undefined) return result;
  into.set(result);
  return into;
}

/**
 * AES-CTR as a continuous stream over many calls. noble's ctr() instances are one-shot, so
 * each call derives keystream for whole blocks from the current counter and keeps the unused
 * tail for the next call.
 */
function ctrStream(key: Uint8Array, iv: Uint8Array): (data: Uint8Array) => Uint8Array<ArrayBuffer> {
  const ownKey = key.slice();
  const counter = iv.slice();
  let keystream = new Uint8Array(0);
  let used = 0;
  const advanceCounter = (blocks: number): void => {
    let carry = blocks;
    for (let i = BLOCK_SIZE - 1; i >= 0 && carry > 0; i--) {
      const sum = counter[i] + (carry % 256);
      counter[i] = sum & 0xff;
      carry = Math.floor(carry / 256) + (sum >> 8);
    }
  };
  return (data) => {
    const out = new Uint8Array(data.length);
    let i = 0;
    while (i < data.length && used < keystream.length) out[i] = data[i++] ^ keystream[used++];
    if (i === data.length) return out;
    const blocks = Math.ceil((data.length - i) / BLOCK_SIZE);
    // Encrypting zeros yields the raw keystream.
    keystream = ctr(ownKey, counter).encrypt(new Uint8Array(blocks * BLOCK_SIZE));
    used = 0;
    advanceCounter(blocks);
    while (i < data.length) out[i] = data[i++] ^ keystream[used++];
    return out;
  };
}

export const portableSuite: CryptoSuite = {
  name: 'portable',
  sha1,
  sha256: (first, second) => (second === undefined ? sha256(first) : sha256.create().update(first).update(second).digest()),
  igeEncrypt: (data, key, iv, into) => igeWithRoundKeys(data, expandEncryptionKey(key), iv, true, into),
  igeDecrypt: (data, key, iv) => igeWithRoundKeys(data, expandDecryptionKey(key), iv, false),
  ctr: ctrStream,
};
