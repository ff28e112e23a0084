/**
 * The primitives the envelope and the transport need, in one of two implementations: `node`
 * (node:crypto for SHA, AES-CTR and IGE encryption, WebAssembly for IGE decryption) and
 * `portable` (WebAssembly and @noble, no node:crypto and no Buffer: browsers, Bun, Deno).
 * Both are synchronous and give the same bytes; the differential test checks that.
 */
import type * as NodeCrypto from 'node:crypto';
import { nodeSuite } from './node.js';
import { portableSuite } from './portable.js';

export interface CryptoSuite {
  readonly name: 'node' | 'portable';
  sha1(data: Uint8Array): Uint8Array;
  /** SHA-256 of `first` followed by `second`. */
  sha256(first: Uint8Array, second?: Uint8Array): Uint8Array;
  /**
   * AES-IGE over whole blocks; key, IV and length already checked. The ciphertext goes to
   * `into` (data.length bytes; may be `data` itself, encrypting in place) or to a new array.
   */
  igeEncrypt(data: Uint8Array, key: Uint8Array, iv: Uint8Array, into?: Uint8Array): Uint8Array;
  igeDecrypt(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Uint8Array;
  /** AES-CTR with a 128-bit big-endian counter, as one keystream across calls. */
  ctr(key: Uint8Array, iv: Uint8Array): (data: Uint8Array) => Uint8Array<ArrayBuffer>;
}

/**
 * node:crypto when running on Node, taken with process.getBuiltinModule (Node 20.16+) rather
 * than an import, so that a bundle for browsers holds no node: module. Bun and Deno answer
 * getBuiltinModule too, but their node:crypto is a compatibility layer: they take the portable path.
 */
function nodeCrypto(): typeof NodeCrypto | undefined {
  if (typeof process !== 'object' || typeof process.getBuiltinModule !== 'function') return undefined;
  if (typeof process.versions?.node !== 'string' || 'Bun' in globalThis || 'Deno' in globalThis) return undefined;
  return process.getBuiltinModule('node:crypto');
}

const builtin = nodeCrypto();

/** The implementation this runtime uses. */
export const cryptoSuite: CryptoSuite = builtin ? nodeSuite(builtin) : portableSuite;

/** Which crypto implementation this runtime uses: `node` (node:crypto + WebAssembly) or `portable`. */
export const cryptoBackend = cryptoSuite.name;
