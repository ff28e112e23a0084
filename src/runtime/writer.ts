import { inField, isStackOverflow, TlEncodeError } from './errors.js';

/**
 * A growable output buffer. Primitives write at `pos` after {@link reserve}; one writer is
 * reused across calls by {@link serialize}, so the steady state allocates only the result.
 */
export class Writer {
  declare buf: Uint8Array;
  declare view: DataView;
  declare pos: number;

  constructor(capacity = 1024) {
    this.buf = new Uint8Array(capacity);
    this.view = new DataView(this.buf.buffer);
    this.pos = 0;
  }

  /** The bytes written so far, as a copy. */
  result(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }
}

/** Makes room for `n` more bytes. */
export function reserve(w: Writer, n: number): void {
  if (w.pos + n > w.buf.length) grow(w, n);
}

/** Makes room for `n` more bytes and takes them: where they start. */
export function claim(w: Writer, n: number): number {
  reserve(w, n);
  const at = w.pos;
  w.pos = at + n;
  return at;
}

function grow(w: Writer, n: number): void {
  let size = w.buf.length * 2;
  while (size < w.pos + n) size *= 2;
  const buf = new Uint8Array(size);
  buf.set(w.buf.subarray(0, w.pos));
  w.buf = buf;
  w.view = new DataView(buf.buffer);
}

/** A value of the wrong JavaScript type or range (in field `k`, see {@link inField}); no value at all is a missing field. */
export function badValue(expected: string, value: unknown, k?: number): TlEncodeError {
  if (value === undefined) return inField(new TlEncodeError('MISSING_FIELD', `missing required value, expected ${expected}`), k);
  let shown: string;
  if (typeof value === 'bigint') shown = `${value}n`;
  else if (typeof value === 'string') shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  else if (value instanceof Uint8Array) shown = `Uint8Array(${value.length})`;
  else if (Array.isArray(value)) shown = `array(${value.length})`;
  else if (value === null || typeof value !== 'object') shown = String(value);
  else shown = '_' in value ? `object ${String((value as { _: unknown })._)}` : 'object';
  return inField(new TlEncodeError('BAD_VALUE', `expected ${expected}, got ${shown}`), k);
}

export function missingField(name: string, k?: number): TlEncodeError {
  return inField(new TlEncodeError('MISSING_FIELD', `missing required field ${name}`), k);
}

const SCRATCH_SIZE = 64 * 1024;
/** A scratch buffer grown past this by one large value is dropped, not kept for good. */
const SCRATCH_KEEP = 1024 * 1024;
let scratch = new Writer(SCRATCH_SIZE);
let scratchBusy = false;

/**
 * Runs a generated writer over a value and returns exactly its bytes. The scratch buffer is
 * reused between calls (a fresh ArrayBuffer costs more than a small encode). A value nested
 * deeper than the call stack holds (a cycle: `a.text = a`) is a TOO_DEEP TlEncodeError.
 */
export function serialize<T>(write: (w: Writer, value: T) => void, value: T): Uint8Array {
  // A writer that calls serialize again (a body measured inside a body) gets its own buffer.
  const w = scratchBusy ? new Writer() : scratch;
  scratchBusy = true;
  try {
    w.pos = 0;
    write(w, value);
    return w.result();
  } catch (e) {
    if (isStackOverflow(e)) throw new TlEncodeError('TOO_DEEP', 'value nests deeper than the call stack holds (does it contain itself?)');
    throw e;
  } finally {
    if (w === scratch) {
      scratchBusy = false;
      if (w.buf.length > SCRATCH_KEEP) scratch = new Writer(SCRATCH_SIZE);
    }
  }
}
