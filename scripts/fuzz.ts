/**
 * Mutation fuzzer for the decoder, seeded from the golden vectors.
 *
 *   npm run fuzz -- --count 1000000 [--seed 1] [--json]
 *
 * Every input is a golden or negative vector with one to four mutations stacked on it (bit
 * flips, truncations, splices, huge lengths and counts, random ids, deep nesting...). Each is
 * decoded strict and lenient; what decodes is encoded again and checked: a strict decode must
 * give back the input byte for byte, a lenient one must give bytes that decode strictly (leniently
 * where it kept an unknown object whole) to the same encoding. A decode may only ever fail with TlDecodeError; anything else is a bug.
 * Exit status 1 if any check fails or an input takes 10 ms or more.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { wireKey } from '../src/codegen/wire.js';
import { mulberry32 } from '../src/conformance/random-value.js';
import * as layer133 from '../src/generated/layer133/index.js';
import * as layer228 from '../src/generated/layer228/index.js';
import { concatBytes, fromHex, toHex } from '../src/common/bytes.js';
import { TlLayer, type LayerRegistry } from '../src/layer.js';
import { holdsUnknown } from '../src/known-length.js';
import { BOOL_FALSE, BOOL_TRUE } from '../src/runtime/primitives/bool.js';
import { VECTOR_ID } from '../src/runtime/primitives/vector.js';
import { TlDecodeError, TlEncodeError, type DecodeErrorCode } from '../src/runtime/errors.js';
import type { DecodeOptions } from '../src/runtime/reader.js';
import { serialize, type Writer } from '../src/runtime/writer.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** An input that takes this long (re-timed, so not a GC pause) fails the run. */
export const SLOW_INPUT_MS = 10;

interface FuzzLayer {
  layer: TlLayer;
  /** Every constructor and function id of the layer, for the random-id mutation. */
  ids: number[];
  /** Generated vector writers (`write_vec_long`), for round-tripping a `Vector<T>` target. */
  codec: Record<string, unknown>;
}

function fuzzLayer(module: typeof layer133 | typeof layer228): FuzzLayer {
  const layer = new TlLayer(module.registry as LayerRegistry, module.model);
  return { layer, ids: Object.values(module.registry.ids), codec: module as unknown as Record<string, unknown> };
}

/** One seed input: bytes and what to decode them as. */
export interface Seed {
  layer: 133 | 228;
  as: string;
  bytes: Uint8Array;
}

