import { holdsUnknown } from './known-length.js';
import type { DecodeRequest, TlLayer } from './layer.js';
import { TlDecodeError, TlEncodeError } from './runtime/errors.js';

/** The property a decoded value's layer is kept in, where the layers disagree about it. */
export const LAYER_TAG: unique symbol = Symbol.for('tlwire.layer');

/** The JSON key of that tag in {@link MultiLayer.decodeJson}; no TL field key starts with `_`. */
export const JSON_LAYER_KEY = '_layer';

type Tagged = { [LAYER_TAG]?: number };

/**
 * Several layers at once, for peers on different layers and stored data of older ones. A value
 * is decoded by the first layer, in the order given, that decodes it whole (in lenient decoding,
 * one that needs no unknown nodes first); every object of a constructor the layers disagree
 * about (the same name with another id, or the same id with other fields: two definitions) is
 * tagged with that layer under {@link LAYER_TAG}, and the value itself too when it holds one.
 * Encoding uses a value's tag; an untagged value goes to the first layer that encodes it,
 * trying first the layers that define every field its contested objects set.
 */
export class MultiLayer {
  /** The names the layers define differently (by their canonical schema lines). */
  readonly contested: ReadonlySet<string>;

  constructor(readonly layers: readonly TlLayer[]) {
    if (layers.length === 0) throw new RangeError('a MultiLayer needs at least one layer');
    const numbers = layers.map((l) => l.layer);
    if (new Set(numbers).size !== numbers.length) throw new RangeError(`layers given twice: ${numbers.join(', ')}`);
    const lines = new Map<string, string>();
    const contested = new Set<string>();
    for (const layer of layers) {
      for (const c of layer.model.combinators) {
        const seen = lines.get(c.name);
        if (seen === undefined) lines.set(c.name, c.line);
        else if (seen !== c.line) contested.add(c.name);
      }
    }
    this.contested = contested;
  }

  /** The layer of that number, if it is one of these. */
  get(layer: number): TlLayer | undefined {
    return this.layers.find((l) => l.layer === layer);
  }

  /** The layer a value (or the first object inside it) is tagged with, if any. */
  tagOf(value: unknown): number | undefined {
    if (typeof value !== 'object' || value === null || value instanceof Uint8Array) return undefined;
    const own = (value as Tagged)[LAYER_TAG];
    if (own !== undefined) return own;
    for (const v of Array.isArray(value) ? value : Object.values(value)) {
      const inner = this.tagOf(v);
      if (inner !== undefined) return inner;
    }
    return undefined;
  }

  /** Decodes with the first layer that can, and says which one it was; the value is tagged where the layers disagree. */
  decodeWithLayer(bytes: Uint8Array, request: DecodeRequest = {}): { layer: TlLayer; value: unknown } {
    let fallback: { layer: TlLayer; value: unknown } | undefined;
    const errors: TlDecodeError[] = [];
    for (const layer of this.layers) {
      let value: unknown;
      try {
        value = layer.decode(bytes, request);
      } catch (e) {
        if (!(e instanceof TlDecodeError)) throw e;
        errors.push(e);
        continue;
      }
      if (request.strict !== false || !holdsUnknown(value)) return { layer, value: this.tag(value, layer.layer) };
      fallback ??= { layer, value };
    }
    if (fallback) return { layer: fallback.layer, value: this.tag(fallback.value, fallback.layer.layer) };
    throw this.bestError(errors);
  }

  decode(bytes: Uint8Array, request: DecodeRequest = {}): unknown {
    return this.decodeWithLayer(bytes, request).value;
  }

  /** Bytes -> canonical JSON of the layer that decoded them, with `"_layer": N` on a tagged value. */
  decodeJson(bytes: Uint8Array, request: DecodeRequest = {}): unknown {
    const { layer, value } = this.decodeWithLayer(bytes, request);
    const json = layer.json.toJson(value, layer.targetWireType(request.as));
    const tag = (value as Tagged | null)?.[LAYER_TAG];
    return tag === undefined || Array.isArray(json) ? json : { ...(json as object), [JSON_LAYER_KEY]: tag };
  }

  /** Encodes with the layer the value is tagged with, else the first layer that defines its fields and encodes it. */
  encode(value: unknown): Uint8Array {
    return this.encodeWithLayer(value).bytes;
  }

