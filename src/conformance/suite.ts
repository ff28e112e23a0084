import { concatBytes, formatId, hexId, toHex } from '../common/bytes.js';
import type { TlLayer } from '../layer.js';
import { formatPath, TlDecodeError, type PathSegment } from '../runtime/errors.js';
import { indexLayer, minSize, type LayerIndex, type CombinatorModel, type WireType } from '../tl/model.js';
import { schemaOf, type NegativeCase, type PositiveCase } from './cases.js';
import { ValueLayout, type LayoutRow } from './layout.js';
import { DOUBLES, fnv1a, INTS, LENGTHS, LONGS, mulberry32, RandomValues, type FlagsMode, type PinnedValues, type RandomValueOptions } from './random-value.js';

export interface SuiteOptions {
  /** Any text; the same seed gives the same cases. */
  seed: string;
  /** Positive cases per combinator. */
  per: number;
}

/** How case `i` of a combinator draws its value. */
export interface CaseProfile {
  flags: FlagsMode;
  pin?: PinnedValues;
}

/**
 * Twelve profiles, repeated when there are more cases: all flags, none, a random mix, then nine
 * more with all flags. The ten all-flags cases pin edge `k` = 0..9 on the combinator's own
 * fields, so that twelve cases give every string and bytes length of LENGTHS, every int, long
 * and double extreme, both Bools, and empty and non-empty vectors.
 */
export const PROFILES_PER_ROUND = 12;

export function caseProfile(i: number): CaseProfile {
  const slot = i % PROFILES_PER_ROUND;
  if (slot === 1) return { flags: 'none' };
  if (slot === 2) return { flags: 'random' };
  const k = slot === 0 ? 0 : slot - 2;
  return {
    flags: 'all',
    pin: { length: LENGTHS[k], int: INTS[k % INTS.length], long: LONGS[k % LONGS.length], double: DOUBLES[k % DOUBLES.length], bool: k % 2 === 0, count: k % 3 },
  };
}

/** The value that negative cases are cut from: every flag set, 5-byte strings (prefix, payload and padding), one element per vector, shallow. */
const NEGATIVE_BASE: PinnedValues = { length: 5, count: 1 };

/** A case tlwire itself gets wrong: a bug in tlwire or in the generator, never dropped silently. */
export class SuiteGenerationError extends Error {
  override readonly name = 'SuiteGenerationError';
}

/** Generates the conformance cases of one layer, combinator by combinator. */
export class SuiteGenerator {
  private readonly layout: ValueLayout;
  private readonly index: LayerIndex;
  private readonly schema: string;
  private readonly constructors: CombinatorModel[];

  constructor(
    readonly layer: TlLayer,
    readonly options: SuiteOptions,
  ) {
    this.layout = new ValueLayout(layer.model);
    this.index = indexLayer(layer.model);
    this.schema = schemaOf(layer.layer);
    this.constructors = layer.model.combinators.filter((c) => c.kind === 'constructor' && c.id !== undefined);
  }

  /** Every combinator that stands on its own (the id-less MTProto envelope only exists inside msg_container). */
  combinators(): CombinatorModel[] {
    return this.layer.model.combinators.filter((c) => c.id !== undefined);
  }

  /** What negative cases of `c` are decoded as: its boxed type if the layer has a codec for it, else its name. */
  decodeTarget(c: CombinatorModel): string {
    return c.kind === 'constructor' && this.layer.typeCodec(c.type) ? c.type : c.name;
  }

  private random(c: CombinatorModel, label: string, options: RandomValueOptions): RandomValues {
    const rand = mulberry32(fnv1a(`${this.options.seed}|${this.layer.layer}|${c.name}|${label}`));
    return new RandomValues(this.layer.model, rand, { ...options, measure: (body) => this.layer.encode(body).length });
  }

  positive(c: CombinatorModel): PositiveCase[] {
    const cases: PositiveCase[] = [];
    for (let i = 0; i < this.options.per; i++) {
      const profile = caseProfile(i);
      const value = this.random(c, String(i), profile).combinator(c);
      const item: PositiveCase = {
        schema: this.schema,
        name: c.name,
        id: formatId(c.id!),
        value: this.layer.json.toJson(value),
        hex: toHex(this.layer.encode(value)),
      };
      this.verifyPositive(item);
      cases.push(item);
    }
    return cases;
  }

