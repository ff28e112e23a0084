import { cryptoSuite } from '../mtproto/crypto/suite.js';

/**
 * AES-CTR (128-bit big-endian counter) as a continuous stream over many calls: node:crypto's
 * stream on Node, a keystream kept across calls elsewhere (src/mtproto/crypto/portable.ts).
 */
export class AesCtrStream {
  private readonly xorKeystream: (data: Uint8Array) => Uint8Array<ArrayBuffer>;

  constructor(key: Uint8Array, iv: Uint8Array) {
    this.xorKeystream = cryptoSuite.ctr(key, iv);
  }

  /** XORs `data` with the next keystream bytes; encryption and decryption are the same. */
  process(data: Uint8Array): Uint8Array<ArrayBuffer> {
    return this.xorKeystream(data);
  }
}
