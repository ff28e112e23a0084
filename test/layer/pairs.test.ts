import { describe, expect, it } from 'vitest';
import { identOf } from '../../src/tl/names.js';
import { fnv1a, mulberry32, RandomValues } from '../../src/conformance/random-value.js';
import * as layer133 from '../../src/generated/layer133/index.js';
import * as layer228 from '../../src/generated/layer228/index.js';
import { TlDecodeError } from '../../src/runtime/errors.js';
import { deserialize, type Reader } from '../../src/runtime/reader.js';
import { serialize, type Writer } from '../../src/runtime/writer.js';
import { sameValue } from '../../src/values.js';
import { LAYERS } from '../helpers.js';

type Codecs = Record<string, unknown>;
const MODULES: Record<133 | 228, Codecs> = { 133: layer133, 228: layer228 };

function pair(module: Codecs, write: string, read: string): { write: (w: Writer, v: unknown) => void; read: (r: Reader) => unknown } {
  const writer = module[write];
  const reader = module[read];
  if (typeof writer !== 'function' || typeof reader !== 'function') throw new Error(`no ${write} / ${read} pair`);
  return { write: writer as (w: Writer, v: unknown) => void, read: reader as (r: Reader) => unknown };
}

// The documented pairs (README, "From code"), for every function and constructor of both layers:
// a function's write_/read_ and a boxed type's write_Type/read_Type carry the id, a constructor's
// writeBare_/readBare_ do not. Each round-trips, and its bytes are the by-name encoding's (bare: less the id).
for (const number of [133, 228] as const) {
  const layer = LAYERS[number];
  const module = MODULES[number];
  const combinators = layer.model.combinators.filter((c) => c.id !== undefined);
  const random = (label: string): RandomValues => {
    const rand = mulberry32(fnv1a(`pairs|${number}|${label}`));
    return new RandomValues(layer.model, () => rand(), { flags: 'random', measure: (body) => layer.encode(body).length });
  };

  describe(`layer ${number}: the names tell bare from boxed`, () => {
    it('no export differs from another only by letter case', () => {
      const byLowerCase = new Map<string, string[]>();
      for (const name of Object.keys(module)) byLowerCase.set(name.toLowerCase(), [...(byLowerCase.get(name.toLowerCase()) ?? []), name]);
      expect([...byLowerCase.values()].filter((names) => names.length > 1)).toEqual([]);
    });

    it('every constructor, the envelope too, has writeBare_ and readBare_, and no write_ or read_ of its own', () => {
      const constructors = layer.model.combinators.filter((c) => c.kind === 'constructor');
      expect(constructors.some((c) => c.id === undefined)).toBe(true);
      for (const c of constructors) {
        expect([typeof module[`writeBare_${c.ident}`], typeof module[`readBare_${c.ident}`]], c.name).toEqual(['function', 'function']);
        expect([module[`write_${c.ident}`], module[`read_${c.ident}`]], c.name).toEqual([undefined, undefined]);
      }
    });
  });

  describe(`layer ${number}: every writer/reader pair round-trips`, () => {
    it('functions: write_ and read_ both boxed', () => {
      const functions = combinators.filter((c) => c.kind === 'function');
      expect(functions.length).toBeGreaterThan(number === 133 ? 400 : 800);
      for (const c of functions) {
        const value = random(c.name).combinator(c);
        const { write, read } = pair(module, `write_${c.ident}`, `read_${c.ident}`);
        const bytes = serialize(write, value);
        expect(bytes, c.name).toEqual(layer.encode(value));
        const decoded = deserialize(read, bytes);
        if (!sameValue(decoded, value)) expect(decoded, c.name).toEqual(value);
      }
    });

    it('constructors: writeBare_ and readBare_ both bare, write_Type and read_Type both boxed', () => {
      const constructors = combinators.filter((c) => c.kind === 'constructor');
      const typeOf = new Map(Object.entries(layer.model.types).flatMap(([type, idents]) => idents.map((ident) => [ident, type] as const)));
      for (const c of constructors) {
        const value = random(c.name).combinator(c);
        const boxed = layer.encode(value);
        const bare = pair(module, `writeBare_${c.ident}`, `readBare_${c.ident}`);
        const bytes = serialize(bare.write, value);
        expect(bytes, c.name).toEqual(boxed.subarray(4));
        const decoded = deserialize(bare.read, bytes);
        if (!sameValue(decoded, value)) expect(decoded, c.name).toEqual(value);
        const type = typeOf.get(c.ident)!;
        if (type === 'Bool') continue; // a JS boolean, through writeBool / readBool
        const dispatch = pair(module, `write_${identOf(type)}`, `read_${identOf(type)}`);
        expect(serialize(dispatch.write, value), `${type} ${c.name}`).toEqual(boxed);
        if (!sameValue(deserialize(dispatch.read, boxed), value)) expect(deserialize(dispatch.read, boxed)).toEqual(value);
      }
    });
  });
}

describe('a boxed function reader', () => {
  it('refuses the bytes of another constructor at its id', () => {
    const other = LAYERS[133].encode({ _: 'messages.getOnlines', peer: { _: 'inputPeerSelf' } });
    expect(() => deserialize(layer133.read_messages_getStatsURL, other)).toThrow(TlDecodeError);
    expect(() => deserialize(layer133.read_messages_getStatsURL, other)).toThrow('expected messages.getStatsURL (0x812c2ae6), found 0x6e2be050 (at offset 0)');
  });
});
