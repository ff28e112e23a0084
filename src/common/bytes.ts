/**
 * The byte helpers every part of tlwire uses, the runtime included: CRC-32, concatenation, hex
 * and random bytes. This module imports nothing and uses no Buffer and nothing Node-only, so it
 * runs wherever the codec runs (Node, browsers, Bun, Deno).
 */

/** CRC-32 (IEEE 802.3, reflected, polynomial 0xedb88320), as used for TL ids, the full transport and gzip. */
let crcTable: Uint32Array | undefined;

function makeCrcTable(): Uint32Array {
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
  const t = (crcTable ??= makeCrcTable());
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** The bytes of every part, one after another, in a new array. */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const HEX = /* @__PURE__ */ Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Lowercase hex, two digits a byte. */
export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += HEX[bytes[i]];
  return s;
}

/** Hex (either case, whitespace ignored) -> bytes; throws on anything but pairs of hex digits. */
export function fromHex(hex: string): Uint8Array {
  const clean = hex.replace(/\s+/g, '');
  if (clean.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(clean)) throw new Error('not hex: expected pairs of hex digits');
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** A 32-bit id (or any 32-bit word) as 8 lowercase hex digits: `812c2ae6`. */
export function formatId(id: number): string {
  return (id >>> 0).toString(16).padStart(8, '0');
}

/** A 32-bit id or word as `0x` and 8 hex digits: `0x812c2ae6`, as errors and tables show them. */
export function hexId(id: number): string {
  return `0x${formatId(id)}`;
}

/** `length` cryptographically secure random bytes (Web Crypto: Node 20, browsers, Bun, Deno). */
export function randomBytes(length: number): Uint8Array {
  const out = new Uint8Array(length);
  // getRandomValues fills at most 65536 bytes a call.
  for (let at = 0; at < length; at += 65536) crypto.getRandomValues(out.subarray(at, Math.min(length, at + 65536)));
  return out;
}
