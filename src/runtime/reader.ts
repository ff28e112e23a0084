import { hexId } from '../common/bytes.js';
import { inField, isStackOverflow, TlDecodeError, type DecodeErrorCode } from './errors.js';

/**
 * Decoding limits and leniency. Every limit has a safe default (docs/reliability.md): with
 * none set, what a decode allocates is bounded by a small multiple of the input's size.
 */
export interface DecodeOptions {
  /**
   * Reject what the TL rules forbid but a sloppy peer may send (default true): non-zero
   * padding, a 0xfe length prefix for a length under 254, invalid UTF-8 in a `string`, flags
   * bits no field uses. With false they are accepted: invalid UTF-8 becomes U+FFFD and unknown
   * flags bits are dropped. A Bool or Vector id that is not the right one is an error either way.
   */
  strict?: boolean;
  /** Deepest nesting of boxed objects (default 64, at most 1000; real API objects stay under 20). */
  maxDepth?: number;
  /** Most elements in one vector (default 2^20). The bytes left always bound it as well. */
  maxVectorCount?: number;
  /** Longest `string`, in UTF-8 bytes (default and at most 2^24 - 1, the most TL can state). */
  maxStringLength?: number;
  /** Longest `bytes` (default and at most 2^24 - 1). */
  maxBytesLength?: number;
}

export const DEFAULT_MAX_DEPTH = 64;
/** The most `maxDepth` may be: deeper nesting could exhaust the call stack before the limit. */
export const MAX_DEPTH_CEILING = 1000;
export const DEFAULT_MAX_VECTOR_COUNT = 1 << 20;
/** Longest length a TL length prefix can state (3 bytes after 0xfe). */
export const MAX_TL_LENGTH = 0xffffff;

/** The limits a decode runs with when the options leave them out. */
export const DEFAULT_DECODE_OPTIONS: Readonly<Required<DecodeOptions>> = /* @__PURE__ */ Object.freeze({
  strict: true,
  maxDepth: DEFAULT_MAX_DEPTH,
  maxVectorCount: DEFAULT_MAX_VECTOR_COUNT,
  maxStringLength: MAX_TL_LENGTH,
  maxBytesLength: MAX_TL_LENGTH,
});

/** A limit from the options: its default when left out, a RangeError when not a whole number in range. */
function limit(value: number | undefined, fallback: number, max: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0 || value > max) throw new RangeError(`DecodeOptions.${name} must be a whole number from 0 to ${max}, got ${String(value)}`);
  return value;
}

/** A bounds-checked cursor over an input. Nothing reads before `pos` or after `end`. */
export class Reader {
  // Declared, not defined: the constructor sets each one (a class field would be set twice, and
  // written out again in every bundle).
  declare readonly buf: Uint8Array;
  declare readonly view: DataView;
  declare pos: number;
  declare readonly end: number;
  declare depth: number;
  declare readonly strict: boolean;
  declare readonly maxDepth: number;
  declare readonly maxVectorCount: number;
  declare readonly maxStringLength: number;
  declare readonly maxBytesLength: number;

  /** Throws RangeError if a limit in `options` is not a whole number in its range. */
  constructor(buf: Uint8Array, options: DecodeOptions = {}) {
    this.buf = buf;
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    this.pos = 0;
    this.end = buf.length;
    this.depth = 0;
    this.strict = options.strict ?? true;
    this.maxDepth = limit(options.maxDepth, DEFAULT_MAX_DEPTH, MAX_DEPTH_CEILING, 'maxDepth');
    this.maxVectorCount = limit(options.maxVectorCount, DEFAULT_MAX_VECTOR_COUNT, 0x7fffffff, 'maxVectorCount');
    this.maxStringLength = limit(options.maxStringLength, MAX_TL_LENGTH, MAX_TL_LENGTH, 'maxStringLength');
    this.maxBytesLength = limit(options.maxBytesLength, MAX_TL_LENGTH, MAX_TL_LENGTH, 'maxBytesLength');
  }
}

