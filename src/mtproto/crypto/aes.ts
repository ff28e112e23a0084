/**
 * A table-driven AES over 32-bit words, for the modes that have no native form anywhere
 * (IGE decryption) and for runtimes without node:crypto. Words are little-endian columns:
 * byte r of column c is state[r][c], so input bytes load in their natural order and each
 * table lookup gives a whole MixColumns column. Tables are computed once at load (no
 * literal tables in the source); rounds work on four int32 locals.
 */

const BLOCK_SIZE = 16;

export const SBOX = new Uint8Array(256);
export const INV_SBOX = new Uint8Array(256);
/** Encryption tables T0..T3 (T_r = T0 rotated left by 8r bits), 256 entries each. */
export const TE0 = new Int32Array(256);
export const TE1 = new Int32Array(256);
export const TE2 = new Int32Array(256);
export const TE3 = new Int32Array(256);
/** Decryption tables: InvMixColumns of InvSubBytes, the same layout. */
export const TD0 = new Int32Array(256);
export const TD1 = new Int32Array(256);
export const TD2 = new Int32Array(256);
export const TD3 = new Int32Array(256);

/** Multiplication by x in GF(2^8) modulo the AES polynomial. */
function xtime(a: number): number {
  return ((a << 1) ^ (a & 0x80 ? 0x1b : 0)) & 0xff;
}

function gfMul(a: number, b: number): number {
  let product = 0;
  for (; b > 0; b >>= 1, a = xtime(a)) if (b & 1) product ^= a;
  return product;
}

function rotl(word: number, bits: number): number {
  return (word << bits) | (word >>> (32 - bits));
}

function buildTables(): void {
  // Walk the multiplicative group with generator 3 to get inverses without a search.
  const power = new Uint8Array(256);
  const log = new Uint8Array(256);
  for (let i = 0, x = 1; i < 255; i++, x = x ^ xtime(x)) {
    power[i] = x;
    log[x] = i;
  }
  for (let x = 0; x < 256; x++) {
    const inverse = x === 0 ? 0 : power[(255 - log[x]) % 255];
    let s = inverse;
    for (let shift = 1; shift <= 4; shift++) s ^= ((inverse << shift) | (inverse >>> (8 - shift))) & 0xff;
    s ^= 0x63;
    SBOX[x] = s;
    INV_SBOX[s] = x;
  }
  for (let x = 0; x < 256; x++) {
    const s = SBOX[x];
    const te = xtime(s) | (s << 8) | (s << 16) | ((xtime(s) ^ s) << 24);
    TE0[x] = te;
    TE1[x] = rotl(te, 8);
    TE2[x] = rotl(te, 16);
    TE3[x] = rotl(te, 24);
    const si = INV_SBOX[x];
    const td = gfMul(si, 14) | (gfMul(si, 9) << 8) | (gfMul(si, 13) << 16) | (gfMul(si, 11) << 24);
    TD0[x] = td;
    TD1[x] = rotl(td, 8);
    TD2[x] = rotl(td, 16);
    TD3[x] = rotl(td, 24);
  }
}
buildTables();

function subWord(w: number): number {
  return SBOX[w & 0xff] | (SBOX[(w >>> 8) & 0xff] << 8) | (SBOX[(w >>> 16) & 0xff] << 16) | (SBOX[w >>> 24] << 24);
}

/** Encryption round keys: 4 * (rounds + 1) words, little-endian columns. Key length 16, 24 or 32. */
export function expandEncryptionKey(key: Uint8Array): Int32Array {
  const keyWords = key.length / 4;
  const rounds = keyWords + 6;
  const words = new Int32Array(4 * (rounds + 1));
  for (let i = 0; i < keyWords; i++) words[i] = loadWord(key, 4 * i);
  let rcon = 1;
  for (let i = keyWords; i < words.length; i++) {
    let t = words[i - 1];
    if (i % keyWords === 0) {
      t = subWord((t >>> 8) | (t << 24)) ^ rcon;
      rcon = xtime(rcon);
    } else if (keyWords > 6 && i % keyWords === 4) {
      t = subWord(t);
    }
    words[i] = words[i - keyWords] ^ t;
  }
  return words;
}

