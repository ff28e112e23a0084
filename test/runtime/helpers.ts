import { expect } from 'vitest';
import { fromHex, toHex } from '../../src/common/bytes.js';
import { TlDecodeError, TlEncodeError, type DecodeErrorCode, type EncodeErrorCode } from '../../src/runtime/errors.js';
import { Reader, type DecodeOptions } from '../../src/runtime/reader.js';
import { Writer } from '../../src/runtime/writer.js';

/** What a primitive writer writes for `value`, as hex. */
export function written<T>(write: (w: Writer, v: T) => void, value: T): string {
  // A tiny initial buffer, so that every writer has to grow it.
  const w = new Writer(1);
  write(w, value);
  return toHex(w.result());
}

/** A reader over hex input. */
export function over(hex: string, options?: DecodeOptions): Reader {
  return new Reader(fromHex(hex), options);
}

/** Reads one value and checks that the reader stopped exactly at the end of the input. */
export function readAll<T>(read: (r: Reader) => T, hex: string, options?: DecodeOptions): T {
  const r = over(hex, options);
  const v = read(r);
  expect(r.pos).toBe(r.end);
  return v;
}

export function decodeError(f: () => unknown): TlDecodeError {
  try {
    f();
  } catch (e) {
    if (e instanceof TlDecodeError) return e;
    throw new Error(`expected a TlDecodeError, got ${String(e)}`);
  }
  throw new Error('expected a TlDecodeError, nothing was thrown');
}

export function encodeError(f: () => unknown): TlEncodeError {
  try {
    f();
  } catch (e) {
    if (e instanceof TlEncodeError) return e;
    throw new Error(`expected a TlEncodeError, got ${String(e)}`);
  }
  throw new Error('expected a TlEncodeError, nothing was thrown');
}

/** The decode error of `read` over `hex`: its code and offset. */
export function expectDecodeError<T>(read: (r: Reader) => T, hex: string, code: DecodeErrorCode, offset: number, options?: DecodeOptions): TlDecodeError {
  const e = decodeError(() => read(over(hex, options)));
  expect({ code: e.code, offset: e.offset }).toEqual({ code, offset });
  return e;
}

export function expectEncodeError<T>(write: (w: Writer, v: T) => void, value: unknown, code: EncodeErrorCode): TlEncodeError {
  const e = encodeError(() => write(new Writer(1), value as T));
  expect(e.code).toBe(code);
  return e;
}
