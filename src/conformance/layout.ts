import { formatPath, type PathSegment } from '../runtime/errors.js';
import { combinatorIndex, wireTypeText, type CombinatorModel, type LayerModel, type WireType } from '../tl/model.js';

/** What a span of the serialization holds. */
export type RowKind =
  | 'object' // a whole object: its id (if boxed) and its fields
  | 'id' // a constructor or function id
  | 'flags' // a `#` word
  | 'value' // a primitive: int, long, double, int128, int256, string, bytes, Bool
  | 'vector' // a whole vector
  | 'vector-id' // 0x1cb5c415 of a boxed Vector
  | 'count' // a vector's element count
  | 'true' // a set `flags.N?true`: no bytes
  | 'absent'; // a conditional field whose bit is clear: no bytes

export interface LayoutRow {
  offset: number;
  length: number;
  kind: RowKind;
  /** From the outermost value in: `['peer', 'accessHash']`, `['messages', 2, 'body']`. */
  path: PathSegment[];
  /** The TL type of the span: `string`, `InputPeer`, `Vector<long>`, `#`. */
  tlType: string;
  /** The constructor whose field the span is ('' for the top value). */
  owner: string;
  /** object and id rows: the constructor of the object. */
  ctor?: string;
  /** Nesting: 0 for the top object and its fields' own bytes. */
  depth: number;
  /** The value the span encodes (codec form); for flags the derived word, for ids the id. */
  value?: unknown;
  /** `flags.2` for conditional fields (and `true` / `absent` rows). */
  flag?: string;
  /** string and bytes: the length prefix size (1 or 4) and the payload size; padding follows. */
  prefix?: number;
  payload?: number;
  /** id rows: what the position accepts (a boxed type, any object, or any function). */
  expects?: WireType;
  /** count rows: the type of the elements. */
  element?: WireType;
  /** absent rows: the type the field would have. */
  absentType?: WireType;
}

const utf8 = new TextEncoder();

const FIXED_SIZES: Partial<Record<WireType['k'], number>> = { int: 4, long: 8, double: 8, int128: 16, int256: 32, bool: 4 };

/**
 * The byte layout of a value's serialization, computed from the value and the layer model
 * alone: which offsets hold which field. It locates the first differing byte of a peer's
 * encoding, and gives the field boundaries that truncated negative cases cut at.
 */
export class ValueLayout {
  private readonly byName: ReadonlyMap<string, CombinatorModel>;
  private readonly byIdent: ReadonlyMap<string, CombinatorModel>;

  constructor(readonly model: LayerModel) {
    ({ byName: this.byName, byIdent: this.byIdent } = combinatorIndex(model));
  }

  /**
   * Rows in serialization order; a parent row comes before the rows inside it. `value` is in
   * codec form (`layer.json.fromJson`), `type` what the top value is read as.
   */
  rows(value: unknown, type: WireType = { k: 'object' }): LayoutRow[] {
    const rows: LayoutRow[] = [];
    this.walk(rows, 0, value, type, [], '', 0);
    return rows;
  }

  /** Appends the rows of one value at `offset`; returns the offset after it. */
  private walk(rows: LayoutRow[], offset: number, value: unknown, t: WireType, path: PathSegment[], owner: string, depth: number): number {
    const tlType = wireTypeText(t, this.byIdent);
    const fixed = FIXED_SIZES[t.k];
    if (fixed !== undefined) {
      rows.push({ offset, length: fixed, kind: 'value', path, tlType, owner, depth, value });
      return offset + fixed;
    }
    switch (t.k) {
      case 'string':
      case 'bytes': {
        const payload = t.k === 'string' ? utf8.encode(value as string).length : (value as Uint8Array).length;
        const prefix = payload <= 253 ? 1 : 4;
        const length = (prefix + payload + 3) & ~3;
        rows.push({ offset, length, kind: 'value', path, tlType, owner, depth, value, prefix, payload });
        return offset + length;
      }
      case 'vector': {
        const items = value as unknown[];
        const row: LayoutRow = { offset, length: 0, kind: 'vector', path, tlType, owner, depth, value: items.length };
        rows.push(row);
        let at = offset;
        if (t.boxed) {
          rows.push({ offset: at, length: 4, kind: 'vector-id', path, tlType, owner, depth, value: 0x1cb5c415 });
          at += 4;
        }
        rows.push({ offset: at, length: 4, kind: 'count', path, tlType: 'int', owner, depth, value: items.length, element: t.of });
        at += 4;
        items.forEach((item, i) => {
          at = this.walk(rows, at, item, t.of, [...path, i], owner, depth + 1);
        });
        row.length = at - offset;
        return at;
      }
      case 'boxed':
      case 'object':
      case 'query':
      case 'bare': {
        const v = value as Record<string, unknown> & { _: string };
        const c = t.k === 'bare' ? this.byIdent.get(t.ctor) : this.byName.get(v._);
        if (!c) throw new Error(`layout: layer ${this.model.layer} has no constructor ${v._}`);
        const row: LayoutRow = { offset, length: 0, kind: 'object', path, tlType, owner, ctor: c.name, depth };
        rows.push(row);
        let at = offset;
        if (t.k !== 'bare') {
          rows.push({ offset: at, length: 4, kind: 'id', path, tlType, owner, ctor: c.name, depth, value: c.id, expects: t });
          at += 4;
        }
        at = this.fields(rows, at, v, c, path, depth);
        row.length = at - offset;
        return at;
      }
      default:
        throw new Error(`layout: a ${t.k} is not a value on its own`);
    }
  }