/**
 * Decryption round keys for the equivalent inverse cipher: the encryption round keys in
 * reverse round order, InvMixColumns applied to all but the first and last.
 */
export function expandDecryptionKey(key: Uint8Array): Int32Array {
  const enc = expandEncryptionKey(key);
  const dec = new Int32Array(enc.length);
  const last = enc.length - 4;
  for (let round = 0; round < enc.length; round += 4) {
    for (let c = 0; c < 4; c++) {
      const w = enc[last - round + c];
      const inner = round > 0 && round < last;
      // TD of SBOX[b] is InvMixColumns of the column holding b in row 0, and so on.
      dec[round + c] = inner ? TD0[SBOX[w & 0xff]] ^ TD1[SBOX[(w >>> 8) & 0xff]] ^ TD2[SBOX[(w >>> 16) & 0xff]] ^ TD3[SBOX[w >>> 24]] : w;
    }
  }
  enc.fill(0);
  return dec;
}

function loadWord(bytes: Uint8Array, at: number): number {
  return bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24);
}

function storeWord(bytes: Uint8Array, at: number, w: number): void {
  bytes[at] = w;
  bytes[at + 1] = w >>> 8;
  bytes[at + 2] = w >>> 16;
  bytes[at + 3] = w >>> 24;
}

/**
 * AES-IGE encryption over whole blocks, `out` may not overlap `data`:
 * c_i = E(m_i ^ c_(i-1)) ^ m_(i-1), with c_0 and m_0 the two halves of `iv`.
 */
export function igeEncryptBlocks(data: Uint8Array, roundKeys: Int32Array, iv: Uint8Array, out: Uint8Array): void {
  // Locals, not the module's consts: V8 re-checks a module binding on every access.
  const rk = roundKeys, t0 = TE0, t1 = TE1, t2 = TE2, t3 = TE3, sbox = SBOX;
  const lastRound = rk.length - 4;
  let c0 = loadWord(iv, 0), c1 = loadWord(iv, 4), c2 = loadWord(iv, 8), c3 = loadWord(iv, 12);
  let m0 = loadWord(iv, 16), m1 = loadWord(iv, 20), m2 = loadWord(iv, 24), m3 = loadWord(iv, 28);
  for (let at = 0; at < data.length; at += BLOCK_SIZE) {
    const p0 = loadWord(data, at), p1 = loadWord(data, at + 4), p2 = loadWord(data, at + 8), p3 = loadWord(data, at + 12);
    let s0 = p0 ^ c0 ^ rk[0], s1 = p1 ^ c1 ^ rk[1], s2 = p2 ^ c2 ^ rk[2], s3 = p3 ^ c3 ^ rk[3];
    for (let k = 4; k < lastRound; k += 4) {
      const u0 = t0[s0 & 0xff] ^ t1[(s1 >>> 8) & 0xff] ^ t2[(s2 >>> 16) & 0xff] ^ t3[s3 >>> 24] ^ rk[k];
      const u1 = t0[s1 & 0xff] ^ t1[(s2 >>> 8) & 0xff] ^ t2[(s3 >>> 16) & 0xff] ^ t3[s0 >>> 24] ^ rk[k + 1];
      const u2 = t0[s2 & 0xff] ^ t1[(s3 >>> 8) & 0xff] ^ t2[(s0 >>> 16) & 0xff] ^ t3[s1 >>> 24] ^ rk[k + 2];
      s3 = t0[s3 & 0xff] ^ t1[(s0 >>> 8) & 0xff] ^ t2[(s1 >>> 16) & 0xff] ^ t3[s2 >>> 24] ^ rk[k + 3];
      s0 = u0;
      s1 = u1;
      s2 = u2;
    }
    c0 = lastRoundColumn(sbox, s0, s1, s2, s3) ^ rk[lastRound] ^ m0;
    c1 = lastRoundColumn(sbox, s1, s2, s3, s0) ^ rk[lastRound + 1] ^ m1;
    c2 = lastRoundColumn(sbox, s2, s3, s0, s1) ^ rk[lastRound + 2] ^ m2;
    c3 = lastRoundColumn(sbox, s3, s0, s1, s2) ^ rk[lastRound + 3] ^ m3;
    storeWord(out, at, c0);
    storeWord(out, at + 4, c1);
    storeWord(out, at + 8, c2);
    storeWord(out, at + 12, c3);
    m0 = p0;
    m1 = p1;
    m2 = p2;
    m3 = p3;
  }
}

