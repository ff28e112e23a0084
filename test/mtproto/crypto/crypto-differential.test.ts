import * as nodeCrypto from 'node:crypto';
import { ctr, unsafe } from '@noble/ciphers/aes.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/conformance/random-value.js';
import { expandDecryptionKey, expandEncryptionKey, igeDecryptBlocks, igeEncryptBlocks } from '../../../src/mtproto/crypto/aes.js';
import { wasmIge, wasmMemoryLayout } from '../../../src/mtproto/crypto/aes-wasm.js';
import { igeEncryptByCbc, nodeSuite } from '../../../src/mtproto/crypto/node.js';
import { portableSuite } from '../../../src/mtproto/crypto/portable.js';

// The Node path, the portable path (WebAssembly), the fallbacks for runtimes that cannot compile
// WebAssembly (aes.ts's IGE; on Node, the XOR passes around native CBC in JavaScript) and @noble, over random keys, IVs and lengths:
// every one must give the same bytes.

const suites = [nodeSuite(nodeCrypto), portableSuite];
const random = mulberry32(0x1fe5);
const randomBytes = (length: number) => Uint8Array.from({ length }, () => Math.floor(random() * 256));
const randomInt = (below: number) => Math.floor(random() * below);

/** IGE block by block over @noble's single-block AES: the reference. */
function nobleIge(data: Uint8Array, key: Uint8Array, iv: Uint8Array, encrypt: boolean): Uint8Array {
  const roundKeys = encrypt ? unsafe.expandKeyLE(key) : unsafe.expandKeyDecLE(key);
  const out = new Uint8Array(data.length);
  const block = new Uint8Array(16);
  let xorIn = encrypt ? iv.subarray(0, 16) : iv.subarray(16);
  let xorOut = encrypt ? iv.subarray(16) : iv.subarray(0, 16);
  for (let at = 0; at < data.length; at += 16) {
    const input = data.subarray(at, at + 16);
    for (let i = 0; i < 16; i++) block[i] = input[i] ^ xorIn[i];
    (encrypt ? unsafe.encryptBlock : unsafe.decryptBlock)(roundKeys, block);
    const output = out.subarray(at, at + 16);
    for (let i = 0; i < 16; i++) output[i] = block[i] ^ xorOut[i];
    xorIn = output;
    xorOut = input;
  }
  return out;
}

function typeScriptIge(data: Uint8Array, key: Uint8Array, iv: Uint8Array, encrypt: boolean): Uint8Array {
  const out = new Uint8Array(data.length);
  if (encrypt) igeEncryptBlocks(data, expandEncryptionKey(key), iv, out);
  else igeDecryptBlocks(data, expandDecryptionKey(key), iv, out);
  return out;
}

/** toEqual, without comparing megabytes element by element: the first differing offset on failure. */
function expectSameBytes(actual: Uint8Array | undefined, expected: Uint8Array, label = ''): void {
  expect(actual, label).toBeDefined();
  let at = 0;
  while (at < expected.length && actual![at] === expected[at]) at++;
  expect({ label, length: actual!.length, firstDifference: at }).toEqual({ label, length: expected.length, firstDifference: expected.length });
}

/** A view at a random offset into a larger buffer, so unaligned inputs are covered too. */
function atRandomOffset(bytes: Uint8Array): Uint8Array {
  const offset = randomInt(4);
  const backing = new Uint8Array(offset + bytes.length);
  backing.set(bytes, offset);
  return backing.subarray(offset);
}

