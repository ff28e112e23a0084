import type { Combinator, FieldParam, SchemaFile, SchemaText, SourcePos, TypeRef } from './ast.js';
import { knownIdException } from './check.js';
import { SchemaError } from './errors.js';
import { combinatorKey, fieldKey, identOf } from './names.js';
import { parseSchema } from './parser.js';
import { printCombinator } from './printer.js';
import { checkCombinators, checkUnique, isBuiltinLine, undefinedType } from './validate.js';

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

/** A line {@link assembleLayer} left out of a layer: it shares the id of `kept`. */
export interface LeftOut {
  dropped: Combinator;
  kept: Combinator;
}

/**
 * Schema files -> the sources of one layer: each file parsed, the MTProto service file (if
 * any) marked as such. tdlib's `invokeWith*Prefix` pseudo-functions write only the header of
 * the wrapper whose id they reuse; a codec cannot tell them apart by id, so they are left out
 * and the real wrapper is kept.
 */
export function assembleLayer(files: readonly SchemaText[], service?: SchemaText): { sources: LayerSource[]; leftOut: LeftOut[] } {
  const sources: LayerSource[] = files.map(({ file, text }) => ({ schema: parseSchema(text, file) }));
  if (service) sources.push({ schema: parseSchema(service.text, service.file), service: true });
  const all = sources.flatMap((s) => s.schema.combinators);
  const leftOut: LeftOut[] = [];
  for (const source of sources) {
    const combinators = source.schema.combinators.filter((c) => {
      const kept = knownIdException(c) ? all.find((other) => other.id === c.id && other.name !== c.name) : undefined;
      if (kept) leftOut.push({ dropped: c, kept });
      return !kept;
    });
    source.schema = { ...source.schema, combinators };
  }
  return { sources, leftOut };
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
  const problems: SchemaError[] = [];
  checkUnique(sources.flatMap((s) => s.schema.combinators), problems);
  const pending: Pending[] = [];
  const seen = new Set<string>();
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
      // Unique by now: the same line in two files of the set (`boolTrue`, `error`, ...) is one combinator.
      if (seen.has(combinatorKey(c))) continue;
      seen.add(combinatorKey(c));
      pending.push({ c, service, ident: identOf(c.name) });
    }
  }
  if (envelope) pending.push(envelope);
  checkCombinators(sources.map((s) => s.schema), pending.map((p) => p.c), problems);
  if (problems.length) throw problems[0];

  const types: Record<string, string[]> = {};
  const ctorByName = new Map<string, Pending>();
  for (const p of pending) {
    if (p.c.section !== 'types' || p === envelope) continue;
    (types[p.c.result.name] ??= []).push(p.ident);
    ctorByName.set(p.c.name, p);
  }

  // The checks above passed: what is left to refuse is a name that names no wire type here
  // (`%T` of a type with several constructors, a lower-case name no constructor has, `T<...>`).
  const resolve = (t: TypeRef, owner: Pending, pos: SourcePos, what: string, generics: Set<string>): WireType => {
    const notDefined = (): never => {
      throw undefinedType(t, pos, what, owner.c.name);
    };
    if (t.name === 'Vector' || t.name === 'vector') {
      return { k: 'vector', boxed: t.name === 'Vector' && !t.percent, of: resolve(t.args[0], owner, pos, what, generics) };
    }
    if (t.args.length > 0) notDefined();
    if (generics.has(t.name)) return { k: 'query' };
    if (owner.service && envelope && (t.name === 'Message' || t.name === ENVELOPE_NAME)) {
      return { k: 'bare', ctor: ENVELOPE_IDENT };
    }
    const primitive = PRIMITIVES[t.name];
    if (primitive && !t.percent) return primitive;
    if (t.percent || isLowerCase(t.name)) {
      // `%T` is the only constructor of T, written bare; a lower-case name is a constructor.
      const ctor = t.percent ? (types[t.name]?.length === 1 ? types[t.name][0] : undefined) : ctorByName.get(t.name)?.ident;
      return ctor ? { k: 'bare', ctor } : notDefined();
    }
    return types[t.name] ? { k: 'boxed', type: t.name } : notDefined();
  };

  const combinators: CombinatorModel[] = [];
  for (const p of pending) {
    const { c } = p;
    const generics = new Set(c.generics.map((g) => g.name));
    const binary = BINARY_STRING_FIELDS[c.name] ?? [];
    const flagKeys = new Map<string, string>();
    const fields: FieldModel[] = [];
    for (const param of c.params as FieldParam[]) {
      const key = fieldKey(param.name);
      const flag: FieldModel['flag'] = param.flag && { key: flagKeys.get(param.flag.field)!, bit: param.flag.bit };
      let type: WireType;
      if (param.type.name === '#' && !param.flag) {
        type = { k: 'flags' };
        flagKeys.set(param.name, key);
      } else if (param.excl) {
        type = { k: 'query' };
      } else {
        type = resolve(param.type, p, param.pos, `field ${param.name}`, generics);
        if (type.k === 'string' && binary.includes(param.name)) type = { k: 'bytes' };
      }
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
      model.result = generics.has(c.result.name) && c.result.args.length === 0 ? { k: 'query' } : resolve(c.result, p, c.pos, 'the result', generics);
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

/** The layer, indexed the ways the code generator, the explainer and the conformance kit look things up. */
export interface LayerIndex {
  model: LayerModel;
  byIdent: ReadonlyMap<string, CombinatorModel>;
  constructors: CombinatorModel[];
  functions: CombinatorModel[];
  /** Boxed types that get a dispatcher: every type but `Object` (the universal one) and `Bool` (a boolean). */
  boxedTypes: string[];
}

export function indexLayer(model: LayerModel): LayerIndex {
  const { byIdent } = combinatorIndex(model);
  return {
    model,
    byIdent,
    constructors: model.combinators.filter((c) => c.kind === 'constructor'),
    functions: model.combinators.filter((c) => c.kind === 'function'),
    boxedTypes: Object.keys(model.types).filter((t) => t !== 'Object' && t !== 'Bool'),
  };
}

/** The fewest bytes a value of this type can take: bounds a vector's count before allocation. */
export function minSize(t: WireType, index: LayerIndex): number {
  switch (t.k) {
    case 'int':
    case 'string':
    case 'bytes':
    case 'bool':
    case 'boxed':
    case 'object':
    case 'query':
    case 'flags':
      return 4;
    case 'long':
    case 'double':
      return 8;
    case 'int128':
      return 16;
    case 'int256':
      return 32;
    case 'true':
      return 0;
    case 'vector':
      return t.boxed ? 8 : 4;
    case 'bare': {
      const c = index.byIdent.get(t.ctor)!;
      return c.fields.reduce((sum, f) => sum + (f.flag ? 0 : minSize(f.type, index)), 0);
    }
  }
}
