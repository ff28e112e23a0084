import { hexId } from '../common/bytes.js';

/** Why decoding stopped. */
export type DecodeErrorCode =
  | 'TRUNCATED' // the input ends before the value does
  | 'UNKNOWN_CONSTRUCTOR' // an id the layer does not define
  | 'WRONG_CONSTRUCTOR' // a known id of another type than the field's
  | 'VECTOR_ID' // a boxed Vector without 0x1cb5c415
  | 'VECTOR_COUNT' // a negative count, or more elements than the bytes left can hold
  | 'TOO_MANY' // a vector count over DecodeOptions.maxVectorCount
  | 'TOO_LONG' // a string or bytes length over DecodeOptions.maxStringLength / maxBytesLength
  | 'BAD_BOOL' // a Bool that is neither boolTrue nor boolFalse
  | 'BAD_LENGTH_PREFIX' // strict: 0xfe prefix for a length under 254, or an 0xff prefix
  | 'BAD_PADDING' // strict: non-zero padding after a string or bytes
  | 'BAD_UTF8' // strict: a string that is not valid UTF-8
  | 'UNKNOWN_FLAGS' // strict: a flags bit that no field of the layer uses
  | 'LENGTH_MISMATCH' // an envelope whose `bytes` differs from its body's length
  | 'TOO_DEEP' // nesting beyond DecodeOptions.maxDepth, or beyond what the call stack holds
  | 'TRAILING_BYTES' // bytes left after a whole-buffer decode
  | 'NOT_PACKED' // unpack: the input does not start with the pack header
  | 'MISSING_LAYER'; // unpack: the header names a layer that was not given

/** Why encoding refused a value. */
export type EncodeErrorCode =
  | 'BAD_VALUE' // wrong JavaScript type or out of range
  | 'MISSING_FIELD' // a required field, or a field whose flag bit another field sets
  | 'UNKNOWN_CONSTRUCTOR' // a `_` the layer does not define
  | 'WRONG_CONSTRUCTOR' // a known `_` of another type than the field's
  | 'LENGTH_MISMATCH' // an envelope whose `bytes` differs from its body's length
  | 'TOO_DEEP'; // a value nested deeper than the call stack holds (a cycle, most likely)

export type PathSegment = string | number;

/** A call-stack overflow: V8 and JavaScriptCore throw RangeError, SpiderMonkey InternalError. */
export function isStackOverflow(e: unknown): boolean {
  if (e instanceof RangeError) return /call stack/i.test(e.message);
  return e instanceof Error && e.name === 'InternalError' && /recursion/i.test(e.message);
}

/** `peer.accessHash`, `messages[2].body`: a field path as every error and report writes it. */
export function formatPath(path: readonly PathSegment[]): string {
  let s = '';
  for (const seg of path) s += typeof seg === 'number' ? `[${seg}]` : s ? `.${seg}` : seg;
  return s;
}

/**
 * What both codec errors share: the path of the failing field (names and vector indexes from
 * the outermost value in), filled by the generated code while the error unwinds.
 */
abstract class TlFieldError extends Error {
  readonly path: PathSegment[] = [];
  /**
   * While the error unwinds out of generated code: the index of the failing field in its
   * constructor's names, which the enclosing dispatcher turns into the field's name.
   * @internal
   */
  declare field: number | undefined;
  /** The constructor whose field failed, where it is known. */
  declare constructorName: string | undefined;
  /** What went wrong, without where; a layer may add what it knows (the layer, another layer's name for an id). */
  declare detail: string;

  // Fields are declared and set here, not defined as class fields: those would be written out
  // again in every bundle.
  constructor(detail: string) {
    super();
    this.detail = detail;
  }

  get fieldPath(): string {
    return formatPath(this.path);
  }

  /** The detail, then where it happened: `(at offset 4, in statsURL#47a971e0, field url)`. */
  protected located(where: string[]): string {
    if (this.path.length) where.push(`field ${this.fieldPath}`);
    return where.length ? `${this.detail} (${where.join(', ')})` : this.detail;
  }
}

/**
 * The one error every decode failure becomes: the byte offset, the id of the constructor being
 * read (in hex) and the path of the field, `peer.accessHash` or `messages[2].body`.
 */
