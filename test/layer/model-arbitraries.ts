import fc from 'fast-check';
import type { CombinatorModel, FieldModel, LayerModel, WireType } from '../../src/tl/model.js';

/** Objects nest this deep at most; past it vectors are empty and types take their simplest constructor. */
const MAX_DEPTH = 2;

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/**
 * Strings that cross every boundary of the string codec: short ones (encoded by hand), ones
 * around 32 and 84 UTF-16 units (where the encoder changes path and, for multi-byte text,
 * the prefix grows to 4 bytes) and ASCII around the 253/254-byte prefix switch.
 */
const stringArb = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 28, maxLength: 90 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', minLength: 250, maxLength: 258 }) },
);
const bytesArb = fc.oneof(
  { weight: 4, arbitrary: fc.uint8Array({ maxLength: 9 }) },
  { weight: 1, arbitrary: fc.uint8Array({ minLength: 250, maxLength: 258 }) },
);

/**
 * fast-check arbitraries for every combinator of a layer, built from its model: each value is
 * valid by construction (flag bits shared by several fields are all set or all clear, the
 * envelope's `bytes` is its body's length), so every one must round-trip.
 */
export class ModelArbitraries {
  private readonly byIdent = new Map<string, CombinatorModel>();
  private readonly byType = new Map<string, CombinatorModel[]>();
  private readonly functions: CombinatorModel[];
  /** Objects in the smallest value of each combinator: steers values past MAX_DEPTH to leaves. */
  private readonly cost = new Map<string, number>();
  private readonly memo = new Map<string, fc.Arbitrary<Record<string, unknown>>>();

  constructor(
    readonly model: LayerModel,
    /** Encodes an `Object` value: the MTProto envelope's `bytes` is its body's length. */
    private readonly measure: (body: unknown) => number,
  ) {
    for (const c of model.combinators) this.byIdent.set(c.ident, c);
    for (const [type, idents] of Object.entries(model.types)) this.byType.set(type, idents.map((i) => this.byIdent.get(i)!));
    this.functions = model.combinators.filter((c) => c.kind === 'function');
    this.computeCosts();
  }

  private computeCosts(): void {
    const typeCost = (type: string): number => Math.min(...(this.byType.get(type) ?? []).map((c) => this.cost.get(c.ident) ?? Infinity));
    const wireCost = (t: WireType): number => {
      if (t.k === 'boxed') return typeCost(t.type);
      if (t.k === 'bare') return this.cost.get(t.ctor) ?? Infinity;
      return t.k === 'object' || t.k === 'query' ? 1 : 0;
    };
    for (let changed = true; changed; ) {
      changed = false;
      for (const c of this.model.combinators) {
        const total = 1 + c.fields.reduce((sum, f) => sum + (f.flag ? 0 : wireCost(f.type)), 0);
        if (total < (this.cost.get(c.ident) ?? Infinity)) {
          this.cost.set(c.ident, total);
          changed = true;
        }
      }
    }
  }

  /** Any of `candidates`, or past MAX_DEPTH only the cheapest, so that values end. */
  private oneOf(candidates: CombinatorModel[], depth: number): fc.Arbitrary<Record<string, unknown>> {
    let pool = candidates;
    if (depth >= MAX_DEPTH) {
      const least = Math.min(...candidates.map((c) => this.cost.get(c.ident) ?? Infinity));
      pool = candidates.filter((c) => this.cost.get(c.ident) === least);
    }
    // Built lazily: a type with hundreds of constructors only builds the ones drawn.
    return fc.nat(pool.length - 1).chain((i) => this.combinator(pool[i], depth));
  }

  private value(t: WireType, depth: number): fc.Arbitrary<unknown> {
    switch (t.k) {
      case 'int':
        return fc.integer();
      case 'long':
        return fc.bigInt({ min: LONG_MIN, max: LONG_MAX });
      case 'double':
        return fc.double();
      case 'int128':
        return fc.uint8Array({ minLength: 16, maxLength: 16 });
      case 'int256':
        return fc.uint8Array({ minLength: 32, maxLength: 32 });
      case 'string':
        return stringArb;
      case 'bytes':
        return bytesArb;
      case 'bool':
        return fc.boolean();
      case 'true':
        return fc.constant(true);
      case 'flags':
        return fc.constant(undefined);
      case 'vector':
        return depth >= MAX_DEPTH ? fc.constant([]) : fc.array(this.value(t.of, depth + 1), { maxLength: 3 });
      case 'boxed':
        return this.oneOf(this.byType.get(t.type)!, depth + 1);
      case 'bare':
        return this.combinator(this.byIdent.get(t.ctor)!, depth + 1);
      case 'object':
        return this.oneOf(
          this.model.combinators.filter((c) => c.id !== undefined && (this.cost.get(c.ident) ?? Infinity) <= 2),
          depth + 1,
        );
      case 'query':
        return this.oneOf(
          this.functions.filter((c) => (this.cost.get(c.ident) ?? Infinity) <= 2),
          depth + 1,
        );
    }
  }

  /** Values of combinator `c` (`{ _: name, ...fields }`) at nesting `depth`. */
  combinator(c: CombinatorModel, depth = 0): fc.Arbitrary<Record<string, unknown>> {
    const key = `${c.ident}|${Math.min(depth, MAX_DEPTH)}`;
    let arb = this.memo.get(key);
    if (!arb) {
      arb = this.build(c, depth);
      this.memo.set(key, arb);
    }
    return arb;
  }

  private build(c: CombinatorModel, depth: number): fc.Arbitrary<Record<string, unknown>> {
    const required: FieldModel[] = [];
    // Fields under the same flag bit are present together or not at all.
    const groups = new Map<string, FieldModel[]>();
    for (const f of c.fields) {
      if (f.type.k === 'flags') continue;
      if (!f.flag) required.push(f);
      else groups.set(`${f.flag.key}.${f.flag.bit}`, [...(groups.get(`${f.flag.key}.${f.flag.bit}`) ?? []), f]);
    }
    const fieldsOf = (fields: FieldModel[]): fc.Arbitrary<Record<string, unknown>> =>
      fc.record(Object.fromEntries(fields.map((f) => [f.key, this.value(f.type, depth)])));
    const parts = [fieldsOf(required), ...[...groups.values()].map((g) => fc.option(fieldsOf(g), { nil: undefined }))];
    return fc.tuple(...parts).map((chunks) => {
      const out: Record<string, unknown> = { _: c.name };
      for (const chunk of chunks) if (chunk) Object.assign(out, chunk);
      if (c.ident === 'message_envelope') out.bytes = this.measure(out.body);
      return out;
    });
  }
}
