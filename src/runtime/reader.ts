import { TlDecodeError, type DecodeErrorCode } from './errors.js';

/** Decoding limits and leniency. Every limit has a safe default. */
export interface DecodeOptions {
  /**
   * Reject what the TL rules forbid but a sloppy peer may send (default true): non-zero
   * padding, a 0xfe length prefix for a length under 254, invalid UTF-8 in a `string`, flags
   * bits no field uses. With false they are accepted (invalid UTF-8 becomes U+FFFD).
   */
  strict?: boolean;
  /** Deepest nesting of objects (default 64; real API objects stay under 20). */
  maxDepth?: number;
}

export const DEFAULT_MAX_DEPTH = 64;

/** A bounds-checked cursor over an input. Nothing reads before `pos` or after `end`. */
export class Reader {
  readonly buf: Uint8Array;
  readonly view: DataView;
  pos: number;
  readonly end: number;
  depth = 0;
  readonly strict: boolean;
  readonly maxDepth: number;

  constructor(buf: Uint8Array, options: DecodeOptions = {}) {
    this.buf = buf;
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    this.pos = 0;
    this.end = buf.length;
    this.strict = options.strict ?? true;
    this.maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  }
}

export function fail(r: Reader, code: DecodeErrorCode, detail: string, at = r.pos): TlDecodeError {
  return new TlDecodeError(code, at, detail);
}

/** Throws unless `n` more bytes are there. */
export function need(r: Reader, n: number, what: string): void {
  if (r.end - r.pos < n) throw fail(r, 'TRUNCATED', `truncated ${what}: need ${n} bytes, ${r.end - r.pos} left`);
}

/** Enters one level of nesting; the generated readers call it for every boxed object. */
export function enter(r: Reader): void {
  if (++r.depth > r.maxDepth) throw fail(r, 'TOO_DEEP', `nesting deeper than ${r.maxDepth} objects`);
}

/** Reads a constructor id as an unsigned number, for `switch` dispatch. */
export function readId(r: Reader): number {
  need(r, 4, 'constructor id');
  const id = r.view.getUint32(r.pos, true);
  r.pos += 4;
  return id;
}

export function unknownId(r: Reader, id: number, type: string): TlDecodeError {
  // The layer's registry, where it is used, tells a known id of another type apart (WRONG_CONSTRUCTOR).
  return new TlDecodeError('UNKNOWN_CONSTRUCTOR', r.pos - 4, `constructor id 0x${id.toString(16).padStart(8, '0')} is not of type ${type}`, id);
}

/** A flags word with bits no field uses: an error in strict mode. */
export function unknownFlags(r: Reader, flags: number, known: number): void {
  if (r.strict) {
    throw fail(r, 'UNKNOWN_FLAGS', `flags word 0x${(flags >>> 0).toString(16)} has bits 0x${((flags & ~known) >>> 0).toString(16)} that no field uses`, r.pos - 4);
  }
}

/** Runs a generated reader over a whole buffer; bytes left over are an error. */
export function deserialize<T>(read: (r: Reader) => T, bytes: Uint8Array, options?: DecodeOptions): T {
  const r = new Reader(bytes, options);
  const value = read(r);
  if (r.pos !== r.end) throw fail(r, 'TRAILING_BYTES', `${r.end - r.pos} bytes left after the value`);
  return value;
}

/** Runs a generated reader over the front of a buffer: the value and how many bytes it took. */
export function deserializePrefix<T>(read: (r: Reader) => T, bytes: Uint8Array, options?: DecodeOptions): { value: T; consumed: number } {
  const r = new Reader(bytes, options);
  const value = read(r);
  return { value, consumed: r.pos };
}
