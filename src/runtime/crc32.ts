/** CRC-32 (IEEE 802.3, reflected, polynomial 0xedb88320), as used for TL ids and the full transport. */
let table: Uint32Array | undefined;

function makeTable(): Uint32Array {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
}

/** CRC-32 of `data`, continuing from `crc` (0 to start). Returns an unsigned 32-bit number. */
export function crc32(data: Uint8Array, crc = 0): number {
  const t = (table ??= makeTable());
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}