/** The golden and negative vectors of test/vectors. */
export function loadSeeds(): Seed[] {
  const seeds: Seed[] = [];
  for (const file of ['seed.jsonl', 'layer-133.jsonl', 'layer-228.jsonl', 'negative.jsonl']) {
    for (const line of readFileSync(join(ROOT, 'test', 'vectors', file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const c = JSON.parse(line) as { schema: string; name?: string; type?: string; hex: string };
      seeds.push({ layer: c.schema === 'layer-133' ? 133 : 228, as: (c.name ?? c.type)!, bytes: fromHex(c.hex) });
    }
  }
  return seeds;
}

export interface Failure {
  what: string;
  layer: number;
  as: string;
  strict: boolean;
  hex: string;
  error: string;
}

export interface FuzzReport {
  seed: number;
  inputs: number;
  /** Decode calls: every input strict and lenient, and a stream decode of every fourth. */
  decodes: number;
  decodedOk: number;
  typedErrors: number;
  typedErrorsByCode: Partial<Record<DecodeErrorCode, number>>;
  /** Throws other than TlDecodeError (must be 0). */
  otherThrows: number;
  /** Decoded values whose re-encoding broke a round-trip rule, or errors with impossible fields (must be 0). */
  checkFailures: number;
  /**
   * Lenient values holding an MTProto envelope whose body lenient decoding repaired (U+FFFD for
   * bad UTF-8, a shorter length prefix): the body's length changed, so the envelope's `bytes`
   * from the wire is refused (LENGTH_MISMATCH) until it is dropped and derived again.
   */
  envelopeLengthsRederived: number;
  failures: Failure[];
  mutations: Record<string, number>;
  /**
   * The slowest input: as first measured (which may include a GC pause or the JIT compiling a
   * function), and re-timed alone 21 times: the fastest of those is its own cost, the median
   * shows the noise of the machine.
   */
  slowest: { observedMs: number; retimedMs: number; medianMs: number; layer: number; as: string; bytes: number; hex: string };
  peakRssMiB: number;
  peakHeapMiB: number;
  seconds: number;
}

type Rand = () => number;

const INTERESTING_BYTES = [0x00, 0x01, 0x03, 0x04, 0x7f, 0x80, 0xfc, 0xfd, 0xfe, 0xff];
const HUGE_COUNTS = [0x7fffffff, -1, -0x80000000, 5_000_000, 0x01000000, 0x10000, 1 << 20, 253, 254, 1000];
const HUGE_LENGTHS = [0xffffff, 0x7fffff, 0x10000, 0x00fe00, 254, 255, 1000];
const MAX_INPUT = 1 << 16;

function int(rand: Rand, n: number): number {
  return Math.floor(rand() * n);
}

function pick<T>(rand: Rand, items: readonly T[]): T {
  return items[int(rand, items.length)];
}

/** A position to mutate: word-aligned half of the time, since TL fields are. */
function position(rand: Rand, length: number): number {
  if (length === 0) return 0;
  const p = int(rand, length);
  return rand() < 0.5 ? p & ~3 : p;
}

function putInt32(b: Uint8Array, at: number, v: number): Uint8Array {
  const out = b.length >= at + 4 ? b.slice() : concatBytes(b.subarray(0, at), new Uint8Array(4));
  new DataView(out.buffer).setInt32(at, v, true);
  return out;
}


type Mutation = (b: Uint8Array, rand: Rand, other: () => Uint8Array, ids: number[]) => Uint8Array;

/** The mutation operators, by name (the name is counted in the report). */
const MUTATIONS: Record<string, Mutation> = {
  bitFlip(b, rand) {
    if (!b.length) return b;
    const out = b.slice();
    out[int(rand, b.length)] ^= 1 << int(rand, 8);
    return out;
  },
  interestingByte(b, rand) {
    if (!b.length) return b;
    const out = b.slice();
    out[position(rand, b.length)] = rand() < 0.8 ? pick(rand, INTERESTING_BYTES) : int(rand, 256);
    return out;
  },
  truncate(b, rand) {
    return b.subarray(0, int(rand, b.length));
  },
  extend(b, rand) {
    const tail = new Uint8Array(1 + int(rand, 8));
    if (rand() < 0.5) for (let i = 0; i < tail.length; i++) tail[i] = int(rand, 256);
    return concatBytes(b, tail);
  },
  splice(b, rand, other) {
    const o = other();
    return concatBytes(b.subarray(0, position(rand, b.length)), o.subarray(position(rand, o.length)));
  },
  insertChunk(b, rand, other) {
    const o = other();
    const from = position(rand, o.length);
    const at = position(rand, b.length);
    return concatBytes(b.subarray(0, at), o.subarray(from, from + 4 * (1 + int(rand, 16))), b.subarray(at));
  },
  deleteChunk(b, rand) {
    const at = position(rand, b.length);
    return concatBytes(b.subarray(0, at), b.subarray(at + 4 * (1 + int(rand, 4))));
  },
  hugeLength(b, rand) {
    const at = position(rand, b.length);
    if (rand() < 0.3) return concatBytes(b.subarray(0, at), Uint8Array.of(rand() < 0.5 ? 0xff : 0xfd), b.subarray(at + 1));
    const n = pick(rand, HUGE_LENGTHS);
    return concatBytes(b.subarray(0, at), Uint8Array.of(0xfe, n & 0xff, (n >> 8) & 0xff, n >> 16), b.subarray(at + 4));
  },
  hugeCount(b, rand) {
    return putInt32(b, position(rand, b.length) & ~3, pick(rand, HUGE_COUNTS));
  },
  randomId(b, rand, _other, ids) {
    const r = rand();
    const id = r < 0.6 ? pick(rand, ids) : r < 0.75 ? VECTOR_ID : r < 0.85 ? pick(rand, [BOOL_TRUE, BOOL_FALSE]) : int(rand, 2 ** 32);
    return putInt32(b, position(rand, b.length) & ~3, id | 0);
  },
  /** Repeats a word-aligned head many times: deep nesting of a self-containing constructor. */
  nest(b, rand) {
    const unit = b.subarray(0, 4 * (1 + int(rand, 3)));
    const times = pick(rand, [10, 63, 64, 65, 200, 1000]);
    const parts: Uint8Array[] = Array.from({ length: times }, () => unit);
    return concatBytes(...parts, b);
  },
  duplicateChunk(b, rand) {
    const at = position(rand, b.length) & ~3;
    const chunk = b.subarray(at, at + 4 * (1 + int(rand, 8)));
    return concatBytes(b.subarray(0, at), chunk, chunk, b.subarray(at));
  },
};
const MUTATION_NAMES = Object.keys(MUTATIONS);

interface Target {
  fl: FuzzLayer;
  as: string;
  /** Every eighth input is decoded with tight limits, so that hitting them is fuzzed too. */
  limits: DecodeOptions;
}

const TIGHT_LIMITS: DecodeOptions = { maxDepth: 6, maxVectorCount: 2, maxStringLength: 40, maxBytesLength: 40 };

/** Encodes a decoded value the way it was decoded: an object, or a vector through its generated writer. */
function encodeAs(t: Target, value: unknown): Uint8Array {
  if (!/^Vector</.test(t.as)) return t.fl.layer.encode(value);
  const write = t.fl.codec[`write_${wireKey(t.fl.layer.json.vectorType(t.as)!)}`] as (w: Writer, v: unknown) => void;
  return serialize(write, value);
}

/** Drops `bytes` from every MTProto envelope in a value, so that the encoder derives it. */
function withoutEnvelopeLengths(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEnvelopeLengths);
  if (typeof value !== 'object' || value === null || value instanceof Uint8Array) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = withoutEnvelopeLengths(v);
  const o = value as Record<string, unknown>;
  if (o._ === 'message' && 'msgId' in o && 'body' in o) out.bytes = undefined;
  return out;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function describeError(e: unknown): string {
  if (e instanceof Error) return `${e.constructor.name}: ${e.message}`.slice(0, 300);
  return String(e);
}

/** Runs `count` mutated inputs through the decoders; pure apart from timing and memory figures. */
export function runFuzz(options: { count: number; seed: number; seeds?: Seed[]; onProgress?: (done: number) => void }): FuzzReport {
  const started = performance.now();
  const rand = mulberry32(options.seed);
  const seeds = options.seeds ?? loadSeeds();
  const layers = { 133: fuzzLayer(layer133), 228: fuzzLayer(layer228) };
  const report: FuzzReport = {
    seed: options.seed,
    inputs: 0,
    decodes: 0,
    decodedOk: 0,
    typedErrors: 0,
    typedErrorsByCode: {},
    otherThrows: 0,
    checkFailures: 0,
    envelopeLengthsRederived: 0,
    failures: [],
    mutations: Object.fromEntries(MUTATION_NAMES.map((m) => [m, 0])),
    slowest: { observedMs: 0, retimedMs: 0, medianMs: 0, layer: 0, as: '', bytes: 0, hex: '' },
    peakRssMiB: 0,
    peakHeapMiB: 0,
    seconds: 0,
  };
  /** The slowest inputs as measured, re-timed at the end to tell real cost from GC pauses. */
  const slow: { ms: number; bytes: Uint8Array; target: Target }[] = [];
  let peakHeap = 0;

  /** Where a check counts what it saw: the report, or a scratch one while re-timing. */
  type Tally = Pick<FuzzReport, 'decodes' | 'decodedOk' | 'typedErrors' | 'typedErrorsByCode' | 'otherThrows' | 'checkFailures' | 'envelopeLengthsRederived' | 'failures'>;

  const fail = (tally: Tally, what: string, t: Target, strict: boolean, bytes: Uint8Array, error: unknown): void => {
    if (tally.failures.length < 20) tally.failures.push({ what, layer: t.fl.layer.layer, as: t.as, strict, hex: toHex(bytes), error: describeError(error) });
  };

  /** Encodes a leniently decoded value, deriving envelope lengths again where a repair changed them. */
  const lenientAgain = (tally: Tally, t: Target, value: unknown): Uint8Array => {
    try {
      return encodeAs(t, value);
    } catch (e) {
      if (!(e instanceof TlEncodeError && e.code === 'LENGTH_MISMATCH')) throw e;
      tally.envelopeLengthsRederived++;
      return encodeAs(t, withoutEnvelopeLengths(value));
    }
  };

  /** One decode and its checks; returns normally whatever the input. */
  const check = (tally: Tally, t: Target, bytes: Uint8Array, strict: boolean): void => {
    tally.decodes++;
    let value: unknown;
    try {
      value = t.fl.layer.decode(bytes, { ...t.limits, as: t.as, strict });
    } catch (e) {
      if (!(e instanceof TlDecodeError)) {
        tally.otherThrows++;
        fail(tally, 'other throw', t, strict, bytes, e);
        return;
      }
      tally.typedErrors++;
      tally.typedErrorsByCode[e.code] = (tally.typedErrorsByCode[e.code] ?? 0) + 1;
      if (!(e.offset >= 0 && e.offset <= bytes.length)) {
        tally.checkFailures++;
        fail(tally, `error offset ${e.offset} outside the input`, t, strict, bytes, e);
      }
      return;
    }
    tally.decodedOk++;
    try {
      if (strict) {
        // Strict decoding accepts only the canonical encoding, so it must come back unchanged.
        const again = encodeAs(t, value);
        if (!sameBytes(again, bytes)) throw new Error(`re-encoded to ${toHex(again)}`);
      } else {
        // Lenient decoding repairs: the repaired value encodes canonically, and stays so. (With
        // the default limits: a repair can make a string longer, U+FFFD for one bad byte.) An
        // unknown object it kept whole stays unknown, so those bytes only decode leniently again.
        const again = lenientAgain(tally, t, value);
        const strictValue = t.fl.layer.decode(again, { as: t.as, strict: !holdsUnknown(value) });
        const third = encodeAs(t, strictValue);
        if (!sameBytes(third, again)) throw new Error(`second re-encoding differs: ${toHex(third)} vs ${toHex(again)}`);
      }
    } catch (e) {
      tally.checkFailures++;
      fail(tally, 'round trip', t, strict, bytes, e);
    }
  };

  /** A stream decode agrees with the whole-buffer one about where the value ends. */
  const checkPrefix = (tally: Tally, t: Target, bytes: Uint8Array): void => {
    tally.decodes++;
    let consumed: number;
    try {
      consumed = t.fl.layer.decodePrefix(bytes, { ...t.limits, as: t.as }).consumed;
    } catch (e) {
      if (e instanceof TlDecodeError) return;
      tally.otherThrows++;
      fail(tally, 'other throw (prefix)', t, true, bytes, e);
      return;
    }
    if (consumed > bytes.length) {
      tally.checkFailures++;
      fail(tally, `prefix consumed ${consumed} of ${bytes.length} bytes`, t, true, bytes, undefined);
    }
  };

  const process1 = (tally: Tally, t: Target, bytes: Uint8Array, withPrefix: boolean): void => {
    check(tally, t, bytes, true);
    check(tally, t, bytes, false);
    if (withPrefix) checkPrefix(tally, t, bytes);
  };

  for (let i = 0; i < options.count; i++) {
    const base = seeds[int(rand, seeds.length)];
    const other = (): Uint8Array => seeds[int(rand, seeds.length)].bytes;
    const fl = rand() < 0.85 ? layers[base.layer] : layers[base.layer === 133 ? 228 : 133];
    // Keep the seed's target where the layer has it; now and then decode as any Object.
    let as = base.as;
    if (rand() < 0.1) as = 'Object';
    else {
      try {
        fl.layer.reader(as);
      } catch {
        as = 'Object';
      }
    }
    let bytes = base.bytes;
    const rounds = 1 + int(rand, 4);
    for (let k = 0; k < rounds; k++) {
      const name = pick(rand, MUTATION_NAMES);
      report.mutations[name]++;
      bytes = MUTATIONS[name](bytes, rand, other, fl.ids);
      if (bytes.length > MAX_INPUT) bytes = bytes.subarray(0, MAX_INPUT);
    }
    const target = { fl, as, limits: (i & 7) === 7 ? TIGHT_LIMITS : {} };
    const withPrefix = (i & 3) === 0;
    const t0 = performance.now();
    process1(report, target, bytes, withPrefix);
    const ms = performance.now() - t0;
    report.inputs++;
    if (slow.length < 20 || ms > slow[slow.length - 1].ms) {
      slow.push({ ms, bytes, target });
      slow.sort((a, b) => b.ms - a.ms);
      if (slow.length > 20) slow.pop();
    }
    if ((i & 1023) === 0) {
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      options.onProgress?.(i);
    }
  }

  // Re-time the slowest inputs alone. What the checks find here is left out of the figures
  // (it was counted the first time).
  const scratch: Tally = { decodes: 0, decodedOk: 0, typedErrors: 0, typedErrorsByCode: {}, otherThrows: 0, checkFailures: 0, envelopeLengthsRederived: 0, failures: [] };
  for (const s of slow) {
    const times: number[] = [];
    for (let k = 0; k < 21; k++) {
      const t0 = performance.now();
      process1(scratch, s.target, s.bytes, true);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    if (times[0] >= report.slowest.retimedMs) {
      report.slowest = { observedMs: round(s.ms), retimedMs: round(times[0]), medianMs: round(times[10]), layer: s.target.fl.layer.layer, as: s.target.as, bytes: s.bytes.length, hex: toHex(s.bytes) };
    }
  }
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  report.peakHeapMiB = round(peakHeap / 2 ** 20);
  // maxRSS is the high-water mark in KiB: it would show a large allocation however short.
  report.peakRssMiB = round(process.resourceUsage().maxRSS / 1024);
  report.seconds = round((performance.now() - started) / 1000);
  return report;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** True when the run found nothing wrong. */
export function passed(r: FuzzReport): boolean {
  return r.otherThrows === 0 && r.checkFailures === 0 && r.slowest.retimedMs < SLOW_INPUT_MS;
}

function printReport(r: FuzzReport): void {
  const n = (x: number): string => x.toLocaleString('en-US');
  const lines = [
    `seed ${r.seed}: ${n(r.inputs)} inputs, ${n(r.decodes)} decodes in ${r.seconds} s`,
    `decoded ok:        ${n(r.decodedOk)}`,
    `typed errors:      ${n(r.typedErrors)}`,
    ...Object.entries(r.typedErrorsByCode)
      .sort(([, a], [, b]) => b - a)
      .map(([code, count]) => `  ${code.padEnd(20)} ${n(count)}`),
    `other throws:      ${n(r.otherThrows)}`,
    `check failures:    ${n(r.checkFailures)}`,
    `envelope lengths derived again after a lenient repair: ${n(r.envelopeLengthsRederived)}`,
    `slowest input:     ${r.slowest.retimedMs} ms re-timed (median ${r.slowest.medianMs} ms; ${r.slowest.observedMs} ms when first seen), ${r.slowest.bytes} bytes as ${r.slowest.as} (layer ${r.slowest.layer})`,
    `  hex ${r.slowest.hex.length > 160 ? `${r.slowest.hex.slice(0, 160)}...` : r.slowest.hex}`,
    `peak RSS:          ${r.peakRssMiB} MiB`,
    `peak heap used:    ${r.peakHeapMiB} MiB`,
    `mutations:         ${Object.entries(r.mutations)
      .map(([m, c]) => `${m} ${n(c)}`)
      .join(', ')}`,
  ];
  for (const f of r.failures.slice(0, 5)) lines.push(`FAIL ${f.what} (layer ${f.layer}, as ${f.as}, ${f.strict ? 'strict' : 'lenient'}): ${f.error}`, `  hex ${f.hex}`);
  lines.push(passed(r) ? 'PASS' : 'FAIL');
  console.log(lines.join('\n'));
}

function main(): void {
  const { values } = parseArgs({
    options: { count: { type: 'string', default: '1000000' }, seed: { type: 'string', default: '1' }, json: { type: 'boolean', default: false } },
  });
  const count = Number(values.count);
  const seed = Number(values.seed);
  if (!Number.isSafeInteger(count) || count < 1) throw new Error(`--count must be a positive whole number, got ${values.count}`);
  if (!Number.isSafeInteger(seed)) throw new Error(`--seed must be a whole number, got ${values.seed}`);
  // Progress on stderr for long runs, about every 5%.
  const step = Math.floor(count / 20 / 1024) * 1024;
  const report = runFuzz({
    count,
    seed,
    onProgress: values.json || step === 0 ? undefined : (done) => done > 0 && done % step === 0 && process.stderr.write(`${done.toLocaleString('en-US')} inputs...\n`),
  });
  if (values.json) console.log(JSON.stringify(report, null, 2));
  else printReport(report);
  process.exitCode = passed(report) ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