  /** As {@link encode}, and says which layer it was. */
  encodeWithLayer(value: unknown): { layer: TlLayer; bytes: Uint8Array } {
    const tag = this.tagOf(value);
    if (tag !== undefined) {
      const layer = this.tagged(tag);
      return { layer, bytes: layer.encode(value) };
    }
    // A layer's writers ignore keys they do not know: first try the layers that define every field the value uses.
    const fitting = this.layers.filter((layer) => this.fits(layer, value));
    return this.first((layer) => ({ layer, bytes: layer.encode(value) }), fitting.length ? fitting : this.layers);
  }

  /** Whether every object of a contested constructor in `value` sets only fields `layer` defines for it. */
  private fits(layer: TlLayer, value: unknown): boolean {
    if (typeof value !== 'object' || value === null || value instanceof Uint8Array) return true;
    if (Array.isArray(value)) return value.every((v) => this.fits(layer, v));
    const object = value as Record<string, unknown>;
    // A msg_container's envelopes are bare `message`s, not the API's message: only their bodies count.
    if (object._ === 'msg_container' && Array.isArray(object.messages)) return object.messages.every((m) => this.fits(layer, (m as { body?: unknown } | null)?.body));
    if (typeof object._ === 'string' && this.contested.has(object._)) {
      const fields = layer.json.combinator(object._)?.fields.map((f) => f.key);
      if (!fields || Object.keys(object).some((k) => k !== '_' && object[k] !== undefined && !fields.includes(k))) return false;
    }
    return Object.values(object).every((v) => this.fits(layer, v));
  }

  /** Canonical JSON -> bytes: `"_layer": N` picks the layer, else the first layer that takes the JSON. */
  encodeJson(json: unknown): Uint8Array {
    if (typeof json === 'object' && json !== null && Object.hasOwn(json, JSON_LAYER_KEY)) {
      const { [JSON_LAYER_KEY]: tag, ...rest } = json as Record<string, unknown>;
      if (typeof tag !== 'number') throw new TlEncodeError('BAD_VALUE', `"${JSON_LAYER_KEY}" is a layer number, got ${JSON.stringify(tag)}`);
      return this.tagged(tag).encodeJson(rest);
    }
    return this.first((layer) => layer.encodeJson(json));
  }

  private tagged(tag: number): TlLayer {
    const layer = this.get(tag);
    if (!layer) throw new TlEncodeError('BAD_VALUE', `the value is tagged with layer ${tag}, which is not one of ${this.layers.map((l) => l.layer).join(', ')}`);
    return layer;
  }

  private first<T>(encode: (layer: TlLayer) => T, layers: readonly TlLayer[] = this.layers): T {
    let firstError: unknown;
    for (const layer of layers) {
      try {
        return encode(layer);
      } catch (e) {
        if (!(e instanceof TlEncodeError)) throw e;
        firstError ??= e;
      }
    }
    throw firstError;
  }

  /** Tags every object of a contested constructor, and the value when it holds one. */
  private tag<T>(value: T, layer: number): T {
    if (this.contested.size > 0 && this.tagContested(value, layer)) (value as Tagged)[LAYER_TAG] = layer;
    return value;
  }

  private tagContested(value: unknown, layer: number): boolean {
    if (typeof value !== 'object' || value === null || value instanceof Uint8Array) return false;
    let found = false;
    for (const v of Array.isArray(value) ? value : Object.values(value)) found = this.tagContested(v, layer) || found;
    const name = (value as { _?: unknown })._;
    if (typeof name === 'string' && this.contested.has(name)) {
      (value as Tagged)[LAYER_TAG] = layer;
      found = true;
    }
    return found;
  }

  /**
   * The error of the layer that read furthest (the first of them). An id no layer knows says so
   * for all of them: `unknown constructor 0xdeadbeef in layers 133, 228`.
   */
  private bestError(errors: TlDecodeError[]): TlDecodeError {
    const best = errors.reduce((a, b) => (b.offset > a.offset ? b : a));
    const sameUnknown = errors.every((e) => e.code === 'UNKNOWN_CONSTRUCTOR' && e.constructorId === best.constructorId && e.offset === best.offset);
    if (sameUnknown && best.constructorId !== undefined && errors.length > 1) {
      best.detail = best.detail.replace(/ in layer \d+/, ` in layers ${this.layers.map((l) => l.layer).join(', ')}`);
    }
    return best;
  }
}
