import type { Combinator, FieldParam, SchemaFile, SourcePos, TypeRef } from './ast.js';
import { SchemaError } from './errors.js';
import { printCombinator } from './printer.js';

/**
 * How a value travels on the wire, resolved from a field's TL type. This is the one
 * description the code generator, the JSON mapping and the byte explainer all work from.
 */
export type WireType =
  | { k: 'int' }
  | { k: 'long' }
  | { k: 'double' }
  | { k: 'int128' }
  | { k: 'int256' }
  | { k: 'string' }
  | { k: 'bytes' }
  | { k: 'bool' }
  /** `flags.N?true`: no bytes, the bit alone. */
  | { k: 'true' }
  /** `#`: a flags word, derived from the fields present. */
  | { k: 'flags' }
  | { k: 'vector'; boxed: boolean; of: WireType }
  /** A boxed type: its constructor id, then that constructor's fields. */
  | { k: 'boxed'; type: string }
  /** A bare constructor: its fields only (`%T`, `vector<future_salt>`). `ctor` is its ident. */
  | { k: 'bare'; ctor: string }
  /** `Object`: any constructor or function of the layer, boxed. */
  | { k: 'object' }
  /** `!X`: a function call, boxed; the enclosing function returns what it returns. */
  | { k: 'query' };

export interface FieldModel {
  /** As in the schema: `access_hash`. */
  name: string;
  /** The JavaScript / canonical JSON key: `accessHash`. */
  key: string;
  type: WireType;
  /** For a conditional field: the key of its `#` field and the bit. */
  flag?: { key: string; bit: number };
}

export interface CombinatorModel {
  /** `messages.getStatsURL`: the `_` of its values. */
  name: string;
  /** A TypeScript identifier unique in the layer: `messages_getStatsURL`. */
  ident: string;
  /** Undefined only for the id-less MTProto envelope `message`, which is always bare. */
  id?: number;
  kind: 'constructor' | 'function';
  /** Constructors: the boxed type they belong to. */
  type: string;
  /** Functions: what a call returns. */
  result?: WireType;
  fields: FieldModel[];
  /** The schema line, printed canonically. */
  line: string;
  pos: SourcePos;
}

export interface LayerModel {
  layer: number;
  combinators: CombinatorModel[];
  /** Each boxed type with the idents of its constructors, in schema order. */
  types: Record<string, string[]>;
}

/** One schema file as an input of a layer. */
export interface LayerSource {
  schema: SchemaFile;
  /**
   * The MTProto service lines (`msg_container`, `msg_copy`, ...): there `Message` names the
   * id-less envelope `message msg_id:long seqno:int bytes:int body:Object`, not the API's Message.
   */
  service?: boolean;
}

/**
 * Fields that the MTProto service schema declares `string` but that carry binary data
 * (big numbers, encrypted blobs, gzip data). Like every mature implementation, tlwire treats
 * them as `bytes`: the wire format is the same.
 */
export const BINARY_STRING_FIELDS: Readonly<Record<string, readonly string[]>> = {
  resPQ: ['pq'],
  p_q_inner_data: ['pq', 'p', 'q'],
  p_q_inner_data_dc: ['pq', 'p', 'q'],
  p_q_inner_data_temp: ['pq', 'p', 'q'],
  p_q_inner_data_temp_dc: ['pq', 'p', 'q'],
  req_DH_params: ['p', 'q', 'encrypted_data'],
  set_client_DH_params: ['encrypted_data'],
  server_DH_params_ok: ['encrypted_answer'],
  server_DH_inner_data: ['dh_prime', 'g_a'],
  client_DH_inner_data: ['g_b'],
  msgs_state_info: ['info'],
  msgs_all_info: ['info'],
  gzip_packed: ['packed_data'],
};

/** Types the wire knows by itself; lines that (re)declare them are builtins, not constructors. */
const BUILTIN_NAMES = new Set(['int', 'long', 'double', 'string', 'bytes', 'int128', 'int256', 'vector']);
const PRIMITIVES: Record<string, WireType> = {
  int: { k: 'int' },
  long: { k: 'long' },
  double: { k: 'double' },
  string: { k: 'string' },
  bytes: { k: 'bytes' },
  int128: { k: 'int128' },
  int256: { k: 'int256' },
  Bool: { k: 'bool' },
  true: { k: 'true' },
  Object: { k: 'object' },
};
const ENVELOPE_NAME = 'message';
/** The ident of the MTProto envelope `message`, kept apart from the API's `message` constructor. */
export const ENVELOPE_IDENT = 'message_envelope';

/** TypeScript names that cannot name an interface. */
const RESERVED_TYPE_NAMES = new Set(['true', 'false', 'null', 'undefined', 'any', 'never', 'unknown', 'object', 'string', 'number', 'boolean', 'symbol', 'bigint', 'void', 'this']);