describe('crypto paths agree with each other and with @noble', () => {
  it('AES-IGE, 200 random keys (128/192/256-bit), IVs and lengths (0..300 blocks)', () => {
    for (let trial = 0; trial < 200; trial++) {
      const key = atRandomOffset(randomBytes([16, 24, 32][trial % 3]));
      const iv = atRandomOffset(randomBytes(32));
      const data = atRandomOffset(randomBytes(16 * randomInt(301)));
      const encrypted = nobleIge(data, key, iv, true);
      const decrypted = nobleIge(data, key, iv, false);
      for (const suite of suites) {
        expectSameBytes(suite.igeEncrypt(data, key, iv), encrypted, `${suite.name} encrypt, trial ${trial}`);
        expectSameBytes(suite.igeDecrypt(data, key, iv), decrypted, `${suite.name} decrypt, trial ${trial}`);
        const inPlace = atRandomOffset(data);
        expect(suite.igeEncrypt(inPlace, key, iv, inPlace)).toBe(inPlace);
        expectSameBytes(inPlace, encrypted, `${suite.name} encrypt in place, trial ${trial}`);
      }
      expectSameBytes(typeScriptIge(data, key, iv, true), encrypted);
      const cbc = (p: Uint8Array) => nodeCrypto.createCipheriv(`aes-${key.length * 8}-cbc`, key, iv.subarray(0, 16)).setAutoPadding(false).update(p);
      expectSameBytes(igeEncryptByCbc(data, iv, cbc), encrypted);
      expectSameBytes(typeScriptIge(data, key, iv, false), decrypted);
      expectSameBytes(nobleIge(encrypted, key, iv, false), data);
    }
  });

  it('AES-IGE at 1 MiB, then small again in the grown WebAssembly memory', () => {
    const key = randomBytes(32);
    const iv = randomBytes(32);
    const data = randomBytes(1 << 20);
    const encrypted = nobleIge(data, key, iv, true);
    for (const suite of suites) {
      expectSameBytes(suite.igeEncrypt(data, key, iv), encrypted);
      expectSameBytes(suite.igeDecrypt(encrypted, key, iv), data);
      expectSameBytes(suite.igeDecrypt(encrypted.subarray(0, 4096), key, iv), data.subarray(0, 4096));
    }
  });

  it('WebAssembly leaves no round key, IV or plaintext behind in its memory', () => {
    const key = randomBytes(32);
    const iv = randomBytes(32);
    const data = randomBytes(4096);
    const encrypted = wasmIge(data, expandEncryptionKey(key), iv, true)!;
    const afterEncrypt = wasmMemoryLayout()!;
    // Encryption leaves only the ciphertext: after the input region (IV block + data) and the output IV block.
    const encryptedAt = afterEncrypt.data + 16 + data.length + 16;
    const memory = new Uint8Array(afterEncrypt.memory);
    expect(memory.subarray(afterEncrypt.keys, encryptedAt).every((b) => b === 0)).toBe(true);
    expectSameBytes(memory.subarray(encryptedAt, encryptedAt + data.length), encrypted);

    expectSameBytes(wasmIge(encrypted, expandDecryptionKey(key), iv, false), data);
    const afterDecrypt = wasmMemoryLayout()!;
    // Decryption leaves only its copy of the ciphertext, after the wiped IV block.
    const ciphertextAt = afterDecrypt.data + 16;
    const memoryNow = new Uint8Array(afterDecrypt.memory);
    expect(memoryNow.subarray(afterDecrypt.keys, ciphertextAt).every((b) => b === 0)).toBe(true);
    expectSameBytes(memoryNow.subarray(ciphertextAt, ciphertextAt + data.length), encrypted);
    expect(memoryNow.subarray(ciphertextAt + data.length, ciphertextAt + 2 * data.length + 16).every((b) => b === 0)).toBe(true);

    // On Node, IGE encryption leaves only the ciphertext, after the plaintext and p = m_i ^ m_(i-2).
    expectSameBytes(suites[0].igeEncrypt(data, key, iv), encrypted);
    const afterCbc = wasmMemoryLayout()!;
    const ciphertextAfterCbc = afterCbc.data + 32 + 2 * data.length;
    const memoryAfterCbc = new Uint8Array(afterCbc.memory);
    expect(memoryAfterCbc.subarray(afterCbc.keys, ciphertextAfterCbc).every((b) => b === 0)).toBe(true);
    expectSameBytes(memoryAfterCbc.subarray(ciphertextAfterCbc, ciphertextAfterCbc + data.length), encrypted);
  });

  it('SHA-1 and SHA-256 over random lengths (0..5000 bytes), whole and in two parts', () => {
    for (let trial = 0; trial < 200; trial++) {
      const data = atRandomOffset(randomBytes(randomInt(5001)));
      const cut = randomInt(data.length + 1);
      for (const suite of suites) {
        expectSameBytes(suite.sha1(data), sha1(data));
        expectSameBytes(suite.sha256(data), sha256(data));
        expectSameBytes(suite.sha256(data.subarray(0, cut), data.subarray(cut)), sha256(data));
      }
    }
  });

  it('AES-CTR as a stream over random pieces, against @noble in one piece', () => {
    for (let trial = 0; trial < 50; trial++) {
      const key = randomBytes(32);
      const iv = randomBytes(16);
      if (trial % 10 === 0) iv.fill(0xff, 8); // the counter carries across 64 bits
      const data = randomBytes(randomInt(3000));
      const expected = ctr(key, iv).encrypt(data);
      for (const suite of suites) {
        const stream = suite.ctr(key, iv);
        const out = new Uint8Array(data.length);
        for (let at = 0; at < data.length; ) {
          const size = Math.min(data.length - at, randomInt(70));
          out.set(stream(data.subarray(at, at + size)), at);
          at += size;
        }
        expectSameBytes(out, expected, `${suite.name} trial ${trial}`);
      }
    }
  });

  it('returns plain Uint8Arrays, never Buffers', () => {
    for (const suite of suites) {
      const results = [suite.sha1(new Uint8Array(3)), suite.sha256(new Uint8Array(3)), suite.igeEncrypt(new Uint8Array(32), new Uint8Array(32), new Uint8Array(32)), suite.igeDecrypt(new Uint8Array(32), new Uint8Array(32), new Uint8Array(32)), suite.ctr(new Uint8Array(32), new Uint8Array(16))(new Uint8Array(5))];
      for (const r of results) expect(Object.getPrototypeOf(r)).toBe(Uint8Array.prototype);
    }
  });
});
