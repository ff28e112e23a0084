import { JsonMapping } from './json/canonical.js';
import { holdsUnknown, readKeepingUnknown, writeKeepingUnknown } from './known-length.js';
import { VECTOR_ID } from './runtime/primitives/vector.js';
import { hexId } from './common/bytes.js';
import { TlDecodeError, TlEncodeError } from './runtime/errors.js';
import { deserialize, deserializePrefix, unknownIdDetail, type DecodeOptions, type Reader } from './runtime/reader.js';
import { serialize, type Writer } from './runtime/writer.js';
import type { LayerModel, WireType } from './tl/model.js';

/**
 * What a generated layer's registry module exports. `Value` is the layer's `TlObject` (any
 * constructor or function value): `new TlLayer(registry, model)` takes it from the module.
 */
export interface LayerRegistry<Value = unknown> {
  layer: number;
  ids: Record<string, number>;
  types: Record<string, { write: (w: Writer, v: unknown) => void; read: (r: Reader) => unknown }>;
  results: Record<string, ((r: Reader) => unknown) | 'query'>;
  vectors: Record<string, (r: Reader) => unknown>;
  readObject(r: Reader): Value;
  writeObject(w: Writer, v: Value): void;
}

/** A whole-buffer decode, or a prefix decode that reports how much it took. */
export interface DecodeRequest extends DecodeOptions {
  /**
   * What to decode the bytes as: `Object` (any boxed constructor or function, the default), a
   * boxed type (`StatsURL`), a constructor or function name (`messages.getStatsURL`) or a
   * vector type (`Vector<long>`).
   */
  as?: string;
}

/**
 * What a decode target names, in the order {@link LayerCodec.target} looks: any boxed
 * constructor or function (`Object`), a boxed type, a vector type the layer uses, or one
 * constructor or function by name.
 */
export type DecodeTarget =
  | { kind: 'object' }
  | { kind: 'type'; type: string }
  | { kind: 'vector'; text: string }
  | { kind: 'combinator'; name: string };

/** A decode target with a vector's wire type, which only the model knows ({@link TlLayer.target}). */
export type TypedDecodeTarget = Exclude<DecodeTarget, { kind: 'vector' }> | { kind: 'vector'; text: string; type: WireType };

/**
 * What `decode(bytes, { as: A })` gives in a layer whose values are `Value` and whose boxed
 * types are `Types`: the constructor or function named A, the boxed type A, any value for
 * `Object`; `unknown` for an untyped layer, a vector type, or a lenient decode (which may hold
 * unknown nodes).
 */
export type Decoded<Value, Types, A, Strict> = unknown extends Value
  ? unknown
  : Strict extends false
    ? unknown
    : A extends 'Object'
      ? Value
      : A extends (Value extends { _: infer N } ? N : never)
        ? Extract<Value, { _: A }>
        : 0 extends 1 & Types // Types left as any: no boxed types known
          ? unknown
          : A extends keyof Types
            ? Types[A]
            : unknown;

/** A decode request whose `as` and `strict` the compiler sees, for {@link Decoded}. */
export type TypedDecodeRequest<A extends string, Strict extends boolean | undefined> = DecodeRequest & { as?: A; strict?: Strict };

/** The TypeScript type of the boxed type K in a layer's TlTypes; without them, any object with a `_`. */
type TypeOf<Types, K extends keyof Types> = boolean extends (Types extends never ? true : false) ? { _: string } : Types[K];

/**
 * A generated layer's registry behind one object: encode and decode by name, with errors that
 * say whether an id belongs to another type or to no type. It needs no model, so a client that
 * only sends calls and reads answers (the service layer) ships the codecs and nothing more.
 * For the smallest bundles, call the generated `write_*` / `read_*` functions directly instead.
 */
// `any` by default, so that a typed codec goes wherever a LayerCodec does.
export class LayerCodec<Value = any, Types extends object = any> {
  readonly layer: number;
  private readonly names = new Map<number, string>();
  /** Each decode target's reader, by the `as` that named it. */
  private readonly readers = new Map<string, (r: Reader) => unknown>();
  private readonly readLenient = (r: Reader): unknown => readKeepingUnknown(this, r);

  constructor(readonly registry: LayerRegistry<Value>) {
    this.layer = registry.layer;
    for (const [name, id] of Object.entries(registry.ids)) this.names.set(id, name);
    this.names.set(VECTOR_ID, 'vector');
  }

  /** The id of a constructor or function; undefined for names the layer lacks (own keys only). */
  idOf(name: string): number | undefined {
    return Object.hasOwn(this.registry.ids, name) ? this.registry.ids[name] : undefined;
  }

  /** The codec of a boxed type (`InputPeer`), if the layer has it. */
  typeCodec(type: string): LayerRegistry['types'][string] | undefined {
    return Object.hasOwn(this.registry.types, type) ? this.registry.types[type] : undefined;
  }

