import type { CombinatorModel, FieldModel, LayerModel, WireType } from '../tl/model.js';

/** mulberry32: a small, fast, seedable PRNG; the same seed gives the same values everywhere. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of a string: turns a case label into a seed. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** How a random value sets its flags: every bit, none, or each bit by a coin. */
export type FlagsMode = 'all' | 'none' | 'random';

export interface RandomValueOptions {
  flags?: FlagsMode;
  /** Objects nest at most this deep before the generator picks the simplest constructors. */
  maxDepth?: number;
  /** Serializes an `Object` body, to fill the MTProto envelope's derived `bytes` field. */
  measure?: (body: unknown) => number;
  /** Edge values forced on the top-level combinator's own fields; nested objects stay random. */
  pin?: PinnedValues;
  /** Force `pin` on the fields of nested objects too: small, predictable values throughout. */
  pinNested?: boolean;
}

/**
 * Values that one case forces on every field of its combinator (vector elements included), so
 * that a schedule of cases walks each edge deterministically instead of hoping a coin hits it.
 */
export interface PinnedValues {
  /** UTF-8 length of every `string`, length of every `bytes`. */
  length?: number;
  int?: number;
  long?: bigint;
  double?: number;
  bool?: boolean;
  /** Element count of every vector. */
  count?: number;
}

export const INTS: readonly number[] = [0, 1, -1, 2147483647, -2147483648];
export const LONGS: readonly bigint[] = [0n, 1n, -1n, 9223372036854775807n, -9223372036854775808n, 4294967296n, 4294967295n];
export const DOUBLES: readonly number[] = [0, 1.5, -2.25, 5e-324, Number.MAX_VALUE, -Number.MAX_VALUE];
/** Around the 1-byte length prefix limit (253, then 0xfe), every padding remainder, and long. */
export const LENGTHS: readonly number[] = [0, 1, 2, 3, 4, 5, 253, 254, 255, 1000];
/** Text that exercises UTF-8: 1-, 2-, 3- and 4-byte sequences, and NUL. */
const ALPHABET = ['a', 'Z', '0', ' ', '=', 'é', 'д', '中', '😀', '\u0000'];

/** What the generator looks up in a layer, computed once per model and shared by every instance. */
interface ModelIndex {
  byIdent: Map<string, CombinatorModel>;
  byType: Map<string, CombinatorModel[]>;
  /** How many objects the smallest value of each combinator needs: steers deep values to leaves. */
  cost: Map<string, number>;
  /** Boxed constructors and functions of cost <= 2: the candidates for `Object` fields. */
  cheapObjects: CombinatorModel[];
  /** Functions of cost <= 2: the candidates for `!X` fields. */
  cheapFunctions: CombinatorModel[];
}

const indexes = new WeakMap<LayerModel, ModelIndex>();

function indexOf(model: LayerModel): ModelIndex {
  let index = indexes.get(model);
  if (!index) {
    const byIdent = new Map(model.combinators.map((c) => [c.ident, c]));
    const byType = new Map(Object.entries(model.types).map(([type, idents]) => [type, idents.map((i) => byIdent.get(i)!)]));
    const cost = computeCosts(model, byType);
    const cheap = (c: CombinatorModel): boolean => (cost.get(c.ident) ?? Infinity) <= 2;
    index = {
      byIdent,
      byType,
      cost,
      cheapObjects: model.combinators.filter((c) => c.id !== undefined && cheap(c)),
      cheapFunctions: model.combinators.filter((c) => c.kind === 'function' && cheap(c)),
    };
    indexes.set(model, index);
  }
  return index;
}

function computeCosts(model: LayerModel, byType: Map<string, CombinatorModel[]>): Map<string, number> {
  const cost = new Map<string, number>();
  // Bellman-Ford style: repeat until no cost drops; unreachable recursion stays Infinity.
  const typeCost = (type: string): number => Math.min(...(byType.get(type) ?? []).map((c) => cost.get(c.ident) ?? Infinity));
  const wireCost = (t: WireType): number => {
    switch (t.k) {
      case 'boxed':
        return typeCost(t.type);
      case 'bare':
        return cost.get(t.ctor) ?? Infinity;
      case 'object':
      case 'query':
        return 1;
      default:
        return 0; // vectors may be empty
    }
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const c of model.combinators) {
      const total = 1 + c.fields.reduce((sum, f) => sum + (f.flag ? 0 : wireCost(f.type)), 0);
      if (total < (cost.get(c.ident) ?? Infinity)) {
        cost.set(c.ident, total);
        changed = true;
      }
    }
  }
  return cost;
}

/**
 * Seeded random values for every constructor and function of a layer, valid by construction:
 * the basis of the round-trip tests, the property tests and `tlwire vectors`.
 */
export class RandomValues {
  private readonly index: ModelIndex;