  /** Re-reads the case as a peer would: the JSON line must encode to `hex`, and `hex` decode to the value. */
  private verifyPositive(item: PositiveCase): void {
    const line = JSON.parse(JSON.stringify(item)) as PositiveCase;
    const encoded = toHex(this.layer.encodeJson(line.value));
    const decoded = JSON.stringify(this.layer.decodeJson(this.layer.encode(this.layer.json.fromJson(line.value)), { as: item.name }));
    if (encoded !== item.hex || decoded !== JSON.stringify(item.value)) {
      throw new SuiteGenerationError(`${item.name}: the case does not survive its own JSON line (encode ${encoded === item.hex ? 'ok' : 'differs'}, decode ${decoded === JSON.stringify(item.value) ? 'ok' : 'differs'})`);
    }
  }

  negative(c: CombinatorModel): NegativeCase[] {
    const value = this.random(c, 'negative', { flags: 'all', pin: NEGATIVE_BASE, pinNested: true, maxDepth: 1 }).combinator(c);
    const bytes = this.layer.encode(value);
    const top: WireType = c.kind === 'function' ? { k: 'query' } : { k: 'boxed', type: c.type };
    const rows = this.layout.rows(value, top);
    const type = this.decodeTarget(c);
    const seen = new Set<string>();
    const cases: NegativeCase[] = [];
    const add = (hex: Uint8Array, why: string): void => {
      const key = toHex(hex);
      if (seen.has(key)) return;
      seen.add(key);
      cases.push({ schema: this.schema, type, hex: key, error: this.refusal(hex, type, why), why: `${c.name}: ${why}` });
    };
    for (const [at, where] of cutPoints(rows, bytes.length)) add(bytes.subarray(0, at), `cut to ${at} of ${bytes.length} bytes (${where})`);
    this.lengthCases(rows, bytes, add);
    this.countCases(rows, bytes, add);
    this.idCases(c, rows, bytes, add);
    const trailing = new Uint8Array(bytes.length + 4);
    trailing.set(bytes);
    add(trailing, `4 zero bytes after the ${bytes.length}-byte value`);
    return cases;
  }

  /** tlwire's own refusal of a negative case, as its lowercase code; accepting it is a generation error. */
  private refusal(bytes: Uint8Array, type: string, why: string): string {
    try {
      this.layer.decode(bytes, { as: type });
    } catch (e) {
      if (e instanceof TlDecodeError) return e.code.toLowerCase();
      throw e;
    }
    throw new SuiteGenerationError(`tlwire accepts a negative case it generated (${type}: ${why}): ${toHex(bytes)}`);
  }

  /** A string or bytes whose length prefix claims more than the input holds. */
  private lengthCases(rows: LayoutRow[], bytes: Uint8Array, add: (hex: Uint8Array, why: string) => void): void {
    const done = new Set<string>();
    for (const row of rows) {
      if (row.prefix === undefined || !firstOfPattern(done, row.path)) continue;
      const left = bytes.length - row.offset;
      const name = describeField(row);
      if (row.prefix === 1 && left < 256) {
        // One byte of 253 needs 256 bytes with the prefix and padding: more than are left.
        const out = bytes.slice();
        out[row.offset] = 253;
        add(out, `${name} claims 253 bytes, ${left - 1} follow`);
      } else {
        const out = concatBytes(bytes.subarray(0, row.offset), Uint8Array.of(0xfe, 0xff, 0xff, 0xff), bytes.subarray(row.offset + row.prefix));
        add(out, `${name} claims 16777215 bytes (0xfe prefix), ${out.length - row.offset - 4} follow`);
      }
    }
  }

  /** A vector count one more than the bytes left can hold; for the first vector also 2^31-1 and -1. */
  private countCases(rows: LayoutRow[], bytes: Uint8Array, add: (hex: Uint8Array, why: string) => void): void {
    const done = new Set<string>();
    let first = true;
    for (const row of rows) {
      if (row.kind !== 'count' || !firstOfPattern(done, row.path)) continue;
      const name = describeField(rows.find((r) => r.kind === 'vector' && r.path === row.path)!);
      const left = bytes.length - row.offset - 4;
      const size = minSize(row.element!, this.index);
      const withCount = (count: number): Uint8Array => {
        const out = bytes.slice();
        new DataView(out.buffer).setInt32(row.offset, count, true);
        return out;
      };
      // Elements of no bytes could all fit; then only the huge counts below are certain refusals.
      if (size > 0) add(withCount(Math.floor(left / size) + 1), `${name} counts ${Math.floor(left / size) + 1} elements of at least ${size} bytes, ${left} bytes follow`);
      if (first) {
        add(withCount(0x7fffffff), `${name} counts 2147483647 elements, ${left} bytes follow (must fail without allocating)`);
        add(withCount(-1), `${name} counts -1 (0xffffffff) elements`);
        first = false;
      }
    }
  }