  /** The reader of a vector type (`Vector<long>`), if the layer uses it. */
  vectorReader(type: string): ((r: Reader) => unknown) | undefined {
    const key = type.replace(/\s+/g, '');
    return Object.hasOwn(this.registry.vectors, key) ? this.registry.vectors[key] : undefined;
  }

  /** How to read a function's result, or 'query' for a wrapper that returns its query's result. */
  resultReader(method: string): LayerRegistry['results'][string] | undefined {
    return Object.hasOwn(this.registry.results, method) ? this.registry.results[method] : undefined;
  }

  /** The name of the constructor or function with this id, if the layer has one. */
  nameOf(id: number): string | undefined {
    return this.names.get(id >>> 0);
  }

  /**
   * Serializes any boxed constructor or function value. In a typed layer the compiler refuses
   * a value no constructor or function of the layer has.
   */
  encode(value: Value): Uint8Array {
    try {
      if (holdsUnknown(value)) return serialize((w: Writer, v: unknown) => writeKeepingUnknown(this, w, v), value);
      return serialize(this.registry.writeObject as (w: Writer, v: unknown) => void, value);
    } catch (e) {
      throw this.refineError(e);
    }
  }

  /** Serializes a value as the boxed type `type` (`InputPeer`). */
  encodeAs(type: string, value: unknown): Uint8Array {
    const codec = this.typeCodec(type);
    if (!codec) throw new TlEncodeError('UNKNOWN_CONSTRUCTOR', `layer ${this.layer} has no boxed type ${type}`);
    try {
      return serialize(codec.write, value);
    } catch (e) {
      throw this.refineError(e);
    }
  }

  /** What `as` names in this layer, or an error saying it names nothing. */
  target(as = 'Object'): DecodeTarget {
    if (as === 'Object') return { kind: 'object' };
    if (this.typeCodec(as)) return { kind: 'type', type: as };
    const text = as.replace(/\s+/g, '');
    if (this.vectorReader(text)) return { kind: 'vector', text };
    if (this.idOf(as) !== undefined) return { kind: 'combinator', name: as };
    throw new TlDecodeError('UNKNOWN_CONSTRUCTOR', 0, `layer ${this.layer} has no type, constructor or function named ${as}`);
  }

  /** The reader for a decode target, or an error naming what the layer has instead; resolved once per target. */
  reader(as = 'Object'): (r: Reader) => unknown {
    let read = this.readers.get(as);
    if (read === undefined) {
      read = this.resolveReader(as);
      this.readers.set(as, read);
    }
    return read;
  }

  private resolveReader(as: string): (r: Reader) => unknown {
    const target = this.target(as);
    switch (target.kind) {
      case 'object':
        return this.registry.readObject;
      case 'type':
        return this.registry.types[target.type].read;
      case 'vector':
        return this.registry.vectors[target.text];
      case 'combinator':
        return (r: Reader) => {
          const start = r.pos;
          // The id first: bytes of another combinator are refused at their id, not at whatever its fields make of the rest.
          const found = r.end - start >= 4 ? this.nameOf(r.view.getUint32(start, true)) : undefined;
          if (found !== undefined) this.expectCombinator(target.name, found, start);
          const value = this.registry.readObject(r) as { _: string };
          this.expectCombinator(target.name, value._, start);
          return value;
        };
    }
  }

  /** A `combinator` target read a value of another constructor (`found`) at `offset`: WRONG_CONSTRUCTOR. */
  expectCombinator(name: string, found: string, offset: number): void {
    if (found === name) return;
    const e = new TlDecodeError('WRONG_CONSTRUCTOR', offset, `expected ${name}, found ${found}`, this.idOf(found));
    e.constructorName = found;
    throw e;
  }

  /**
   * The reader of a decode: a lenient decode of any Object keeps unknown objects of known
   * length (msg_container items, an rpc_result's result) as unknown nodes.
   */
  private decodeReader(request: DecodeRequest): (r: Reader) => unknown {
    if (request.strict === false && (request.as ?? 'Object') === 'Object') return this.readLenient;
    return this.reader(request.as);
  }

  /**
   * Decodes a whole buffer; bytes left over are an error. With `strict: false`, an unknown
   * constructor inside an object of known length keeps that object as an unknown node
   * (`{ _: 'unknown', id, bytes }`), which {@link encode} writes back unchanged.
   */
  decode<A extends string = 'Object', Strict extends boolean | undefined = undefined>(bytes: Uint8Array, request: TypedDecodeRequest<A, Strict> = {}): Decoded<Value, Types, A, Strict> {
    try {
      return deserialize(this.decodeReader(request), bytes, request) as Decoded<Value, Types, A, Strict>;
    } catch (e) {
      throw this.refineError(e);
    }
  }

