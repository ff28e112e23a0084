/**
 * AES-256-IGE encryption of one small message on Node: through a native CBC cipher object
 * (what the `node` path does for larger messages) against all in WebAssembly (key schedule
 * included), by size, in one process and in turns.
 *
 *   npx tsx bench/ige-sizes.ts
 *
 * Both ways must give the same bytes before they are timed. This is where the `node` path's
 * threshold for IGE encryption in WebAssembly comes from.
 */
import { createCipheriv } from 'node:crypto';
import { wasmIgeEncryptAroundCbc } from '../dist/mtproto/crypto/aes-wasm.js';
import { portableSuite } from '../dist/mtproto/crypto/portable.js';
import { cpuMicrosPerCall } from './lib/measure.js';

const SIZES = [64, 128, 256, 512, 768, 1024, 1536];
const ROUNDS = 11;
const ROUND_MS = 60;

const key = Uint8Array.from({ length: 32 }, (_, i) => i * 7 + 1);
const iv = Uint8Array.from({ length: 32 }, (_, i) => i * 13 + 5);
const cbc = (p: Uint8Array) => createCipheriv('aes-256-cbc', key, iv.subarray(0, 16)).setAutoPadding(false).update(p);

const ways = {
  'native CBC': (data: Uint8Array) => wasmIgeEncryptAroundCbc(data, iv, cbc)!,
  WebAssembly: (data: Uint8Array) => portableSuite.igeEncrypt(data, key, iv),
};

console.log('µs per message (fastest of 11 rounds, CPU time), the ways in turns\n');
console.log(`${'bytes'.padStart(6)}${Object.keys(ways).map((w) => w.padStart(13)).join('')}`);
for (const size of SIZES) {
  const data = Uint8Array.from({ length: size }, (_, i) => (i * 31) & 0xff);
  const [first, ...rest] = Object.values(ways).map((way) => way(data));
  if (rest.some((r) => r.length !== first.length || r.some((b, i) => b !== first[i]))) throw new Error(`the ways disagree at ${size} bytes`);
  const best = Object.values(ways).map(() => Infinity);
  for (let round = 0; round < ROUNDS; round++) {
    Object.values(ways).forEach((way, i) => {
      best[i] = Math.min(best[i], cpuMicrosPerCall(() => way(data), ROUND_MS));
    });
  }
  console.log(`${String(size).padStart(6)}${best.map((us) => us.toFixed(2).padStart(13)).join('')}`);
}