/** A decode error at offset `at`, in field `k` of the constructor being read (see {@link inField}). */
export function fail(r: Reader, code: DecodeErrorCode, detail: string, at = r.pos, k?: number): TlDecodeError {
  return inField(new TlDecodeError(code, at, detail), k);
}

/** Throws unless `n` more bytes are there (for field `k` of the constructor being read). */
export function need(r: Reader, n: number, what: string, k?: number): void {
  if (r.end - r.pos < n) throw truncated(r, n, what, k);
}

/** The TRUNCATED error, built out of line so that `need` inlines into every primitive reader. */
function truncated(r: Reader, n: number, what: string, k: number | undefined): TlDecodeError {
  return fail(r, 'TRUNCATED', `truncated ${what}: need ${n} bytes, ${r.end - r.pos} left`, r.pos, k);
}

/**
 * Enters one level of nesting; the generated readers call it for every boxed object, right
 * after its id (the offset of an error is that id's).
 */
export function enter(r: Reader, k?: number): void {
  if (++r.depth > r.maxDepth) throw tooDeep(r, k);
}

function tooDeep(r: Reader, k: number | undefined): TlDecodeError {
  return fail(r, 'TOO_DEEP', `nesting deeper than ${r.maxDepth} objects (maxDepth)`, Math.max(0, r.pos - 4), k);
}

/** Reads a constructor id as an unsigned number, for `switch` dispatch. */
export function readId(r: Reader, k?: number): number {
  need(r, 4, 'constructor id', k);
  const id = r.view.getUint32(r.pos, true);
  r.pos += 4;
  return id;
}

export function unknownId(r: Reader, id: number, type: string): TlDecodeError {
  const e = new TlDecodeError('UNKNOWN_CONSTRUCTOR', r.pos - 4, unknownIdDetail(id, type), id);
  e.expectedType = type;
  return e;
}

/**
 * What {@link unknownId} says. Any id of the layer is an Object; for another type the layer's
 * registry, where it is used, tells a known id of another type (WRONG_CONSTRUCTOR) from an unknown one.
 */
export function unknownIdDetail(id: number, type: string): string {
  return type === 'Object' ? `unknown constructor ${hexId(id)}` : `constructor id ${hexId(id)} is not of type ${type}`;
}

/**
 * A flags word with bits no field uses (in field `k`): an error in strict mode. Lenient mode
 * drops the bits (the value has nowhere to keep them), so re-encoding such a value is not
 * byte-identical.
 */
export function unknownFlags(r: Reader, flags: number, known: number, k?: number): void {
  if (r.strict) {
    throw fail(r, 'UNKNOWN_FLAGS', `flags word 0x${(flags >>> 0).toString(16)} has bits 0x${((flags & ~known) >>> 0).toString(16)} that no field uses`, r.pos - 4, k);
  }
}

/**
 * Runs a reader, turning a call-stack overflow into TOO_DEEP. The depth limit keeps the
 * shipped layers far from it; this covers readers that recurse without counting depth (a
 * schema whose bare types contain themselves) and a caller already deep in its own stack.
 */
function run<T>(read: (r: Reader) => T, r: Reader): T {
  try {
    return read(r);
  } catch (e) {
    if (isStackOverflow(e)) throw fail(r, 'TOO_DEEP', 'nesting exhausted the call stack', r.pos);
    throw e;
  }
}

/** Runs a generated reader over a whole buffer; bytes left over are an error. */
export function deserialize<T>(read: (r: Reader) => T, bytes: Uint8Array, options?: DecodeOptions): T {
  const r = new Reader(bytes, options);
  const value = run(read, r);
  if (r.pos !== r.end) throw fail(r, 'TRAILING_BYTES', `${r.end - r.pos} bytes left after the value`);
  return value;
}

/** Runs a generated reader over the front of a buffer: the value and how many bytes it took. */
export function deserializePrefix<T>(read: (r: Reader) => T, bytes: Uint8Array, options?: DecodeOptions): { value: T; consumed: number } {
  const r = new Reader(bytes, options);
  const value = run(read, r);
  return { value, consumed: r.pos };
}
