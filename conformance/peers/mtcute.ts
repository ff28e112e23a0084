/**
 * mtcute (@mtcute/tl 223.0.0 maps over @mtcute/tl-runtime 0.30.3) behind the conformance line
 * protocol. mtcute ships layer 223, generated ahead of time: it is tested on the layer 228
 * cases whose constructor has the same id in its maps (`mtcuteNames()`), and refuses values
 * with a constructor or field its layer does not have. Encoding is
 * `TlBinaryWriter.serializeObject`, decoding `new TlBinaryReader(maps, bytes).object()`, as an
 * application calls them, and bytes left over are refused (mtcute reads from the front of a
 * buffer and leaves that check to its caller).
 *
 *   node --import tsx conformance/peers/mtcute.ts encode|decode --layer 228 --jsonl
 */
import { createRequire } from 'node:module';
import { TlBinaryReader, TlBinaryWriter, type TlReaderMap, type TlWriterMap } from '@mtcute/tl-runtime';
import { mtcuteEntries, type MtcuteEntry } from './mtcute-layer.js';
import { checkDecodedType, combinatorNamed, doubleToJson, fromPeer, serve, toHex, toPeer, type PeerCodec, type PeerShape } from './serve.js';
import type { CombinatorModel } from '../../dist/tl/index.js';

const require = createRequire(import.meta.url);

type MtcuteLong = ReturnType<TlBinaryReader['long']>;

function createCodec(): PeerCodec {
  const readers = (require('@mtcute/tl/binary/reader.js') as { __tlReaderMap: TlReaderMap }).__tlReaderMap;
  const writers = (require('@mtcute/tl/binary/writer.js') as { __tlWriterMap: TlWriterMap }).__tlWriterMap;
  const byName = mtcuteEntries();
  // mtcute's own Long class, taken from a value its reader made.
  const Long = TlBinaryReader.manual(new Uint8Array(8)).long().constructor as unknown as { fromBits(low: number, high: number): MtcuteLong };
  const byMtName = new Map([...byName.values()].map((e) => [e.mtName, combinatorNamed(e.name.replace(/^mt_/, ''))]));

  /** mtcute's entry for `c`, or an error saying why mtcute's layer cannot hold it. */
  const entryOf = (c: CombinatorModel): MtcuteEntry => {
    const e = byName.get(c.name);
    if (!e) throw new Error(`mtcute's layer 223 has no \`${c.name}\``);
    if (e.id !== c.id) throw new Error(`mtcute's layer 223 has \`${c.name}#${e.id.toString(16)}\`, not layer 228's \`#${c.id!.toString(16)}\``);
    return e;
  };
  const shape: PeerShape = {
    toLeaf: (v, t, owner, field) => {
      if (t.k !== 'long') return v;
      const n = v as bigint;
      if (entryOf(owner).arguments.some((a) => a.name === field.name && a.type === 'int53')) {
        // mtcute types these ids as number: a long past 2^53 has no mtcute value.
        if (BigInt(Number(n)) !== n || !Number.isSafeInteger(Number(n))) throw new Error(`mtcute holds \`${owner.name}.${field.key}\` as int53 (a number): ${n} is not a safe integer`);
        return Number(n);
      }
      return Long.fromBits(Number(BigInt.asIntN(32, n)), Number(BigInt.asIntN(32, n >> 32n)));
    },
    toObject: (c, fields) => {
      const e = entryOf(c);
      const out: Record<string, unknown> = { _: e.mtName };
      for (const [f, v] of fields) {
        if (!e.arguments.some((a) => a.name === f.name)) throw new Error(`mtcute's layer 223 \`${c.name}\` has no field \`${f.name}\``);
        out[f.key] = v;
      }
      return out;
    },
    combinatorOf: (v) => {
      if (v === true || v === false) return combinatorNamed(v ? 'boolTrue' : 'boolFalse');
      const name = (v as { _?: unknown } | null)?._;
      return typeof name === 'string' ? byMtName.get(name) : undefined;
    },
    fieldOf: (v, _c, f) => (v as Record<string, unknown>)[f.key],
    leafToJson: (v, t) => {
      if (v instanceof Uint8Array) return toHex(v);
      if (t.k === 'long') return typeof v === 'number' && Number.isInteger(v) ? BigInt(v).toString() : String(v);
      return t.k === 'double' ? doubleToJson(v) : v;
    },
  };
  return {
    encode: (value) => {
      const object = toPeer(shape, value) as { _: string };
      if (!writers[object._]) throw new Error(`mtcute has no writer for \`${object._}\``);
      return TlBinaryWriter.serializeObject(writers, object);
    },
    decode: (bytes, type) => {
      const reader = new TlBinaryReader(readers, bytes);
      const decoded = reader.object();
      // mtcute reads an object from the front of a buffer; the application checks the rest.
      if (reader.pos < bytes.length) throw new Error(`${bytes.length - reader.pos} byte(s) left after the value`);
      const c = shape.combinatorOf(decoded);
      if (!c) throw new Error(`mtcute decoded something that is no constructor of layer 228: ${JSON.stringify(decoded)?.slice(0, 60)}`);
      checkDecodedType(c, type);
      return fromPeer(shape, decoded);
    },
  };
}

await serve(import.meta.url, createCodec);
