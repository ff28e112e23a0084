/**
 * What the decode targets ask for, against what the strings alone cost.
 *
 *   npx tsx bench/floor.ts
 *
 * For each decode case, in one process and in turns: mtcute's whole decode, the same case's
 * strings alone (every `string` of the value, written back to back and read with tlwire's
 * `readString`, the fastest path it has), the strings of more than 32 bytes alone through a
 * bare `TextDecoder.decode` (faster than hand-written UTF-8 decoders at these lengths:
 * bench/strings.ts), and every string through TextDecoder as mtcute reads them. A decoder at
 * 1.5x mtcute has mtcute's time / 1.5 for everything; the rest of this table is how much of that
 * the strings leave.
 */
import { Reader, Writer, readString, writeString } from '../dist/index.js';
import { CASES, type CaseId } from './cases.js';
import { historyPage, updateStream } from './fixtures/data.js';
import { cpuMicrosPerCall } from './lib/measure.js';

const ROUNDS = 9;
const ROUND_MS = 150;

function stringsOf(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const x of value) stringsOf(x, into);
  else if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array)) {
    for (const [key, x] of Object.entries(value)) if (key !== '_') stringsOf(x, into);
  }
  return into;
}

async function floor(caseId: CaseId, value: unknown): Promise<void> {
  const strings = stringsOf(value);
  const w = new Writer();
  for (const s of strings) writeString(w, s);
  const bytes = w.result();
  const readAll = (): void => {
    const r = new Reader(bytes);
    while (r.pos < r.end) readString(r);
  };
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const encoded = strings.map((s) => encoder.encode(s));
  const long = encoded.filter((b) => b.length > 32);
  const decodeLong = (): void => {
    for (const b of long) decoder.decode(b);
  };
  // mtcute's way: every string through TextDecoder, each a subarray of the input.
  const ranges: number[] = [];
  for (let r = new Reader(bytes), i = 0; r.pos < r.end; i++) {
    const at = r.pos + (encoded[i].length <= 253 ? 1 : 4);
    readString(r);
    ranges.push(at, at + encoded[i].length);
  }
  const decodeAll = (): void => {
    for (let i = 0; i < ranges.length; i += 2) decoder.decode(bytes.subarray(ranges[i], ranges[i + 1]));
  };
  const mtcute = await CASES.find((c) => c.id === caseId)!.prepare('mtcute');

  // The fastest of the rounds: noise on this machine only slows.
  const time = (op: () => unknown) => () => cpuMicrosPerCall(op, ROUND_MS);
  const timers = { mtcute: time(mtcute.op), strings: time(readAll), long: time(decodeLong), all: time(decodeAll) };
  const best: Record<keyof typeof timers, number> = { mtcute: Infinity, strings: Infinity, long: Infinity, all: Infinity };
  for (const t of Object.values(timers)) t(); // warm-up
  for (let i = 0; i < ROUNDS; i++) {
    for (const key of Object.keys(timers) as (keyof typeof timers)[]) best[key] = Math.min(best[key], timers[key]());
  }
  const budget = best.mtcute / 1.5;
  const us = (x: number): string => `${x.toFixed(1)} µs`;
  console.log(`\n${caseId}: ${strings.length} strings, ${long.length} of them over 32 bytes`);
  console.log(`  mtcute, the whole decode            ${us(best.mtcute)}`);
  console.log(`  1.5x mtcute leaves, for everything  ${us(budget)}`);
  console.log(`  tlwire readString, the strings only ${us(best.strings)}  (${((best.strings / budget) * 100).toFixed(0)}% of that)`);
  console.log(`  TextDecoder, strings over 32 bytes  ${us(best.long)}  (${((best.long / budget) * 100).toFixed(0)}%)`);
  console.log(`  left for ids, ints, longs, objects  ${us(budget - best.strings)}`);
  console.log(`  mtcute's strings (TextDecoder each)  ${us(best.all)}, so the rest of its decode takes about ${us(best.mtcute - best.all)}`);
}

await floor('messages.decode', historyPage());
await floor('updates.decode', updateStream());
