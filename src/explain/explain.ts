import type { TlLayer } from '../layer.js';
import { bodyLengthMismatch } from '../runtime/codec-support.js';
import { atIndex, decodeContext, isStackOverflow, TlDecodeError } from '../runtime/errors.js';
import { BOOL_FALSE, BOOL_TRUE, readBool } from '../runtime/primitives/bool.js';
import { readBytes } from '../runtime/primitives/bytes.js';
import { readDouble } from '../runtime/primitives/double.js';
import { readInt } from '../runtime/primitives/int.js';
import { readInt128, readInt256 } from '../runtime/primitives/int128.js';
import { readLong } from '../runtime/primitives/long.js';
import { readString } from '../runtime/primitives/string.js';
import { readVectorCount, VECTOR_ID } from '../runtime/primitives/vector.js';
import { enter, fail, readId, Reader, unknownFlags, unknownId, type DecodeOptions } from '../runtime/reader.js';
import { indexLayer, minSize, type LayerIndex, ENVELOPE_IDENT, flagsMask, wireTypeText, type CombinatorModel, type FieldModel, type LayerModel, type WireType } from '../tl/model.js';
import { formatId, hexId, toHex } from '../common/bytes.js';

/**
 * One piece of the input: a constructor id, a flags word (or one of its bits), a field, a
 * length prefix, a payload, padding, a vector header. Rows with `length` 0 explain without
 * taking bytes: a flags bit, the start of a bare object.
 */
export interface ExplainRow {
  offset: number;
  length: number;
  /** The field path as the codec's errors write it: `peer.channelId`, `messages[2].body`; '' for the outermost value. */
  path: string;
  /** What the bytes are: `InputPeer`, `flags.3?int`, `length`, `padding`, `bit 0`... */
  tlType: string;
  /** The decoded value, as text: `42`, `"abc"`, `inputPeerSelf#7da07ec9`, `0x00000401`. */
  value: string;
  /** More about the value: the fields a flags bit enables, the length prefix form. */
  note?: string;
  /** Nesting: 0 for the outermost value, one more inside each object or vector. */
  depth: number;
}

export interface ExplainResult {
  /**
   * In the order read. After a failure, the rows end at the error's offset, except where the
   * codec finds the problem only after reading on: a value of another constructor than `as`
   * names (the error points at its start), an MTProto envelope whose `bytes` is not its body's
   * length (the error points at the body).
   */
  rows: ExplainRow[];
  /** Set when decoding failed: the very error the layer's codec gives for these bytes. */
  error?: TlDecodeError;
  /** Bytes decoded: the whole value's length, or where decoding stopped (the error's offset). */
  consumed: number;
  /** The input, for the byte column of the table format.ts prints. */
  bytes: Uint8Array;
}

/** What to explain the bytes as, and the decode limits and leniency of {@link DecodeOptions}. */
export interface ExplainOptions extends DecodeOptions {
  /**
   * What the bytes are, as `TlLayer.decode` takes it: `Object` (default), a boxed type, a
   * constructor or function name, or a vector type (`Vector<long>`).
   */
  as?: string;
  /**
   * The bytes answer a call of this function: an `rpc_result` whose `result` is read as the
   * function's result type (or an `rpc_error` / `gzip_packed`), or that result alone.
   */
  method?: string;
}

/** The layer, indexed for the walk; built once per model. */
interface WalkIndex {
  layer: LayerIndex;
  byIdent: ReadonlyMap<string, CombinatorModel>;
  /** Each boxed type's constructors by id. */
  typeIds: Map<string, Map<number, CombinatorModel>>;
  /** Every constructor and function with an id: what `Object` reads. */
  objectIds: Map<number, CombinatorModel>;
  functionIds: Map<number, CombinatorModel>;
  /** Vector types by their TL text (`Vector<long>`), as the registry names them. */
}

/** Reads one field of a combinator its own way. */
interface FieldOverride {
  key: string;
  read: (path: string) => void;
}

const indexes = new WeakMap<LayerModel, WalkIndex>();

function walkIndex(model: LayerModel): WalkIndex {
  let index = indexes.get(model);
  if (index) return index;
  const layer = indexLayer(model);
  const typeIds = new Map<string, Map<number, CombinatorModel>>();
  for (const [type, idents] of Object.entries(model.types)) {
    typeIds.set(type, new Map(idents.map((i) => layer.byIdent.get(i)!).map((c) => [c.id!, c])));
  }
  const withId = model.combinators.filter((c) => c.id !== undefined);
  index = {
    layer,
    byIdent: layer.byIdent,
    typeIds,
    objectIds: new Map(withId.map((c) => [c.id!, c])),
    functionIds: new Map(withId.filter((c) => c.kind === 'function').map((c) => [c.id!, c])),
  };
  indexes.set(model, index);
  return index;
}

const lenientUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** The fixed-size values besides int: their size, and their value as text. */
const FIXED_SIZE: Record<'long' | 'double' | 'int128' | 'int256', { size: number; read: (r: Reader) => string }> = {
  long: { size: 8, read: (r) => String(readLong(r)) },
  double: { size: 8, read: (r) => String(readDouble(r)) },
  int128: { size: 16, read: (r) => toHex(readInt128(r)) },
  int256: { size: 32, read: (r) => toHex(readInt256(r)) },
};


function joinPath(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** Set bits of a flags word, as bit numbers. */
function setBits(flags: number): number[] {
  const bits: number[] = [];
  for (let bit = 0; bit < 32; bit++) if ((flags >>> bit) & 1) bits.push(bit);
  return bits;
}

/**
 * Walks the bytes the way the generated reader of the layer does, step for step (same
 * primitives, same checks, same order), writing a row for every piece it reads.
 */
class Walker {
  readonly rows: ExplainRow[] = [];

  constructor(
    readonly r: Reader,
    readonly index: WalkIndex,
  ) {}

  private row(offset: number, length: number, path: string, tlType: string, value: string, depth: number, note?: string): void {
    const row: ExplainRow = { offset, length, path, tlType, value, depth };
    if (note !== undefined) row.note = note;
    this.rows.push(row);
  }

  /** Reads a value of wire type `t`; returns it when it is a number (the envelope needs its `bytes`). */
  value(t: WireType, path: string, depth: number, tlType: string): number | undefined {
    const r = this.r;
    const start = r.pos;
    switch (t.k) {
      case 'int': {
        const v = readInt(r);
        this.row(start, 4, path, tlType, String(v), depth);
        return v;
      }
      case 'long':
      case 'double':
      case 'int128':
      case 'int256': {
        const { size, read } = FIXED_SIZE[t.k];
        this.row(start, size, path, tlType, read(r), depth);
        return undefined;
      }
      case 'string':
        this.prefixed(path, depth, tlType, () => JSON.stringify(readString(r)), (payload) => JSON.stringify(lenientUtf8.decode(payload)));
        return undefined;
      case 'bytes':
        this.prefixed(path, depth, tlType, () => toHex(readBytes(r)), toHex);
        return undefined;
      case 'bool': {
        const v = readBool(r);
        this.row(start, 4, path, tlType, String(v), depth, `${v ? 'boolTrue' : 'boolFalse'}#${formatId(v ? BOOL_TRUE : BOOL_FALSE)}`);
        return undefined;
      }
      case 'vector':
        this.vector(t, path, depth, tlType);
        return undefined;
      case 'boxed':
        this.boxed(this.index.typeIds.get(t.type)!, t.type, path, depth, tlType);
        return undefined;
      case 'object':
        this.boxed(this.index.objectIds, 'Object', path, depth, tlType);
        return undefined;
      case 'query':
        this.boxed(this.index.functionIds, 'Function', path, depth, tlType);
        return undefined;
      case 'bare': {
        const c = this.index.byIdent.get(t.ctor)!;
        this.row(start, 0, path, tlType, `${c.name} (bare, no id)`, depth);
        this.fields(c, path, depth + 1);
        return undefined;
      }
      case 'true':
      case 'flags':
        // The model gives these only to fields, which `fields` handles itself.
        throw new Error(`${t.k} is not a value type`);
    }
  }

  /**
   * `string` / `bytes`: rows for the length prefix, the payload and the padding. `show` gives
   * the payload's value when the read fails after it (on its padding).
   */
  private prefixed(path: string, depth: number, tlType: string, read: () => string, show: (payload: Uint8Array) => string): void {
    const r = this.r;
    const start = r.pos;
    const long = r.buf[start] === 254;
    const prefix = long ? 4 : 1;
    // The payload length as the prefix states it; read only once the prefix is known to be there.
    const payloadLength = (): number => (long ? r.buf[start + 1] | (r.buf[start + 2] << 8) | (r.buf[start + 3] << 16) : r.buf[start]);
    let value: string;
    try {
      value = read();
    } catch (e) {
      // Show the prefix and the payload when the failure is past them (padding, UTF-8).
      if (e instanceof TlDecodeError && e.offset > start) {
        const n = payloadLength();
        this.lengthRow(start, prefix, n, path, depth);
        if (e.offset >= start + prefix + n) this.row(start + prefix, n, path, tlType, show(r.buf.subarray(start + prefix, start + prefix + n)), depth);
      }
      throw e;
    }
    const n = payloadLength();
    this.lengthRow(start, prefix, n, path, depth);
    this.row(start + prefix, n, path, tlType, value, depth);
    const padding = r.pos - start - prefix - n;
    if (padding > 0) {
      const zero = r.buf.subarray(start + prefix + n, r.pos).every((b) => b === 0);
      this.row(start + prefix + n, padding, path, 'padding', zero ? 'zero' : 'not zero (accepted: lenient)', depth, `to a multiple of 4`);
    }
  }

  private lengthRow(start: number, prefix: number, n: number, path: string, depth: number): void {
    this.row(start, prefix, path, 'length', String(n), depth, prefix === 1 ? '1-byte prefix' : '0xfe and a 3-byte length');
  }

  private vector(t: WireType & { k: 'vector' }, path: string, depth: number, tlType: string): void {
    const r = this.r;
    const start = r.pos;
    let count: number;
    try {
      count = readVectorCount(r, t.boxed, Math.max(1, minSize(t.of, this.index.layer)));
    } catch (e) {
      if (t.boxed && e instanceof TlDecodeError && e.offset >= start + 4) this.row(start, 4, path, tlType, `vector#${formatId(VECTOR_ID)}`, depth);
      throw e;
    }
    if (t.boxed) this.row(start, 4, path, tlType, `vector#${formatId(VECTOR_ID)}`, depth);
    this.row(r.pos - 4, 4, path, 'count', String(count), depth);
    const elementType = wireTypeText(t.of, this.index.byIdent);
    for (let i = 0; i < count; i++) {
      try {
        this.value(t.of, `${path}[${i}]`, depth + 1, elementType);
      } catch (e) {
        throw atIndex(e, i);
      }
    }
  }

  /**
   * A boxed value: its id, one of `candidates`, then that constructor's fields. Returns the
   * constructor it read. `override` is passed on to {@link fields}.
   */
  boxed(candidates: Map<number, CombinatorModel>, typeName: string, path: string, depth: number, tlType: string, override?: FieldOverride): CombinatorModel {
    const r = this.r;
    const start = r.pos;
    const id = readId(r);
    const c = candidates.get(id);
    enter(r);
    if (!c) throw unknownId(r, id, typeName);
    this.row(start, 4, path, tlType, `${c.name}#${formatId(id)}`, depth);
    this.fields(c, path, depth + 1, override);
    r.depth--;
    return c;
  }

  /**
   * The fields of `c`, each error marked with the field it stopped in, as the generated reader
   * marks it. `override` reads one field its own way (the `result` of an `rpc_result`).
   */
  private fields(c: CombinatorModel, path: string, depth: number, override?: FieldOverride): void {
    const r = this.r;
    const flagWords = new Map<string, number>();
    let declaredBodyLength = 0;
    for (const f of c.fields) {
      const fieldPath = joinPath(path, f.key);
      try {
        if (f.type.k === 'flags') {
          const start = r.pos;
          const flags = readInt(r);
          const known = flagsMask(c, f.key);
          if ((flags & ~known) !== 0) unknownFlags(r, flags, known);
          flagWords.set(f.key, flags);
          this.row(start, 4, fieldPath, '#', hexId(flags), depth);
          this.bitRows(c, f, flags, known, start, fieldPath, depth + 1);
          continue;
        }
        if (f.flag && ((flagWords.get(f.flag.key)! >>> f.flag.bit) & 1) === 0) continue;
        if (f.type.k === 'true') continue;
        const tlType = fieldTypeText(f, this.index.byIdent);
        if (override?.key === f.key) {
          override.read(fieldPath);
        } else if (c.ident === ENVELOPE_IDENT && f.key === 'body') {
          const bodyStart = r.pos;
          this.value(f.type, fieldPath, depth, tlType);
          if (r.pos - bodyStart !== declaredBodyLength) throw bodyLengthMismatch(r, bodyStart, declaredBodyLength);
        } else {
          const v = this.value(f.type, fieldPath, depth, tlType);
          if (c.ident === ENVELOPE_IDENT && f.key === 'bytes') declaredBodyLength = v!;
        }
      } catch (e) {
        throw decodeContext(e, c.id ?? 0, c.name, f.key);
      }
    }
  }

  /** One row per bit of a flags word that is set or that a field tests. */
  private bitRows(c: CombinatorModel, flagsField: FieldModel, flags: number, known: number, offset: number, path: string, depth: number): void {
    const bits = new Set([...setBits(known), ...setBits(flags)]);
    for (const bit of [...bits].sort((a, b) => a - b)) {
      const enabled = c.fields.filter((f) => f.flag?.key === flagsField.key && f.flag.bit === bit).map((f) => f.key);
      const set = ((flags >>> bit) & 1) === 1;
      this.row(offset, 0, `${path}.${bit}`, `bit ${bit}`, set ? '1' : '0', depth, enabled.length ? `${enabled.join(', ')}${set ? '' : ' absent'}` : 'no field uses this bit');
    }
  }
}


/** A field's type as its schema line writes it: `flags.3?int`, `Vector<long>`, `!X`. */
function fieldTypeText(f: FieldModel, byIdent: ReadonlyMap<string, CombinatorModel>): string {
  const type = wireTypeText(f.type, byIdent);
  return f.flag ? `${f.flag.key}.${f.flag.bit}?${type}` : type;
}

/** Reads the top-level value as the layer's own reader for `as` reads it. */
function readTop(layer: TlLayer, walker: Walker, as: string): void {
  const target = layer.target(as);
  switch (target.kind) {
    case 'object':
      return void walker.value({ k: 'object' }, '', 0, 'Object');
    case 'type':
      return void walker.value({ k: 'boxed', type: target.type }, '', 0, target.type);
    case 'vector':
      return void walker.value(target.type, '', 0, target.text);
    case 'combinator': {
      const start = walker.r.pos;
      const found = walker.boxed(walker.index.objectIds, 'Object', '', 0, 'Object').name;
      return layer.expectCombinator(target.name, found, start);
    }
  }
}

/**
 * The answer to `method`: an `rpc_result` whose `result` has the method's result type, or that
 * result alone. An `rpc_error` or a `gzip_packed` may stand in for the result.
 */
function readAnswer(layer: TlLayer, walker: Walker, method: string): void {
  const r = walker.r;
  const index = walker.index;
  const id = layer.idOf(method);
  const fn = id === undefined ? undefined : index.functionIds.get(id);
  if (!fn) throw new TlDecodeError('UNKNOWN_CONSTRUCTOR', 0, `layer ${layer.layer} has no function named ${method}`);
  const resultType: WireType = fn.result!.k === 'query' ? { k: 'object' } : fn.result!;
  const resultText = `${wireTypeText(resultType, index.byIdent)} (${method})`;
  const peek = (): CombinatorModel | undefined => (r.end - r.pos >= 4 ? index.objectIds.get(r.view.getUint32(r.pos, true)) : undefined);
  const readResult = (path: string, depth: number): void => {
    const stand = peek();
    if (stand && (stand.name === 'rpc_error' || stand.name === 'gzip_packed')) walker.value({ k: 'object' }, path, depth, 'Object');
    else walker.value(resultType, path, depth, resultText);
  };
  if (peek()?.name !== 'rpc_result') return readResult('', 0);
  walker.boxed(index.objectIds, 'Object', '', 0, 'Object', { key: 'result', read: (path) => readResult(path, 1) });
}

/**
 * Explains `bytes` as a value of `layer`: one row per piece the codec reads. On bytes the
 * codec rejects, the rows stop where it stops and `error` is the codec's own error (code,
 * offset, constructor id, field path).
 */
export function explain(layer: TlLayer, bytes: Uint8Array, options: ExplainOptions = {}): ExplainResult {
  const r = new Reader(bytes, options);
  const walker = new Walker(r, walkIndex(layer.model));
  try {
    if (options.method !== undefined) readAnswer(layer, walker, options.method);
    else readTop(layer, walker, options.as ?? 'Object');
    if (r.pos !== r.end) throw fail(r, 'TRAILING_BYTES', `${r.end - r.pos} bytes left after the value`);
  } catch (caught) {
    // As the codec's deserialize does: recursion that exhausts the call stack is TOO_DEEP.
    const e = layer.refineError(isStackOverflow(caught) ? fail(r, 'TOO_DEEP', 'nesting exhausted the call stack', r.pos) : caught);
    if (!(e instanceof TlDecodeError)) throw e;
    return { rows: walker.rows, error: e, consumed: e.offset, bytes };
  }
  return { rows: walker.rows, consumed: r.pos, bytes };
}
