import { crc32 } from '../../../src/common/bytes.js';

/** Writes DEFLATE's bit stream: fields LSB first, Huffman codes MSB first (RFC 1951, 3.1.1). */
class BitWriter {
  private bit = 0;
  constructor(readonly out: Uint8Array) {}

  bits(value: number, count: number): void {
    for (let i = 0; i < count; i++, this.bit++) if ((value >> i) & 1) this.out[this.bit >> 3] |= 1 << (this.bit & 7);
  }

  code(code: number, length: number): void {
    for (let i = length - 1; i >= 0; i--, this.bit++) if ((code >> i) & 1) this.out[this.bit >> 3] |= 1 << (this.bit & 7);
  }

  /** Zero bits: the buffer starts zeroed, so writing them is moving on. */
  zeros(count: number): void {
    this.bit += count;
  }

  get bytes(): number {
    return (this.bit + 7) >> 3;
  }
}

/** Order in which code length code lengths are sent (RFC 1951, 3.2.7). */
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/**
 * A raw DEFLATE stream of one dynamic block that inflates to `1 + 258 * copies` zero bytes
 * using two bits per 258 bytes (the format's best ratio, about 1032:1): a literal 0, then
 * `copies` times "length 258, distance 1". The trees: literal/length 285 -> `0`, literal 0 ->
 * `10`, end of block -> `11`; the single distance code 0 -> `0`.
 */
export function deflateBomb(copies: number): Uint8Array {
  const w = new BitWriter(new Uint8Array(64 + Math.ceil(copies / 4)));
  w.bits(1, 1); // BFINAL
  w.bits(2, 2); // BTYPE = dynamic Huffman
  w.bits(286 - 257, 5); // HLIT: literal/length codes 0..285
  w.bits(1 - 1, 5); // HDIST: one distance code
  w.bits(18 - 4, 4); // HCLEN: code length codes up to position 17 of the order (symbol 1)
  // Code length alphabet: 18 -> `0` (1 bit), 1 -> `10`, 2 -> `11` (2 bits).
  const codeLengthLengths: Record<number, number> = { 18: 1, 1: 2, 2: 2 };
  for (const symbol of CODE_LENGTH_ORDER.slice(0, 18)) w.bits(codeLengthLengths[symbol] ?? 0, 3);
  const len1 = () => w.code(0b10, 2);
  const len2 = () => w.code(0b11, 2);
  const zeros = (n: number) => {
    w.code(0b0, 1); // symbol 18: repeat a zero length 11..138 times
    w.bits(n - 11, 7);
  };
  len2(); // literal 0: length 2
  zeros(138); // literals 1..138
  zeros(117); // literals 139..255
  len2(); // 256, end of block: length 2
  zeros(28); // 257..284
  len1(); // 285, length 258: length 1
  len1(); // distance code 0: length 1
  w.code(0b10, 2); // literal 0
  w.zeros(2 * copies); // each copy: `0` (length 258) then `0` (distance 1)
  w.code(0b11, 2); // end of block
  return w.out.subarray(0, w.bytes);
}

/** A gzip member around raw DEFLATE data, with the trailer the caller says. */
export function gzipMember(deflate: Uint8Array, crc: number, length: number): Uint8Array {
  const out = new Uint8Array(10 + deflate.length + 8);
  out.set([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
  out.set(deflate, 10);
  const trailer = new DataView(out.buffer, 10 + deflate.length);
  trailer.setUint32(0, crc, true);
  trailer.setUint32(4, length % 2 ** 32, true);
  return out;
}

/** A complete, valid gzip member of `1 + 258 * copies` zero bytes (the CRC is computed, so keep it small). */
export function smallBomb(copies: number): Uint8Array {
  const length = 1 + 258 * copies;
  return gzipMember(deflateBomb(copies), crc32(new Uint8Array(length)), length);
}

/** 1 GiB of zeros from about 1 MiB of gzip; the trailer's CRC is left 0 (the data is refused long before). */
export const GIB = 2 ** 30;
export function gibibyteBomb(): Uint8Array {
  const copies = Math.ceil((GIB - 1) / 258);
  return gzipMember(deflateBomb(copies), 0, 1 + 258 * copies);
}
