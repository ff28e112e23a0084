/**
 * GramJS (`telegram` 2.26.22) behind the conformance line protocol. GramJS builds its classes
 * from TL text when it loads, so it is given tlwire's layer 228 text in place of its own
 * (its MTProto service classes stay its own). Encoding is `new Api.X(args).getBytes()`,
 * decoding `new BinaryReader(bytes).tgReadObject()`, as an application calls them, and bytes
 * left over are refused (GramJS reads from the front of a buffer and leaves that check to its
 * caller).
 *
 *   node --import tsx conformance/peers/gramjs.ts encode|decode --layer 228 --jsonl
 */
import { readFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { bytesToSigned, checkDecodedType, combinatorWithId, doubleToJson, fromPeer, serve, signedToBytes, toHex, toPeer, type PeerCodec, type PeerShape } from './serve.js';
import type { CombinatorModel, FieldModel } from '../../dist/tl/index.js';

const require = createRequire(import.meta.url);

interface GramjsObject {
  CONSTRUCTOR_ID: number;
  getBytes(): Buffer;
  [field: string]: unknown;
}
type GramjsClass = new (args: Record<string, unknown>) => GramjsObject;
interface GramjsReader {
  tgReadObject(): unknown;
  tellPosition(): number;
}
interface BigInteger {
  toString(): string;
}

function load(): { Api: Record<string, unknown>; BinaryReader: new (data: Buffer) => GramjsReader; bigInt: (text: string) => BigInteger; fieldKey: (name: string) => string } {
  // api.js builds its classes from the text apiTl.js exports: tlwire's layer 228 text goes in its place first.
  const apiTlPath = require.resolve('telegram/tl/apiTl.js');
  const module = new Module(apiTlPath);
  module.filename = apiTlPath;
  module.loaded = true;
  module.exports = readFileSync(new URL('../../schema/api-layer-228-tdesktop-via-gotd.tl', import.meta.url), 'utf8');
  require.cache[apiTlPath] = module;
  return {
    Api: (require('telegram/tl/api.js') as { Api: Record<string, unknown> }).Api,
    BinaryReader: (require('telegram/extensions/BinaryReader.js') as { BinaryReader: new (data: Buffer) => GramjsReader }).BinaryReader,
    bigInt: require('big-integer') as (text: string) => BigInteger,
    // GramJS's own field names: `g_a` is `gA`, but `srp_B` stays `srp_B` (tlwire's key is `srpB`).
    fieldKey: (require('telegram/tl/generationHelpers.js') as { variableSnakeToCamelCase: (name: string) => string }).variableSnakeToCamelCase,
  };
}

function createCodec(): PeerCodec {
  const gramjs = load();
  const classOf = (c: CombinatorModel): GramjsClass => {
    const dot = c.name.lastIndexOf('.');
    const ns = dot < 0 ? gramjs.Api : (gramjs.Api[c.name.slice(0, dot)] as Record<string, unknown> | undefined);
    // GramJS capitalizes every `_`-separated part of a class name: msgs_ack is MsgsAck.
    const base = c.name.slice(dot + 1).replace(/(?:^|_)([a-zA-Z])/g, (_, ch: string) => ch.toUpperCase());
    const cls = ns?.[base];
    if (typeof cls !== 'function') throw new Error(`GramJS has no class for \`${c.name}\``);
    return cls as GramjsClass;
  };
  const shape: PeerShape = {
    toLeaf: (v, t) => {
      switch (t.k) {
        case 'long':
          return gramjs.bigInt(String(v));
        case 'int128':
        case 'int256':
          return gramjs.bigInt(bytesToSigned(v as Uint8Array).toString());
        case 'bytes':
          return Buffer.from(v as Uint8Array);
        default:
          return v;
      }
    },
    toObject: (c, fields) => {
      const args: Record<string, unknown> = {};
      for (const [f, v] of fields) args[gramjs.fieldKey(f.name)] = v;
      return new (classOf(c))(args);
    },
    combinatorOf: (v) => {
      if (v === true || v === false) return combinatorWithId(v ? 0x997275b5 : 0xbc799737);
      const id = (v as Partial<GramjsObject> | null)?.CONSTRUCTOR_ID;
      return typeof id === 'number' ? combinatorWithId(id) : undefined;
    },
    fieldOf: (v, _c, f: FieldModel) => (v as Record<string, unknown>)[gramjs.fieldKey(f.name)],
    leafToJson: (v, t) => {
      if (Buffer.isBuffer(v)) return toHex(v);
      switch (t.k) {
        case 'long':
          return String(v);
        case 'int128':
        case 'int256':
          return typeof v === 'object' ? toHex(signedToBytes(BigInt(String(v)), t.k === 'int128' ? 16 : 32)) : v;
        case 'double':
          return doubleToJson(v);
        default:
          return v;
      }
    },
  };
  return {
    encode: (value) => new Uint8Array((toPeer(shape, value) as GramjsObject).getBytes()),
    decode: (bytes, type) => {
      const reader = new gramjs.BinaryReader(Buffer.from(bytes));
      const decoded = reader.tgReadObject();
      // GramJS reads an object from the front of a buffer; the application checks the rest.
      if (reader.tellPosition() < bytes.length) throw new Error(`${bytes.length - reader.tellPosition()} byte(s) left after the value`);
      const c = shape.combinatorOf(decoded);
      if (decoded instanceof Promise) throw new Error('GramJS returned a Promise: it reads `rpc_result`, `msg_container` and `gzip_packed` asynchronously');
      if (!c) throw new Error(`GramJS decoded something that is no constructor of layer 228: ${typeof decoded}`);
      checkDecodedType(c, type);
      return fromPeer(shape, decoded);
    },
  };
}

await serve(import.meta.url, createCodec);