export class TlDecodeError extends TlFieldError {
  override readonly name = 'TlDecodeError';
  declare code: DecodeErrorCode;
  /** Offset in the input of the first byte that could not be read. */
  declare readonly offset: number;
  /** The constructor being decoded when it failed, or the unknown id that was read. */
  declare constructorId: number | undefined;
  /** For an id read where a boxed type was expected: that type (`Object` for any). */
  declare expectedType: string | undefined;

  constructor(code: DecodeErrorCode, offset: number, detail: string, constructorId?: number) {
    super(detail);
    this.code = code;
    this.offset = offset;
    this.constructorId = constructorId;
  }

  /** The constructor id as `0x812c2ae6`, if known. */
  get constructorHex(): string | undefined {
    return this.constructorId === undefined ? undefined : hexId(this.constructorId);
  }

  override get message(): string {
    const where = [`at offset ${this.offset}`];
    // An unknown id is named by the detail already.
    const unknown = this.code === 'UNKNOWN_CONSTRUCTOR' && this.constructorName === undefined;
    if (this.constructorId !== undefined && !unknown) where.push(`in ${this.constructorName ? `${this.constructorName}#` : ''}${hexId(this.constructorId).slice(this.constructorName ? 2 : 0)}`);
    return this.located(where);
  }
}

/** A value the encoder cannot write, with the path of the field that holds it. */
export class TlEncodeError extends TlFieldError {
  override readonly name = 'TlEncodeError';
  declare code: EncodeErrorCode;
  /** For WRONG_CONSTRUCTOR / UNKNOWN_CONSTRUCTOR: the `_` that was refused. */
  declare offending: string | undefined;

  constructor(code: EncodeErrorCode, detail: string) {
    super(detail);
    this.code = code;
  }

  override get message(): string {
    return this.located(this.constructorName ? [`in ${this.constructorName}`] : []);
  }
}

/** Marks an error as raised in field `k` of the constructor being read or written (see {@link atField}). */
export function inField<E>(e: E, k: number | undefined): E {
  if (e instanceof TlFieldError) e.field = k;
  return e;
}

/** The combinator a names string is of: its first word (`'message flags out ... id'` -> `message`). */
export function combinatorOf(names: string): string {
  return names.split(' ', 1)[0];
}

/**
 * Adds one frame of context to an error unwinding out of generated code. Every call that can
 * fail inside a constructor's reader or writer passes the index `k` of its field, which the
 * error keeps ({@link inField}); the dispatcher that called that reader or writer knows the
 * constructor, so it names the field from the constructor's names (one string,
 * `'message flags out ... id'`, split only here), marks the constructor on the innermost frame
 * (`id` for a decode), and hands the error its own field index in the parent. Other errors (a
 * bug, not bad input) pass through untouched so that tests and fuzzers see them.
 */
export function atField(e: unknown, names: string | undefined, k: number | undefined, id?: number): unknown {
  if (e instanceof TlFieldError) {
    if (names !== undefined) {
      const words = names.split(' ');
      if (e.field !== undefined) e.path.unshift(words[e.field + 1]);
      const decoding = e instanceof TlDecodeError;
      if (decoding ? e.constructorId === undefined : e.constructorName === undefined) {
        e.constructorName = words[0];
        if (decoding) e.constructorId = id;
      }
    }
    e.field = k;
  }
  return e;
}

/** Adds a vector index to an error unwinding out of a vector reader or writer (in field `k` of its parent). */
export function atIndex(e: unknown, index: number, k?: number): unknown {
  if (e instanceof TlFieldError) {
    e.path.unshift(index);
    e.field = k;
  }
  return e;
}

/** {@link atField} for hand-written readers, which know the failing field by name. */
export function decodeContext(e: unknown, id: number, name: string, field: string): unknown {
  return atField(inField(e, 0), `${name} ${field}`, undefined, id);
}

/** {@link atField} for hand-written writers, which know the failing field by name. */
export function encodeContext(e: unknown, name: string, field: string): unknown {
  return atField(inField(e, 0), `${name} ${field}`, undefined);
}
