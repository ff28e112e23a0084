import { ctr } from '@noble/ciphers/aes.js';

const BLOCK_SIZE = 16;

/**
 * AES-CTR (128-bit big-endian counter) as a continuous stream over many calls.
 * noble's ctr() instances are one-shot, so each call derives keystream for whole
 * blocks from the current counter and keeps the unused tail for the next call.
 */
export class AesCtrStream {
  private readonly key: Uint8Array;
  private readonly counter: Uint8Array;
  private keystream = new Uint8Array(0);
  private keystreamUsed = 0;

  constructor(key: Uint8Array, iv: Uint8Array) {
    this.key = key.slice();
    this.counter = iv.slice();
  }

  /** XORs `data` with the next keystream bytes; encryption and decryption are the same. */
  process(data: Uint8Array): Uint8Array<ArrayBuffer> {
    const out = new Uint8Array(data.length);
    let i = 0;
    while (i < data.length && this.keystreamUsed < this.keystream.length) {
      out[i] = data[i++] ^ this.keystream[this.keystreamUsed++];
    }
    if (i === data.length) return out;
    const blocks = Math.ceil((data.length - i) / BLOCK_SIZE);
    // Encrypting zeros yields the raw keystream.
    this.keystream = ctr(this.key, this.counter).encrypt(new Uint8Array(blocks * BLOCK_SIZE));
    this.keystreamUsed = 0;
    this.advanceCounter(blocks);
    while (i < data.length) out[i] = data[i++] ^ this.keystream[this.keystreamUsed++];
    return out;
  }

  private advanceCounter(blocks: number): void {
    let carry = blocks;
    for (let i = BLOCK_SIZE - 1; i >= 0 && carry > 0; i--) {
      const sum = this.counter[i] + (carry % 256);
      this.counter[i] = sum & 0xff;
      carry = Math.floor(carry / 256) + (sum >> 8);
    }
  }
}