/** `access_hash` -> `accessHash`, `srp_B` -> `srpB`, `M1` -> `M1`. */
export function fieldKey(name: string): string {
  return name.replace(/_(.)/g, (_, c: string) => c.toUpperCase());
}

/** `messages.getStatsURL` -> `messages_getStatsURL`; TypeScript's reserved type names get a trailing `_`. */
export function identOf(name: string): string {
  const ident = name.replace(/\./g, '_');
  return RESERVED_TYPE_NAMES.has(ident) ? `${ident}_` : ident;
}

function isBuiltinLine(c: Combinator): boolean {
  return c.questionMark || BUILTIN_NAMES.has(c.name) || c.params.some((p) => p.kind === 'repeat');
}

function isLowerCase(name: string): boolean {
  const last = name.slice(name.lastIndexOf('.') + 1);
  return last[0] >= 'a' && last[0] <= 'z';
}

interface Pending {
  c: Combinator;
  service: boolean;
  ident: string;
}

/**
 * Resolves the combinators of a layer's files into a {@link LayerModel}: builtins and
 * id-less lines are left out (except the MTProto envelope), every field type is resolved,
 * names and ids must be unique.
 */
export function buildLayerModel(layer: number, sources: LayerSource[]): LayerModel {
  const pending: Pending[] = [];
  const byName = new Map<string, Pending>();
  const byId = new Map<number, Pending>();
  const idents = new Map<string, Pending>();
  let envelope: Pending | undefined;

  for (const { schema, service = false } of sources) {
    for (const c of schema.combinators) {
      if (isBuiltinLine(c)) continue;
      if (c.id === undefined) {
        if (service && c.name === ENVELOPE_NAME && c.section === 'types') {
          envelope = { c, service, ident: ENVELOPE_IDENT };
        }
        continue;
      }
      const key = `${c.section}:${c.name}`;
      const previous = byName.get(key);
      if (previous) {
        // The same line in two files of the set (`boolTrue`, `error`, ...) is one combinator.
        if (printCombinator(previous.c) === printCombinator(c)) continue;
        throw new SchemaError('DUPLICATE_NAME', c.pos, `${c.name} is already defined at ${previous.c.pos.file}:${previous.c.pos.line}:${previous.c.pos.column} with another line`);
      }
      const clash = byId.get(c.id);
      if (clash) {
        throw new SchemaError('DUPLICATE_ID', c.pos, `id #${c.id.toString(16).padStart(8, '0')} of ${c.name} is already used by ${clash.c.name} at ${clash.c.pos.file}:${clash.c.pos.line}:${clash.c.pos.column}`);
      }
      const p: Pending = { c, service, ident: identOf(c.name) };
      const identClash = idents.get(p.ident);
      if (identClash) {
        throw new SchemaError('DUPLICATE_NAME', c.pos, `${c.name} and ${identClash.c.name} (${identClash.c.pos.file}:${identClash.c.pos.line}) map to the same identifier ${p.ident}`);
      }
      byName.set(key, p);
      byId.set(c.id, p);
      idents.set(p.ident, p);
      pending.push(p);
    }
  }
  if (envelope) pending.push(envelope);

  const types: Record<string, string[]> = {};
  const ctorByName = new Map<string, Pending>();
  for (const p of pending) {
    if (p.c.section !== 'types' || p === envelope) continue;
    (types[p.c.result.name] ??= []).push(p.ident);
    ctorByName.set(p.c.name, p);
  }

  const resolve = (t: TypeRef, owner: Pending, pos: SourcePos, generics: Set<string>): WireType => {
    const undefinedType = (): never => {
      throw new SchemaError('UNDEFINED_TYPE', pos, `type ${t.percent ? '%' : ''}${t.name} used by ${owner.c.name} is not defined`);
    };
    if (t.name === 'Vector' || t.name === 'vector') {
      if (t.args.length !== 1) throw new SchemaError('UNEXPECTED_TOKEN', pos, `${t.name} takes exactly one type argument`);
      return { k: 'vector', boxed: t.name === 'Vector' && !t.percent, of: resolve(t.args[0], owner, pos, generics) };
    }
    if (t.args.length > 0) undefinedType();
    if (generics.has(t.name)) return { k: 'query' };
    if (owner.service && envelope && (t.name === 'Message' || t.name === ENVELOPE_NAME)) {
      return { k: 'bare', ctor: ENVELOPE_IDENT };
    }
    const primitive = PRIMITIVES[t.name];
    if (primitive && !t.percent) return primitive;
    if (t.percent || isLowerCase(t.name)) {
      // `%T` is the only constructor of T, written bare; a lower-case name is a constructor.
      const ctor = t.percent ? (types[t.name]?.length === 1 ? types[t.name][0] : undefined) : ctorByName.get(t.name)?.ident;
      return ctor ? { k: 'bare', ctor } : undefinedType();
    }
    return types[t.name] ? { k: 'boxed', type: t.name } : undefinedType();
  };

  const combinators: CombinatorModel[] = [];
  for (const p of pending) {
    const { c } = p;
    const generics = new Set(c.generics.map((g) => g.name));
    const binary = BINARY_STRING_FIELDS[c.name] ?? [];
    const flagKeys = new Map<string, string>();
    const keys = new Set<string>();
    const fields: FieldModel[] = [];
    for (const param of c.params as FieldParam[]) {
      const key = fieldKey(param.name);
      if (keys.has(key)) throw new SchemaError('DUPLICATE_NAME', param.pos, `field ${param.name} of ${c.name} repeats the key ${key}`);
      keys.add(key);
      let flag: FieldModel['flag'];
      if (param.flag) {
        const flagKey = flagKeys.get(param.flag.field);
        if (flagKey === undefined) {
          throw new SchemaError('UNKNOWN_FLAGS_FIELD', param.pos, `${param.name} depends on ${param.flag.field}.${param.flag.bit}, but ${c.name} has no earlier '${param.flag.field}:#' field`);
        }
        flag = { key: flagKey, bit: param.flag.bit };
      }
      let type: WireType;
      if (param.type.name === '#' && !param.flag) {
        type = { k: 'flags' };
        flagKeys.set(param.name, key);
      } else if (param.excl) {
        if (!generics.has(param.type.name)) throw new SchemaError('UNDEFINED_TYPE', param.pos, `!${param.type.name} in ${c.name} names no {${param.type.name}:Type} variable`);
        type = { k: 'query' };
      } else {
        type = resolve(param.type, p, param.pos, generics);
        if (type.k === 'string' && binary.includes(param.name)) type = { k: 'bytes' };
      }
      if (type.k === 'true' && !flag) throw new SchemaError('UNEXPECTED_TOKEN', param.pos, `${param.name}:true takes no bytes and must be conditional (flags.N?true)`);
      fields.push({ name: param.name, key, type, flag });
    }
    const model: CombinatorModel = {
      name: c.name,
      ident: p.ident,
      id: c.id,
      kind: c.section === 'functions' ? 'function' : 'constructor',
      type: c.result.name,
      fields,
      line: printCombinator(c),
      pos: c.pos,
    };
    if (model.kind === 'function') {
      model.result = generics.has(c.result.name) && c.result.args.length === 0 ? { k: 'query' } : resolve(c.result, p, c.pos, generics);
    }
    combinators.push(model);
  }
  return { layer, combinators, types };
}

