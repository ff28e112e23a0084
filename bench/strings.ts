/**
 * UTF-8 to a JavaScript string: which way is fastest at which length, on this Node.
 *
 *   npx tsx bench/strings.ts
 *
 * The samples are the history page's own texts (bench/fixtures/data.ts words: ASCII with some
 * Cyrillic, accented Latin and emoji), cut to several lengths, and pure ASCII of the same
 * lengths. Each way must give TextDecoder's string before it is timed. This is why tlwire's
 * `readString` decodes up to 32 bytes by hand and leaves longer strings to TextDecoder.
 */
import { Reader, readString } from '../dist/index.js';
import { cpuMicrosPerCall } from './lib/measure.js';

const WORDS = ['the', 'release', 'build', 'is', 'green', 'привет', 'всем', 'спасибо', 'Grüße', 'naïve', 'café', '👍', '🚀', 'ok', 'review', 'parser'];
const LENGTHS = [8, 16, 24, 32, 48, 64, 128, 200];
const ROUNDS = 7;
const ROUND_MS = 60;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const fromCharCode = String.fromCharCode;

/** Text of at most `bytes` UTF-8 bytes, cut at a character boundary. */
function sample(bytes: number, seed: number, ascii: boolean): Uint8Array {
  let s = '';
  for (let i = seed; encoder.encode(s).length < bytes; i++) s += `${WORDS[(i * 7) % WORDS.length]} `.replace(ascii ? /[^\x00-\x7f]/g : /$^/, 'x');
  let out = encoder.encode(s);
  while (out.length > bytes || (out.length > 0 && (out[out.length - 1] & 0xc0) === 0x80) || (out.length > 0 && out[out.length - 1] >= 0xc0)) out = out.subarray(0, out.length - 1);
  return Uint8Array.from(out);
}

/** The same bytes as a TL string: length prefix and padding, for tlwire's reader. */
function tl(bytes: Uint8Array): Uint8Array {
  const prefix = bytes.length <= 253 ? 1 : 4;
  const out = new Uint8Array((prefix + bytes.length + 3) & ~3);
  if (prefix === 1) out[0] = bytes.length;
  else out.set([0xfe, bytes.length & 0xff, bytes.length >> 8, 0], 0);
  out.set(bytes, prefix);
  return out;
}

/** Per character: code points into an array, one String.fromCharCode.apply. */
function intoArray(b: Uint8Array): string {
  const units: number[] = [];
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    if (c < 0x80) {
      units.push(c);
      i += 1;
    } else if (c < 0xe0) {
      units.push(((c & 0x1f) << 6) | (b[i + 1] & 0x3f));
      i += 2;
    } else if (c < 0xf0) {
      units.push(((c & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f));
      i += 3;
    } else {
      const p = (((c & 0x07) << 18) | ((b[i + 1] & 0x3f) << 12) | ((b[i + 2] & 0x3f) << 6) | (b[i + 3] & 0x3f)) - 0x10000;
      units.push(0xd800 | (p >> 10), 0xdc00 | (p & 0x3ff));
      i += 4;
    }
  }
  return fromCharCode.apply(null, units);
}

/** Per character: appended to a string one at a time. */
function concat(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    if (c < 0x80) {
      s += fromCharCode(c);
      i += 1;
    } else if (c < 0xe0) {
      s += fromCharCode(((c & 0x1f) << 6) | (b[i + 1] & 0x3f));
      i += 2;
    } else if (c < 0xf0) {
      s += fromCharCode(((c & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f));
      i += 3;
    } else {
      const p = (((c & 0x07) << 18) | ((b[i + 1] & 0x3f) << 12) | ((b[i + 2] & 0x3f) << 6) | (b[i + 3] & 0x3f)) - 0x10000;
      s += fromCharCode(0xd800 | (p >> 10), 0xdc00 | (p & 0x3ff));
      i += 4;
    }
  }
  return s;
}

/** Nanoseconds per string: the fastest round. */
function time(run: () => void, perRun: number): number {
  let best = Infinity;
  for (let round = 0; round < ROUNDS; round++) best = Math.min(best, (cpuMicrosPerCall(run, ROUND_MS) * 1000) / perRun);
  return best;
}

console.log('ns per string (fastest of 7 rounds); each way checked against TextDecoder first\n');
console.log(`${'text'.padEnd(8)}${'bytes'.padStart(6)}${'TextDecoder'.padStart(13)}${'tlwire'.padStart(9)}${'array+apply'.padStart(13)}${'concat'.padStart(9)}`);
for (const ascii of [false, true]) {
  for (const length of LENGTHS) {
    const samples = Array.from({ length: 16 }, (_, i) => sample(length, i, ascii));
    const wire = samples.map(tl);
    const stream = new Uint8Array(wire.reduce((n, w) => n + w.length, 0));
    wire.reduce((at, w) => (stream.set(w, at), at + w.length), 0);
    const want = samples.map((s) => decoder.decode(s));
    const ways: Record<string, () => void> = {
      TextDecoder: () => samples.forEach((s) => decoder.decode(s)),
      tlwire: () => {
        const r = new Reader(stream);
        while (r.pos < r.end) readString(r);
      },
      array: () => samples.forEach(intoArray),
      concat: () => samples.forEach(concat),
    };
    samples.forEach((s, i) => {
      const got = [readString(new Reader(wire[i])), intoArray(s), concat(s)];
      if (got.some((g) => g !== want[i])) throw new Error(`a decoder disagrees with TextDecoder on ${JSON.stringify(want[i])}`);
    });
    const ns = Object.values(ways).map((run) => time(run, samples.length));
    console.log(`${(ascii ? 'ASCII' : 'mixed').padEnd(8)}${String(length).padStart(6)}${ns.map((x, i) => x.toFixed(0).padStart(i === 0 ? 13 : i === 2 ? 13 : 9)).join('')}`);
  }
}
console.log('\ntlwire: readString over the same texts as TL strings (prefix, padding check included); the others decode bare bytes.');