  private fields(rows: LayoutRow[], offset: number, v: Record<string, unknown>, c: CombinatorModel, path: PathSegment[], depth: number): number {
    let at = offset;
    for (const f of c.fields) {
      const fieldPath = [...path, f.key];
      const flag = f.flag ? `${f.flag.key}.${f.flag.bit}` : undefined;
      if (f.type.k === 'flags') {
        // The word the encoder derives: a bit is set when any field it guards is present.
        let word = 0;
        for (const g of c.fields) if (g.flag?.key === f.key && isPresent(v[g.key], g.type)) word |= 1 << g.flag.bit;
        rows.push({ offset: at, length: 4, kind: 'flags', path: fieldPath, tlType: '#', owner: c.name, depth, value: word >>> 0 });
        at += 4;
        continue;
      }
      const tlType = wireTypeText(f.type, this.byIdent);
      if (flag && !isPresent(v[f.key], f.type)) {
        rows.push({ offset: at, length: 0, kind: 'absent', path: fieldPath, tlType, owner: c.name, depth, flag, absentType: f.type });
        continue;
      }
      if (f.type.k === 'true') {
        rows.push({ offset: at, length: 0, kind: 'true', path: fieldPath, tlType, owner: c.name, depth, flag, value: true });
        continue;
      }
      const start = rows.length;
      at = this.walk(rows, at, v[f.key], f.type, fieldPath, c.name, depth + (isObject(f.type) ? 1 : 0));
      if (flag) rows[start].flag = flag;
    }
    return at;
  }
}

function isPresent(v: unknown, t: WireType): boolean {
  return t.k === 'true' ? v === true : v !== undefined;
}

function isObject(t: WireType): boolean {
  return t.k === 'boxed' || t.k === 'bare' || t.k === 'object' || t.k === 'query';
}

/** The deepest row with bytes that contains `offset`. */
export function rowAt(rows: readonly LayoutRow[], offset: number): LayoutRow | undefined {
  let found: LayoutRow | undefined;
  for (const row of rows) if (row.length > 0 && row.offset <= offset && offset < row.offset + row.length) found = row;
  return found;
}

/** The innermost row with bytes that ends exactly at `offset`: what came just before it. */
export function rowEndingAt(rows: readonly LayoutRow[], offset: number): LayoutRow | undefined {
  let found: LayoutRow | undefined;
  for (const row of rows) if (row.length > 0 && row.offset + row.length === offset) found = row;
  return found;
}

/** The conditional fields with no bytes (absent or `true`) that sit at `offset`. */
export function emptyRowsAt(rows: readonly LayoutRow[], offset: number): LayoutRow[] {
  return rows.filter((row) => row.length === 0 && row.offset === offset);
}

/** The outermost row of the field at `path` (an object, vector or value row). */
export function rowOfPath(rows: readonly LayoutRow[], path: readonly PathSegment[]): LayoutRow | undefined {
  const text = formatPath(path);
  return rows.find((row) => (row.kind === 'object' || row.kind === 'vector' || row.kind === 'value' || row.kind === 'absent' || row.kind === 'true') && formatPath(row.path) === text);
}