/** A wire type as TL text: `Vector<InputPeer>`, `vector<%future_salt>`, `Object`, `!X`, `#`. */
export function wireTypeText(t: WireType, byIdent: ReadonlyMap<string, CombinatorModel>): string {
  switch (t.k) {
    case 'vector':
      return `${t.boxed ? 'Vector' : 'vector'}<${wireTypeText(t.of, byIdent)}>`;
    case 'boxed':
      return t.type;
    case 'bare':
      return `%${byIdent.get(t.ctor)?.name ?? t.ctor}`;
    case 'object':
      return 'Object';
    case 'query':
      return '!X';
    case 'flags':
      return '#';
    case 'bool':
      return 'Bool';
    default:
      return t.k;
  }
}

/** The bits of the `#` field `flagsKey` that some field of `c` depends on, as an unsigned number. */
export function flagsMask(c: CombinatorModel, flagsKey: string): number {
  let mask = 0;
  for (const f of c.fields) if (f.flag?.key === flagsKey) mask |= 1 << f.flag.bit;
  return mask >>> 0;
}

/** Every vector type the layer's fields and results use, by its TL text (`Vector<long>`, `vector<%message>`). */
export function vectorTypesOf(model: LayerModel): Map<string, WireType & { k: 'vector' }> {
  const { byIdent } = combinatorIndex(model);
  const vectors = new Map<string, WireType & { k: 'vector' }>();
  const visit = (t: WireType): void => {
    if (t.k !== 'vector') return;
    visit(t.of);
    vectors.set(wireTypeText(t, byIdent), t);
  };
  for (const c of model.combinators) {
    for (const f of c.fields) visit(f.type);
    if (c.result) visit(c.result);
  }
  return vectors;
}

/** A layer's combinators looked up by ident, and by name as they stand boxed (not the bare envelope). */
export interface CombinatorIndex {
  byIdent: ReadonlyMap<string, CombinatorModel>;
  byName: ReadonlyMap<string, CombinatorModel>;
}

const combinatorIndexes = new WeakMap<LayerModel, CombinatorIndex>();

/** The lookups every consumer of a model needs, built once per model. */
export function combinatorIndex(model: LayerModel): CombinatorIndex {
  let index = combinatorIndexes.get(model);
  if (!index) {
    index = {
      byIdent: new Map(model.combinators.map((c) => [c.ident, c])),
      byName: new Map(model.combinators.filter((c) => c.id !== undefined).map((c) => [c.name, c])),
    };
    combinatorIndexes.set(model, index);
  }
  return index;
}