  constructor(
    readonly model: LayerModel,
    private readonly rand: () => number,
    private readonly options: RandomValueOptions = {},
  ) {
    this.index = indexOf(model);
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rand() * items.length)];
  }

  private int(): number {
    return this.rand() < 0.5 ? this.pick(INTS) : (Math.floor(this.rand() * 2 ** 32) | 0);
  }

  private long(): bigint {
    if (this.rand() < 0.5) return this.pick(LONGS);
    const hi = BigInt(Math.floor(this.rand() * 2 ** 32));
    const lo = BigInt(Math.floor(this.rand() * 2 ** 32));
    return BigInt.asIntN(64, (hi << 32n) | lo);
  }

  private bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    const fill = this.rand();
    for (let i = 0; i < n; i++) out[i] = fill < 0.1 ? 0 : fill < 0.2 ? 0xff : Math.floor(this.rand() * 256);
    return out;
  }

  private length(): number {
    return this.rand() < 0.8 ? Math.floor(this.rand() * 6) : this.pick(LENGTHS);
  }

  private string(): string {
    const n = this.length();
    let s = '';
    while (s.length < n) s += this.rand() < 0.7 ? String.fromCharCode(97 + Math.floor(this.rand() * 26)) : this.pick(ALPHABET);
    return s;
  }

  /** A string of exactly `n` UTF-8 bytes: the length prefix boundaries are about bytes, not characters. */
  private stringOfUtf8Length(n: number): string {
    let s = '';
    let left = n;
    while (left > 0) {
      const c = this.rand() < 0.7 ? String.fromCharCode(97 + Math.floor(this.rand() * 26)) : this.pick(ALPHABET);
      const size = utf8Length(c);
      if (size > left) continue;
      s += c;
      left -= size;
    }
    return s;
  }

  /** A value of wire type `t` at nesting `depth`. */
  value(t: WireType, depth = 0): unknown {
    return this.draw(t, depth, undefined);
  }

  private draw(t: WireType, depth: number, pin: PinnedValues | undefined): unknown {
    switch (t.k) {
      case 'int':
        return pin?.int ?? this.int();
      case 'long':
        return pin?.long ?? this.long();
      case 'double':
        if (pin?.double !== undefined) return pin.double;
        return this.rand() < 0.5 ? this.pick(DOUBLES) : (this.rand() - 0.5) * 1e6;
      case 'int128':
        return this.bytes(16);
      case 'int256':
        return this.bytes(32);
      case 'string':
        return pin?.length === undefined ? this.string() : this.stringOfUtf8Length(pin.length);
      case 'bytes':
        return this.bytes(pin?.length ?? this.length());
      case 'bool':
        return pin?.bool ?? this.rand() < 0.5;
      case 'true':
        return true;
      case 'flags':
        return undefined;
      case 'vector': {
        // Past the depth limit vectors are empty, pinned or not, so that recursive types end.
        const n = depth >= (this.options.maxDepth ?? 3) ? 0 : (pin?.count ?? Math.floor(this.rand() * 4));
        return Array.from({ length: n }, () => this.draw(t.of, depth + 1, pin));
      }
      case 'boxed':
        return this.combinator(this.choose(this.index.byType.get(t.type)!, depth), depth + 1);
      case 'bare':
        return this.combinator(this.index.byIdent.get(t.ctor)!, depth + 1);
      case 'object':
        return this.combinator(this.choose(this.index.cheapObjects, depth), depth + 1);
      case 'query':
        return this.combinator(this.choose(this.index.cheapFunctions, depth), depth + 1);
    }
  }

  /** A random constructor, or past the depth limit the cheapest one, so that values end. */
  private choose(candidates: CombinatorModel[], depth: number): CombinatorModel {
    if (depth < (this.options.maxDepth ?? 3)) return this.pick(candidates);
    const { cost } = this.index;
    return candidates.reduce((best, c) => ((cost.get(c.ident) ?? Infinity) < (cost.get(best.ident) ?? Infinity) ? c : best));
  }

  /** A whole value of combinator `c`: `{ _: name, ...fields }`, flags per the mode. */
  combinator(c: CombinatorModel, depth = 0): Record<string, unknown> {
    const mode = depth === 0 ? (this.options.flags ?? 'random') : 'random';
    const bits = new Map<string, boolean>();
    const bitOf = (f: FieldModel): boolean => {
      const key = `${f.flag!.key}.${f.flag!.bit}`;
      if (!bits.has(key)) bits.set(key, mode === 'all' ? true : mode === 'none' ? false : this.rand() < 0.5);
      return bits.get(key)!;
    };
    const pin = depth === 0 || this.options.pinNested ? this.options.pin : undefined;
    const out: Record<string, unknown> = { _: c.name };
    for (const f of c.fields) {
      if (f.type.k === 'flags') continue;
      if (f.flag && !bitOf(f)) continue;
      out[f.key] = this.draw(f.type, depth, pin);
    }
    if (c.ident === 'message_envelope' && this.options.measure) out.bytes = this.options.measure(out.body);
    return out;
  }
}

function utf8Length(c: string): number {
  const code = c.codePointAt(0)!;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}