  /** Ids no constructor of the layer has, and ids of a constructor of another type, at every id position. */
  private idCases(c: CombinatorModel, rows: LayoutRow[], bytes: Uint8Array, add: (hex: Uint8Array, why: string) => void): void {
    const done = new Set<string>();
    for (const row of rows) {
      const isId = row.kind === 'id' || row.kind === 'vector-id' || (row.kind === 'value' && row.tlType === 'Bool');
      if (!isId || !firstOfPattern(done, row.path)) continue;
      const where = row.path.length ? describeField(row) : `the ${c.kind} id`;
      const withId = (id: number): Uint8Array => {
        const out = bytes.slice();
        new DataView(out.buffer).setUint32(row.offset, id, true);
        return out;
      };
      const unknown = this.unknownId(`${c.name}|${formatPath(row.path)}`);
      add(withId(unknown), `${where} is ${hexId(unknown)}, an id no constructor of layer ${this.layer.layer} has`);
      const wrong = this.wrongTypeConstructor(row, c.name);
      if (wrong) add(withId(wrong.id!), `${where} is ${hexId(wrong.id!)}, the id of ${wrong.name} (type ${wrong.type}), where ${expectedText(row)} belongs`);
    }
  }

  private unknownId(label: string): number {
    let id = fnv1a(label);
    while (this.layer.nameOf(id) !== undefined) id = (id + 1) >>> 0;
    return id;
  }

  /** A constructor that does not belong at this id position; none for `Object`, where anything does. */
  private wrongTypeConstructor(row: LayoutRow, label: string): CombinatorModel | undefined {
    let candidates: CombinatorModel[];
    if (row.kind === 'vector-id') candidates = this.constructors;
    else if (row.kind === 'value') candidates = this.constructors.filter((k) => k.type !== 'Bool');
    else if (row.expects?.k === 'boxed') candidates = this.constructors.filter((k) => k.type !== (row.expects as { type: string }).type);
    else if (row.expects?.k === 'query') candidates = this.constructors;
    else return undefined;
    return candidates[fnv1a(`${label}|${formatPath(row.path)}|wrong`) % candidates.length];
  }
}

function expectedText(row: LayoutRow): string {
  if (row.kind === 'vector-id') return 'the Vector id 0x1cb5c415';
  if (row.kind === 'value') return 'boolTrue or boolFalse';
  return row.expects?.k === 'query' ? 'a function' : `a value of type ${row.tlType}`;
}

/** `url (string) of statsURL` */
function describeField(row: LayoutRow): string {
  return `${formatPath(row.path)} (${row.tlType}${row.owner ? ` of ${row.owner}` : ''})`;
}

/** True the first time a path pattern (vector indexes as `*`) is seen: one case per field, not per element. */
function firstOfPattern(done: Set<string>, path: readonly PathSegment[]): boolean {
  const pattern = path.map((s) => (typeof s === 'number' ? '*' : s)).join('.');
  if (done.has(pattern)) return false;
  done.add(pattern);
  return true;
}


/**
 * Every offset short of the end where a field starts or ends, plus the inner boundaries of
 * strings (after the length prefix, before the padding) and one byte short; each with what is
 * there, in offset order.
 */
export function cutPoints(rows: readonly LayoutRow[], total: number): Map<number, string> {
  const points = new Map<number, string>();
  const note = (at: number, text: string): void => {
    if (at >= 0 && at < total && !points.has(at)) points.set(at, text);
  };
  note(0, 'empty input');
  for (const row of rows) {
    if (row.length === 0 || row.offset === 0) continue;
    const what = row.kind === 'id' ? `the constructor id of ${formatPath(row.path)}` : row.kind === 'count' ? `the count of ${formatPath(row.path)}` : row.kind === 'vector-id' ? `the Vector id of ${formatPath(row.path)}` : formatPath(row.path);
    note(row.offset, `before ${what}`);
  }
  for (const row of rows) {
    if (row.prefix === undefined) continue;
    note(row.offset + row.prefix, `after the length prefix of ${formatPath(row.path)}, ${row.payload} bytes announced`);
    if (row.offset + row.prefix + row.payload! < row.offset + row.length) note(row.offset + row.prefix + row.payload!, `after the payload of ${formatPath(row.path)}, before its padding`);
  }
  note(total - 1, '1 byte short');
  return new Map([...points].sort((a, b) => a[0] - b[0]));
}
