/**
 * mtcute as shipped: @mtcute/tl 223's generated reader and writer maps over @mtcute/tl-runtime.
 * Values are converted from tlwire's shape: `long` becomes mtcute's Long, or a number where
 * mtcute's schema says int53 (user, chat and channel ids).
 */
import { createRequire } from 'node:module';
import { TlBinaryReader, TlBinaryWriter, type TlReaderMap, type TlWriterMap } from '@mtcute/tl-runtime';
import type { CombinatorModel, LayerModel } from '../../dist/tl/model.js';
import { combinatorsByName, toPeerShape } from '../lib/model.js';
import { checkAgainstShipped, compileEntry, readerSource, writerSource, type MtcuteEntry, type ShapeCheck } from './mtcute-codegen.js';

const require = createRequire(import.meta.url);
const apiSchema = require('@mtcute/tl/api-schema.json') as { l: number; e: MtcuteEntry[] };
const readers = (require('@mtcute/tl/binary/reader.js') as { __tlReaderMap: TlReaderMap }).__tlReaderMap;
const writers = (require('@mtcute/tl/binary/writer.js') as { __tlWriterMap: TlWriterMap }).__tlWriterMap;

export const MTCUTE_LAYER = apiSchema.l;
const entries = new Map(apiSchema.e.map((e) => [e.name, e]));

/** mtcute's own Long class, taken from a value its reader made (no second copy of `long`). */
type MtcuteLong = ReturnType<TlBinaryReader['long']>;
const LongClass = TlBinaryReader.manual(new Uint8Array(8)).long().constructor as unknown as { fromBits(low: number, high: number): MtcuteLong };

export const mtcute = {
  encode(value: { _: string }): Uint8Array {
    return TlBinaryWriter.serializeObject(writers, value);
  },
  decode(bytes: Uint8Array): unknown {
    return TlBinaryReader.deserializeObject(readers, bytes);
  },
  /** A reader over a buffer of objects back to back. */
  reader(bytes: Uint8Array): TlBinaryReader {
    return new TlBinaryReader(readers, bytes);
  },
};

function sameDefinition(c: CombinatorModel, entry: MtcuteEntry | undefined): boolean {
  return entry !== undefined && c.id !== undefined && entry.id >>> 0 === c.id >>> 0 && entry.arguments.map((a) => a.name).join() === c.fields.map((f) => f.name).join();
}

/**
 * Gives mtcute tlwire's definition of every named constructor that its layer has with another
 * id or other fields, in the form its generator writes. Returns the names it replaced.
 */
export function adoptDefinitions(model: LayerModel, names: Iterable<string>): string[] {
  const byName = combinatorsByName(model);
  const replaced: string[] = [];
  for (const name of names) {
    const c = byName.get(name);
    if (!c || c.id === undefined) throw new Error(`tlwire's layer ${model.layer} has no ${name}`);
    const entry = entries.get(name);
    if (sameDefinition(c, entry)) continue;
    readers[c.id >>> 0] = compileEntry(readerSource(c, entry));
    writers[name] = compileEntry(writerSource(c, entry));
    replaced.push(name);
  }
  return replaced;
}

/** How faithfully `adoptDefinitions` writes mtcute's form: see mtcute-codegen.ts. */
export function checkCodegenForm(model: LayerModel): ShapeCheck {
  return checkAgainstShipped(model.combinators, entries, readers, writers);
}

/** Converts a tlwire value to mtcute's shape: `long` as its Long, or a number where mtcute says int53. */
export function toMtcute(model: LayerModel, value: unknown): unknown {
  return toPeerShape(model, value, {
    leaf: (v, t, owner, field) => {
      if (t.k !== 'long') return v;
      const n = v as bigint;
      const int53 = entries.get(owner.name)?.arguments.some((a) => a.name === field.name && a.type === 'int53') ?? false;
      return int53 ? Number(n) : LongClass.fromBits(Number(BigInt.asIntN(32, n)), Number(BigInt.asIntN(32, n >> 32n)));
    },
    object: (c, fields) => ({ _: c.name, ...fields }),
  });
}
