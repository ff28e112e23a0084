/**
 * What both peer adapters share: the conformance line protocol (docs/conformance.md), tlwire's
 * layer 228 model to translate canonical JSON into a library's objects and back, and a worker
 * that contains the library: a call that runs out of memory or does not return is answered
 * `{"crash":...}` and the next line gets a fresh worker.
 *
 * Only the model and the JSON mapping of tlwire are used here, never its codec: the bytes are
 * the library's own.
 */
import { createInterface } from 'node:readline';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { fromHex, JsonMapping, toHex } from '../../dist/index.js';
import { model } from '../../dist/generated/layer228/model.js';
import type { CombinatorModel, FieldModel, LayerModel, WireType } from '../../dist/tl/index.js';

/** The layer the adapters translate for: GramJS is loaded with tlwire's layer 228 text. */
export const LAYER = 228;
export const layerModel: LayerModel = model;
export const json = new JsonMapping(model);
const index = {
  /** Every constructor and function by name, the id-less MTProto envelope `message` left out (a `message` value is the API's). */
  byName: new Map(model.combinators.filter((c) => c.id !== undefined).map((c) => [c.name, c])),
  /** By identifier, as a bare field type names its constructor (`message` there is the envelope). */
  byIdent: new Map(model.combinators.map((c) => [c.ident, c])),
};

/** One library behind the protocol: throws on what it refuses. */
export interface PeerCodec {
  /** Canonical JSON -> the library's boxed serialization. */
  encode(value: unknown): Uint8Array;
  /** Bytes -> canonical JSON, decoded as `type` (a boxed type, a constructor or a function name). */
  decode(bytes: Uint8Array, type: string): unknown;
}

/** A call that did not return: answered as a crash, then the worker is replaced (a valid case takes well under a millisecond). */
const CALL_TIMEOUT_MS = 1000;
/** Heap of the worker that runs the library: a runaway allocation ends there, not in the adapter. */
const WORKER_HEAP_MB = 128;

/** The worker's first message: the library is loaded. */
const READY = 'ready';

interface Request {
  mode: string;
  line: string;
}