/**
 * AES-IGE decryption over whole blocks, `out` may not overlap `data`:
 * m_i = D(c_i ^ m_(i-1)) ^ c_(i-1), with c_0 and m_0 the two halves of `iv`.
 */
export function igeDecryptBlocks(data: Uint8Array, roundKeys: Int32Array, iv: Uint8Array, out: Uint8Array): void {
  const rk = roundKeys, t0 = TD0, t1 = TD1, t2 = TD2, t3 = TD3, sbox = INV_SBOX;
  const lastRound = rk.length - 4;
  let c0 = loadWord(iv, 0), c1 = loadWord(iv, 4), c2 = loadWord(iv, 8), c3 = loadWord(iv, 12);
  let m0 = loadWord(iv, 16), m1 = loadWord(iv, 20), m2 = loadWord(iv, 24), m3 = loadWord(iv, 28);
  for (let at = 0; at < data.length; at += BLOCK_SIZE) {
    const x0 = loadWord(data, at), x1 = loadWord(data, at + 4), x2 = loadWord(data, at + 8), x3 = loadWord(data, at + 12);
    let s0 = x0 ^ m0 ^ rk[0], s1 = x1 ^ m1 ^ rk[1], s2 = x2 ^ m2 ^ rk[2], s3 = x3 ^ m3 ^ rk[3];
    for (let k = 4; k < lastRound; k += 4) {
      const u0 = t0[s0 & 0xff] ^ t1[(s3 >>> 8) & 0xff] ^ t2[(s2 >>> 16) & 0xff] ^ t3[s1 >>> 24] ^ rk[k];
      const u1 = t0[s1 & 0xff] ^ t1[(s0 >>> 8) & 0xff] ^ t2[(s3 >>> 16) & 0xff] ^ t3[s2 >>> 24] ^ rk[k + 1];
      const u2 = t0[s2 & 0xff] ^ t1[(s1 >>> 8) & 0xff] ^ t2[(s0 >>> 16) & 0xff] ^ t3[s3 >>> 24] ^ rk[k + 2];
      s3 = t0[s3 & 0xff] ^ t1[(s2 >>> 8) & 0xff] ^ t2[(s1 >>> 16) & 0xff] ^ t3[s0 >>> 24] ^ rk[k + 3];
      s0 = u0;
      s1 = u1;
      s2 = u2;
    }
    m0 = lastRoundColumn(sbox, s0, s3, s2, s1) ^ rk[lastRound] ^ c0;
    m1 = lastRoundColumn(sbox, s1, s0, s3, s2) ^ rk[lastRound + 1] ^ c1;
    m2 = lastRoundColumn(sbox, s2, s1, s0, s3) ^ rk[lastRound + 2] ^ c2;
    m3 = lastRoundColumn(sbox, s3, s2, s1, s0) ^ rk[lastRound + 3] ^ c3;
    storeWord(out, at, m0);
    storeWord(out, at + 4, m1);
    storeWord(out, at + 8, m2);
    storeWord(out, at + 12, m3);
    c0 = x0;
    c1 = x1;
    c2 = x2;
    c3 = x3;
  }
}

/** The last round's SubBytes + ShiftRows for one column: rows taken from columns a, b, c, d. */
function lastRoundColumn(sbox: Uint8Array, a: number, b: number, c: number, d: number): number {
  return sbox[a & 0xff] | (sbox[(b >>> 8) & 0xff] << 8) | (sbox[(c >>> 16) & 0xff] << 16) | (sbox[d >>> 24] << 24);
}