  /** Decodes a value at the front of a buffer and says how many bytes it took. */
  decodePrefix<A extends string = 'Object', Strict extends boolean | undefined = undefined>(
    bytes: Uint8Array,
    request: TypedDecodeRequest<A, Strict> = {},
  ): { value: Decoded<Value, Types, A, Strict>; consumed: number } {
    try {
      return deserializePrefix(this.decodeReader(request), bytes, request) as { value: Decoded<Value, Types, A, Strict>; consumed: number };
    } catch (e) {
      throw this.refineError(e);
    }
  }

  /**
   * Tells apart an id (or `_`) of another type from one the layer does not have at all, and
   * names this layer in an unknown id's error: `unknown constructor 0xb1b8cc83 in layer 133`.
   */
  refineError(e: unknown): unknown {
    if (e instanceof TlDecodeError && e.code === 'UNKNOWN_CONSTRUCTOR' && e.constructorId !== undefined) {
      const name = this.nameOf(e.constructorId);
      if (name) {
        e.code = 'WRONG_CONSTRUCTOR';
        e.constructorName = name;
      } else if (e.expectedType !== undefined && e.detail === unknownIdDetail(e.constructorId, e.expectedType)) {
        e.detail = `unknown constructor ${hexId(e.constructorId)} in layer ${this.layer}${e.expectedType === 'Object' ? '' : ` (expected ${e.expectedType})`}`;
      }
    }
    if (e instanceof TlEncodeError && e.code === 'WRONG_CONSTRUCTOR' && e.offending !== undefined && this.idOf(e.offending) === undefined) {
      e.code = 'UNKNOWN_CONSTRUCTOR';
    }
    return e;
  }
}

/**
 * A layer with its model: everything {@link LayerCodec} does, the canonical JSON mapping, typed
 * targets and {@link is}.
 *
 * `Value` is the layer's `TlObject`, taken from the registry: `new TlLayer(registry, model)`
 * decodes `{ as: 'messages.getStatsURL' }` as `messages_getStatsURL` and refuses to encode what
 * no constructor or function has. `Types` is the layer's generated `TlTypes` (each boxed type
 * by its TL name): with it, {@link is} narrows values and `{ as: 'User' }` decodes as `User`:
 * `new TlLayer<TlTypes, TlObject>(registry, model)`.
 */
// `any` by default, so that a typed layer goes wherever a TlLayer does (TypeOf keeps `is` from narrowing to any).
export class TlLayer<Types extends object = any, Value = any> extends LayerCodec<Value, Types> {
  readonly json: JsonMapping;
  /** The constructor names of each boxed type, built on the first {@link is}. */
  private members: Map<string, ReadonlySet<string>> | undefined;

  constructor(
    registry: LayerRegistry<Value>,
    readonly model: LayerModel,
  ) {
    super(registry);
    this.json = new JsonMapping(model);
  }

  /**
   * Whether `v` is a value of the boxed type `type`: an object whose `_` is one of that type's
   * constructors. It narrows what decoding gives as `unknown` or `TlObject` (Object fields,
   * lenient decoding with its unknown nodes, a MultiLayer) without a cast. False for a type the
   * layer does not have.
   */
  is<K extends keyof Types & string>(v: unknown, type: K): v is TypeOf<Types, K> {
    if (!this.members) {
      const nameOf = new Map(this.model.combinators.map((c) => [c.ident, c.name]));
      this.members = new Map(Object.entries(this.model.types).map(([t, idents]) => [t, new Set(idents.map((ident) => nameOf.get(ident)!))]));
    }
    const name = (v as { _?: unknown } | null)?._;
    return typeof name === 'string' && this.members.get(type)?.has(name) === true;
  }

  /** {@link LayerCodec.target}, with a vector target's wire type. */
  override target(as = 'Object'): TypedDecodeTarget {
    const target = super.target(as);
    return target.kind === 'vector' ? { ...target, type: this.json.vectorType(target.text)! } : target;
  }

  /** Canonical JSON -> bytes. */
  encodeJson(json: unknown): Uint8Array {
    try {
      return this.encode(this.json.fromJson(json) as Value);
    } catch (e) {
      throw this.refineError(e);
    }
  }

  /**
   * A value -> canonical JSON (long as a decimal string, bytes as hex, `_` kept), ready for
   * `JSON.stringify`: the same JSON {@link decodeJson} gives for the value's bytes.
   */
  toJson(value: Value): unknown {
    return this.json.toJson(value, { k: 'object' });
  }

  /** Bytes -> canonical JSON. */
  decodeJson(bytes: Uint8Array, request: DecodeRequest = {}): unknown {
    return this.json.toJson(this.decode(bytes, request), this.targetWireType(request.as));
  }

  /** The wire type a decode target's value has, for its JSON: a vector type, else any Object. */
  targetWireType(as = 'Object'): WireType {
    return this.json.vectorType(as) ?? { k: 'object' };
  }
}
