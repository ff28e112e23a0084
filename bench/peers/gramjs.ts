/**
 * GramJS (`telegram`): classes built at load time from the schema text it ships (layer 198),
 * `getBytes()` to encode and `BinaryReader.tgReadObject()` to decode. GramJS parses TL text at
 * load, so it can load tlwire's layer 228 text instead: `loadGramjs('tlwire228')` does that for
 * the case whose constructors changed between the layers. One schema per process.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { LayerModel } from '../../dist/tl/model.js';
import { toPeerShape } from '../lib/model.js';

const require = createRequire(import.meta.url);

export type GramjsSchema = 'stock' | 'tlwire228';

interface GramjsObject {
  getBytes(): Buffer;
}
type GramjsClass = new (args: Record<string, unknown>) => GramjsObject;
interface BinaryReader {
  tgReadObject(): GramjsObject;
  tellPosition(): number;
}

export interface Gramjs {
  layer: number;
  Api: Record<string, unknown>;
  BinaryReader: new (data: Buffer) => BinaryReader;
  bigInt: (value: string) => unknown;
}

let loaded: { schema: GramjsSchema; gramjs: Gramjs } | undefined;

export function loadGramjs(schema: GramjsSchema): Gramjs {
  if (loaded) {
    if (loaded.schema !== schema) throw new Error(`GramJS is already loaded with the ${loaded.schema} schema in this process`);
    return loaded.gramjs;
  }
  if (schema === 'tlwire228') {
    // api.js builds its classes from the text apiTl.js exports: put tlwire's text in its place first.
    const apiTlPath = require.resolve('telegram/tl/apiTl.js');
    const text = readFileSync(new URL('../../schema/api-layer-228-tdesktop-via-gotd.tl', import.meta.url), 'utf8');
    if (require.cache[apiTlPath]) throw new Error('GramJS schema text was loaded before it could be replaced');
    const module = new (require('node:module') as { Module: new (id: string) => NodeJS.Module }).Module(apiTlPath);
    module.filename = apiTlPath;
    module.loaded = true;
    module.exports = text;
    require.cache[apiTlPath] = module;
  }
  const layer = schema === 'tlwire228' ? 228 : (require('telegram/tl/AllTLObjects.js') as { LAYER: number }).LAYER;
  const { Api } = require('telegram/tl/api.js') as { Api: Record<string, unknown> };
  const { BinaryReader } = require('telegram/extensions/BinaryReader.js') as { BinaryReader: Gramjs['BinaryReader'] };
  const bigInt = require('big-integer') as Gramjs['bigInt'];
  const gramjs: Gramjs = { layer, Api, BinaryReader, bigInt };
  loaded = { schema, gramjs };
  return gramjs;
}

/** `messages.getHistory` -> Api.messages.GetHistory, `message` -> Api.Message. */
function classOf(gramjs: Gramjs, name: string): GramjsClass {
  const dot = name.lastIndexOf('.');
  const ns = dot < 0 ? gramjs.Api : (gramjs.Api[name.slice(0, dot)] as Record<string, unknown> | undefined);
  const base = name.slice(dot + 1);
  const cls = ns?.[base[0].toUpperCase() + base.slice(1)];
  if (typeof cls !== 'function') throw new Error(`GramJS (layer ${gramjs.layer}) has no class for ${name}`);
  return cls as GramjsClass;
}

/** Converts a tlwire value to GramJS class instances: `long` as big-integer, `bytes` as Buffer. */
export function toGramjs(gramjs: Gramjs, model: LayerModel, value: unknown): GramjsObject {
  return toPeerShape(model, value, {
    leaf: (v, t) => (t.k === 'long' ? gramjs.bigInt(String(v)) : t.k === 'bytes' ? Buffer.from(v as Uint8Array) : v),
    object: (c, fields) => new (classOf(gramjs, c.name))(fields),
  });
}

/** A Buffer over the same memory, as GramJS's reader wants. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
