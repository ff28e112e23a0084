import { formatId, fromHex, toHex } from '../common/bytes.js';
import { nearNames } from '../common/near.js';
import { TlEncodeError, type PathSegment } from '../runtime/errors.js';
import { isTlUnknown, tlUnknown, type TlUnknown } from '../runtime/unknown.js';
import { combinatorIndex, vectorTypesOf, type CombinatorModel, type LayerModel, type WireType } from '../tl/model.js';

/**
 * The canonical JSON mapping of TL values (docs/conformance.md): long as a decimal string,
 * int128/int256/bytes as lowercase hex, flags words left out, `true` flags as `true`.
 * Driven by the layer's model, so it works for any generated layer.
 */
export class JsonMapping {
  private readonly byName: ReadonlyMap<string, CombinatorModel>;
  private readonly byIdent: ReadonlyMap<string, CombinatorModel>;

  constructor(readonly model: LayerModel) {
    ({ byName: this.byName, byIdent: this.byIdent } = combinatorIndex(model));
  }

  /** The constructor or function named `name`, as it stands boxed (not the bare envelope). */
  combinator(name: string): CombinatorModel | undefined {
    return this.byName.get(name);
  }

  private vectors: Map<string, WireType> | undefined;

  /** A vector type the layer uses, by its TL text (`Vector<long>`, `vector<%message>`): the registry's `vectors` keys. */
  vectorType(text: string): WireType | undefined {
    this.vectors ??= vectorTypesOf(this.model);
    return this.vectors.get(text.replace(/\s+/g, ''));
  }

  /** A value decoded by the codec -> canonical JSON. */
  toJson(value: unknown, type: WireType = { k: 'object' }): unknown {
    switch (type.k) {
      case 'long':
        return (value as bigint).toString();
      case 'int128':
      case 'int256':
      case 'bytes':
        return toHex(value as Uint8Array);
      case 'double':
        return Number.isFinite(value) ? value : String(value);
      case 'vector':
        return (value as unknown[]).map((v) => this.toJson(v, type.of));
      case 'boxed':
      case 'object':
      case 'query':
        if (isTlUnknown(value)) return { _: 'unknown', id: formatId(value.id), bytes: toHex(value.bytes) };
        return this.objectToJson(value as { _: string }, this.byName.get((value as { _: string })._)!);
      case 'bare':
        return this.objectToJson(value as { _: string }, this.byIdent.get(type.ctor)!);
      default:
        return value;
    }
  }

  private objectToJson(value: Record<string, unknown>, c: CombinatorModel): Record<string, unknown> {
    const out: Record<string, unknown> = { _: c.name };
    for (const f of c.fields) {
      if (f.type.k === 'flags') continue;
      const v = value[f.key];
      if (v === undefined || (f.type.k === 'true' && !v)) continue;
      out[f.key] = this.toJson(v, f.type);
    }
    return out;
  }

  /**
   * Canonical JSON -> a value for the codec. Wrong JSON is a {@link TlEncodeError} naming the
   * field path. `long` also takes a safe-integer number, for values typed by hand.
   */
  fromJson(json: unknown, type: WireType = { k: 'object' }, path: PathSegment[] = []): unknown {
    const bad = (expected: string): never => {
      const e = new TlEncodeError('BAD_VALUE', `expected ${expected}, got ${JSON.stringify(json)?.slice(0, 60) ?? 'nothing'}`);
      e.path.push(...path);
      throw e;
    };
    switch (type.k) {
      case 'long':
        if (typeof json === 'string' && /^-?\d{1,20}$/.test(json)) return BigInt(json);
        if (typeof json === 'number' && Number.isSafeInteger(json)) return BigInt(json);
        return bad('a long as a decimal string');
      case 'int128':
      case 'int256':
      case 'bytes':
        if (typeof json === 'string' && /^(?:[0-9a-fA-F]{2})*$/.test(json)) return fromHex(json);
        return bad('lowercase hex');
      case 'double':
        if (typeof json === 'number') return json;
        if (json === 'NaN' || json === 'Infinity' || json === '-Infinity') return Number(json);
        return bad('a number');
      case 'vector':
        if (!Array.isArray(json)) return bad('an array');
        return json.map((v, i) => this.fromJson(v, type.of, [...path, i]));
      case 'boxed':
      case 'object':
      case 'query':
      case 'bare': {
        if (typeof json !== 'object' || json === null || Array.isArray(json)) return bad('an object with "_"');
        const name = (json as { _?: unknown })._;
        if (name === 'unknown' && type.k !== 'bare' && type.k !== 'boxed') return this.unknownFromJson(json as Record<string, unknown>, path);
        const c = type.k === 'bare' ? this.byIdent.get(type.ctor)! : typeof name === 'string' ? this.byName.get(name) : undefined;
        if (!c) {
          const e = new TlEncodeError(typeof name === 'string' ? 'UNKNOWN_CONSTRUCTOR' : 'BAD_VALUE', typeof name === 'string' ? `unknown constructor ${name} in layer ${this.model.layer}` : 'object has no "_" naming its constructor');
          e.path.push(...path);
          throw e;
        }
        return this.objectFromJson(json as Record<string, unknown>, c, path);
      }
      default:
        // int, string, Bool and true flags map to themselves; the encoder checks their types.
        return json;
    }
  }

  /** `{"_":"unknown","id":"deadbeef","bytes":"efbeadde01020304"}`: the id must be the one the bytes start with. */
  private unknownFromJson(json: Record<string, unknown>, path: PathSegment[]): TlUnknown {
    const { id, bytes } = json;
    const node = typeof bytes === 'string' && /^(?:[0-9a-fA-F]{8})+$/.test(bytes) ? tlUnknown(fromHex(bytes)) : undefined;
    const extra = Object.keys(json).some((k) => k !== '_' && k !== 'id' && k !== 'bytes');
    if (!node || typeof id !== 'string' || id.toLowerCase() !== formatId(node.id) || extra) {
      const e = new TlEncodeError('BAD_VALUE', 'expected {"_":"unknown","id":"<8 hex digits>","bytes":"<the whole object in whole 4-byte words, starting with that id>"}');
      e.path.push(...path);
      throw e;
    }
    return node;
  }

  private objectFromJson(json: Record<string, unknown>, c: CombinatorModel, path: PathSegment[]): Record<string, unknown> {
    const out: Record<string, unknown> = { _: c.name };
    const known = new Set(c.fields.map((f) => f.key));
    for (const key of Object.keys(json)) {
      if (key !== '_' && !known.has(key)) {
        const near = nearNames(known, key, (k) => k.toLowerCase().replaceAll('_', ''));
        const e = new TlEncodeError('BAD_VALUE', `${c.name} has no field ${key}${near.length ? `: did you mean ${near.join(' or ')}?` : ''}`);
        e.path.push(...path);
        e.constructorName = c.name;
        throw e;
      }
    }
    for (const f of c.fields) {
      if (f.type.k === 'flags') continue;
      const v = Object.hasOwn(json, f.key) ? json[f.key] : undefined;
      if (v === undefined) continue;
      out[f.key] = this.fromJson(v, f.type, [...path, f.key]);
    }
    return out;
  }
}