/** The protocol answer to one request line, as its JSON text. */
function answer(codec: PeerCodec, mode: string, line: string): string {
  try {
    if (mode === 'encode') return JSON.stringify({ hex: toHex(codec.encode(JSON.parse(line))) });
    const request = (line.startsWith('{') ? JSON.parse(line) : { hex: line }) as { hex: string; type?: string };
    // A bigint the library left where no field of the model put it is shown, not a reason to fail.
    return JSON.stringify({ value: codec.decode(fromHex(request.hex), request.type ?? 'Object') }, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
  } catch (e) {
    return JSON.stringify({ error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
}

/**
 * Runs the adapter: in the main thread, reads request lines and hands each to a worker that
 * loads `moduleUrl` (the adapter itself) and calls `make()` once.
 */
export async function serve(moduleUrl: string, make: () => PeerCodec): Promise<void> {
  if (!isMainThread) {
    const codec = make();
    parentPort!.postMessage(READY);
    parentPort!.on('message', ({ mode, line }: Request) => {
      const reply = answer(codec, mode, line);
      // A promise the library rejected without a handler ends the worker before this: the crash is this line's.
      setImmediate(() => parentPort!.postMessage(reply));
    });
    return;
  }
  const args = process.argv.slice(2);
  const mode = args[0];
  const layer = Number(args[args.indexOf('--layer') + 1]);
  interface Loaded {
    w: Worker;
    /** Settles once the library is loaded (or failed to load): the time limit of a call starts there. */
    ready: Promise<unknown>;
  }
  const start = (): Loaded => {
    const w = new Worker(new URL('./worker.mjs', import.meta.url), { workerData: { module: moduleUrl }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB }, stderr: false });
    // A worker's end after it was given up (out of memory while terminating) is no one's answer.
    w.on('error', () => undefined);
    const ready = new Promise((resolve) => {
      const settle = (message?: unknown): void => {
        if (message !== undefined && message !== READY) return;
        w.off('message', settle);
        w.off('exit', settle);
        resolve(undefined);
      };
      w.on('message', settle);
      w.on('exit', settle);
    });
    return { w, ready };
  };
  // A spare worker loads the library while the current one works, so a crash costs no reload.
  let worker = start();
  let spare = start();
  const call = async (line: string): Promise<string> => {
    await worker.ready;
    return new Promise((resolve) => {
      const { w } = worker;
      const done = (reply: string, replace: boolean): void => {
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        if (replace) {
          void w.terminate();
          worker = spare;
          spare = start();
        }
        resolve(reply);
      };
      const onMessage = (reply: string): void => done(reply, false);
      const onError = (e: Error): void => done(JSON.stringify({ crash: `${e.name}: ${e.message}` }), true);
      const onExit = (code: number): void => done(JSON.stringify({ crash: `the library's worker exited with code ${code}` }), true);
      const timer = setTimeout(() => done(JSON.stringify({ crash: `no answer within ${CALL_TIMEOUT_MS / 1000} s (the call was stopped)` }), true), CALL_TIMEOUT_MS);
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      w.postMessage({ mode, line } satisfies Request);
    });
  };
  for await (const raw of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    const line = raw.trim();
    if (line === '') continue;
    const reply = layer === LAYER ? await call(line) : JSON.stringify({ error: `this adapter speaks layer ${LAYER} only` });
    process.stdout.write(`${reply}\n`);
  }
  await Promise.all([worker.w.terminate(), spare.w.terminate()]);
}

/** The constructor or function named `name` (the boxed one, never the bare MTProto envelope). */
export function combinatorNamed(name: string): CombinatorModel | undefined {
  return index.byName.get(name);
}

export function combinatorWithId(id: number): CombinatorModel | undefined {
  return model.combinators.find((c) => c.id === id >>> 0);
}

/** Whether a decoded combinator is what the request asked for: that name, or a constructor of that boxed type. */
export function checkDecodedType(c: CombinatorModel, type: string): void {
  if (type === 'Object' || c.name === type || (c.kind === 'constructor' && c.type === type)) return;
  throw new Error(`decoded ${c.name}, which is not a ${type}`);
}

/** How a library holds values: its objects, and its form of each primitive. */
export interface PeerShape {
  /** A primitive of tlwire's value (bigint, Uint8Array, number...) in the library's form. */
  toLeaf(value: unknown, type: WireType, owner: CombinatorModel, field: FieldModel): unknown;
  /** The library's object for `c` from its converted fields, keyed by tlwire's keys. */
  toObject(c: CombinatorModel, fields: Map<FieldModel, unknown>): unknown;
  /** Which constructor or function a library object is, or undefined if it is none. */
  combinatorOf(value: unknown): CombinatorModel | undefined;
  /** A field of a library object. */
  fieldOf(value: unknown, c: CombinatorModel, field: FieldModel): unknown;
  /** A primitive as the library decoded it, in canonical JSON (whatever it holds, never corrected). */
  leafToJson(value: unknown, type: WireType): unknown;
}

/** tlwire's value (from canonical JSON) rebuilt in the library's shape, field by field from the layer model. */
export function toPeer(shape: PeerShape, value: unknown, type: WireType = { k: 'object' }): unknown {
  const object = (v: Record<string, unknown>, c: CombinatorModel): unknown => {
    const fields = new Map<FieldModel, unknown>();
    for (const f of c.fields) {
      if (f.type.k !== 'flags' && v[f.key] !== undefined) fields.set(f, field(v[f.key], f.type, c, f));
    }
    return shape.toObject(c, fields);
  };
  const field = (v: unknown, t: WireType, owner: CombinatorModel, f: FieldModel): unknown => {
    switch (t.k) {
      case 'vector':
        return (v as unknown[]).map((x) => field(x, t.of, owner, f));
      case 'bare':
        return object(v as Record<string, unknown>, index.byIdent.get(t.ctor)!);
      case 'boxed':
      case 'object':
      case 'query':
        return object(v as Record<string, unknown>, index.byName.get((v as { _: string })._)!);
      default:
        return shape.toLeaf(v, t, owner, f);
    }
  };
  const top = json.fromJson(value, type) as { _: string };
  return object(top, index.byName.get(top._)!);
}

/**
 * A library's decoded value as canonical JSON, read by tlwire's model: what the library holds
 * is written as it is (a string where bytes belong stays a string), so that a difference shows.
 */
export function fromPeer(shape: PeerShape, value: unknown, type: WireType = { k: 'object' }): unknown {
  const object = (v: unknown, c: CombinatorModel | undefined): unknown => {
    if (!c) return v === undefined ? null : (v as object);
    const out: Record<string, unknown> = { _: c.name };
    for (const f of c.fields) {
      if (f.type.k === 'flags') continue;
      const x = shape.fieldOf(v, c, f);
      if (x === undefined || x === null || (f.type.k === 'true' && x === false)) continue;
      out[f.key] = field(x, f.type);
    }
    return out;
  };
  const field = (v: unknown, t: WireType): unknown => {
    switch (t.k) {
      case 'vector':
        return Array.isArray(v) ? v.map((x) => field(x, t.of)) : shape.leafToJson(v, t);
      case 'bare':
        return object(v, index.byIdent.get(t.ctor));
      case 'boxed':
      case 'object':
      case 'query':
        return object(v, shape.combinatorOf(v));
      default:
        return v === undefined || v === null ? null : shape.leafToJson(v, t);
    }
  };
  return field(value, type);
}

/** The little-endian two's complement bytes of a signed integer, as TL writes long, int128 and int256. */
export function signedToBytes(n: bigint, size: number): Uint8Array {
  const out = new Uint8Array(size);
  let u = BigInt.asUintN(size * 8, n);
  for (let i = 0; i < size; i++, u >>= 8n) out[i] = Number(u & 0xffn);
  return out;
}

/** The signed integer of little-endian two's complement bytes. */
export function bytesToSigned(bytes: Uint8Array): bigint {
  let u = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) u = (u << 8n) | BigInt(bytes[i]);
  return BigInt.asIntN(bytes.length * 8, u);
}

/** Canonical JSON of a double: a number, or "NaN" / "Infinity" / "-Infinity". */
export function doubleToJson(n: unknown): unknown {
  return typeof n === 'number' && !Number.isFinite(n) ? String(n) : n;
}

export { fromHex, toHex };
