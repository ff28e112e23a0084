import { nearNames } from '../common/near.js';
import { resultTsType } from '../codegen/emit-types.js';
import { formatId } from '../common/bytes.js';
import type { TlLayer } from '../layer.js';
import { knownIdException } from '../tl/check.js';
import { computeId, normalizeForId } from '../tl/id.js';
import { ENVELOPE_IDENT, type CombinatorModel, type LayerModel, type WireType } from '../tl/model.js';
import { parseCombinator } from '../tl/parser.js';
import { identOf } from '../tl/names.js';
import { printParam } from '../tl/printer.js';
import { RPC_ERRORS } from './data/errors.js';
import { callersText, entryOf, NO_DESCRIPTION, sourceText } from './facts.js';
import { apiPage, type PageKind } from './markdown.js';
import type { Callers, LayerReference } from './types.js';

/** A shipped layer with its reference data: what {@link describeName} looks names up in. */
export interface DescribedLayer {
  tl: TlLayer;
  reference: LayerReference;
}

export interface ParamSection {
  /** TL name: `offset_id`. */
  name: string;
  /** JavaScript key: `offsetId`; absent for a flags word, which is derived. */
  key?: string;
  /** As written in the schema: `flags.0?true`. */
  tlType: string;
  /** Markdown, or {@link NO_DESCRIPTION}. */
  description: string;
  /** A flags word: the fields each bit controls. */
  bits?: { bit: number; field: string }[];
}

export interface ErrorSection {
  code: number;
  name: string;
  description: string;
}

export interface ExampleSection {
  /** The value in canonical JSON, as `tlwire encode` takes it. */
  json: unknown;
  /** `tlwire encode --layer N '...'` */
  cli: string;
  /** The boxed bytes, hex. */
  hex: string;
  /** A TypeScript program that writes the same bytes with tlwire. */
  typescript: string;
}

export interface SchemaSection {
  line: string;
  /** The text whose CRC32 is the id. */
  idText: string;
  computedId: string;
  declaredId: string;
  /** Why a declared id that is not the CRC32 of its line is still right (a known exception). */
  exception?: string;
}

/** Where a name is in the shipped layers. */
export interface LayerPresence {
  layer: number;
  /** Constructors and methods: their id there. */
  id?: string;
}

export interface ConstructorSummary {
  name: string;
  id: string;
  description: string;
}

/** Every section of a reference page, as data: `tlwire describe` prints it, a docs site could render it. */
export interface Description {
  kind: 'method' | 'constructor' | 'type';
  name: string;
  layer: number;
  description: string;
  /** Where the facts come from when not this layer's own entry; absent otherwise. */
  source?: string;
  page: string;
  example?: ExampleSection;
  params?: ParamSection[];
  /** Methods: the result type and its constructors; constructors: the type they belong to. */
  result?: { type: string; constructors: string[] };
  errors?: ErrorSection[];
  callers?: { callers?: Callers; bots: 'yes' | 'no' | 'unknown'; text: string; from?: string };
  /** Types: their constructors; for a constructor, its type's. */
  constructors?: ConstructorSummary[];
  /** Types: the methods that return it. */
  returnedBy?: string[];
  layers: LayerPresence[];
  schema?: SchemaSection;
}

/** The answer to "Can bots use this method?", as a sentence. */
export function botsAnswer(callers: NonNullable<Description['callers']>): string {
  if (callers.bots === 'unknown') return 'Not stated in the reference data.';
  return `${callers.bots === 'yes' ? 'Yes' : 'No'} (${callers.text}${callers.from ? `; from ${callers.from}` : ''}).`;
}

/** A parameter as Markdown cells (name, TL type, description): `tlwire describe` prints them, the site renders them. */
export function paramCells(p: ParamSection): [string, string, string] {
  const bits = p.bits?.length ? ` Bits: ${p.bits.map((b) => `${b.bit} \`${b.field}\``).join(', ')}.` : p.bits ? ' No field uses it.' : '';
  const name = p.key === undefined || p.key === p.name ? `**${p.name}**` : `**${p.name}** (\`${p.key}\`)`;
  return [name, `\`${p.tlType}\``, `${p.description}${p.key === undefined ? `; tlwire derives it from the fields present.${bits}` : ''}`];
}

/** How the id derives from the schema line, and whether it is the declared one. */
export function idDerivation(s: SchemaSection): string {
  const verdict = s.computedId === s.declaredId ? 'the declared id' : `not the declared #${s.declaredId}${s.exception ? `, a known exception: ${s.exception}` : ''}`;
  return `Its id is the CRC32 of the line without its #id and its flags.N?true fields: crc32("${s.idText}") = #${s.computedId}, ${verdict}.`;
}

/** A name the layer lacks: near names (in this layer, else in the others), and the shipped layers that have the name itself. */
export interface NotFound {
  name: string;
  layer: number;
  suggestions: { name: string; layers: number[] }[];
  inLayers: number[];
}

function hasName(model: LayerModel, name: string): boolean {
  return model.combinators.some((c) => c.name === name && c.id !== undefined) || name in model.types;
}

function combinatorOf(model: LayerModel, name: string): CombinatorModel | undefined {
  return model.combinators.find((c) => c.name === name && c.id !== undefined);
}

/** Names of the layer close to `name`: the same but for case first, then within two edits. */
function nearLayerNames(model: LayerModel, name: string): string[] {
  return nearNames([...model.combinators.filter((c) => c.id !== undefined).map((c) => c.name), ...Object.keys(model.types)], name);
}

/** The TL type of each field as the schema writes it (`flags.0?true`), by field name. */
function tlTypes(c: CombinatorModel): Map<string, string> {
  const parsed = parseCombinator(c.line);
  return new Map(parsed.params.flatMap((p) => (p.kind === 'field' ? [[p.name, printParam(p).slice(p.name.length + 1)] as const] : [])));
}

function schemaSection(c: CombinatorModel): SchemaSection {
  const parsed = parseCombinator(c.line);
  const section: SchemaSection = { line: c.line, idText: normalizeForId(parsed), computedId: formatId(computeId(parsed)), declaredId: formatId(c.id!) };
  const exception = knownIdException(parsed);
  if (section.computedId !== section.declaredId && exception) section.exception = exception.why;
  return section;
}

/** The TL text of a wire type, for the result section. */
function typeText(t: WireType, model: LayerModel): string {
  switch (t.k) {
    case 'boxed':
      return t.type;
    case 'vector':
      return `${t.boxed ? 'Vector' : 'vector'}<${typeText(t.of, model)}>`;
    case 'bool':
      return 'Bool';
    case 'bare':
      return `%${model.combinators.find((c) => c.ident === t.ctor)!.name}`;
    case 'query':
      return 'X';
    case 'object':
      return 'Object';
    default:
      return t.k;
  }
}

/** The boxed type whose constructors a result is made of. */
function resultConstructors(t: WireType, model: LayerModel): string[] {
  if (t.k === 'vector') return resultConstructors(t.of, model);
  if (t.k === 'bool') return ['boolTrue', 'boolFalse'];
  if (t.k === 'boxed') return (model.types[t.type] ?? []).map((ident) => model.combinators.find((c) => c.ident === ident)!.name);
  return [];
}

/**
 * A small value of a combinator, for the example: every `flags.N?true` set (the flags word at
 * work) with the fields that share its bit, other optional fields left out, the simplest
 * constructor for each boxed field.
 */
export class ExampleValues {
  private readonly byIdent: Map<string, CombinatorModel>;

  constructor(private readonly model: LayerModel) {
    this.byIdent = new Map(model.combinators.map((c) => [c.ident, c]));
  }

  of(c: CombinatorModel): Record<string, unknown> {
    const value: Record<string, unknown> = { _: c.name };
    // A bit a `true` field sets may also carry other fields (`bot:flags.14?true bot_info_version:flags.14?int`).
    const bitsSet = new Set(c.fields.filter((f) => f.flag && f.type.k === 'true').map((f) => `${f.flag!.key}.${f.flag!.bit}`));
    for (const f of c.fields) {
      if (f.type.k === 'flags') continue;
      if (f.flag && !bitsSet.has(`${f.flag.key}.${f.flag.bit}`)) continue;
      // The envelope's `bytes` is derived from its body when encoding.
      if (c.ident === ENVELOPE_IDENT && f.key === 'bytes') continue;
      value[f.key] = this.valueOf(f.type);
    }
    return value;
  }

  private valueOf(t: WireType): unknown {
    switch (t.k) {
      case 'int':
        return 1;
      case 'long':
        return 1n;
      case 'double':
        return 1.5;
      case 'int128':
        return new Uint8Array(16);
      case 'int256':
        return new Uint8Array(32);
      case 'bytes':
        return new Uint8Array([1, 2, 3]);
      case 'string':
        return 'abc';
      case 'bool':
      case 'true':
        return true;
      case 'flags':
        return 0;
      case 'vector':
        return [];
      case 'bare':
        return this.of(this.byIdent.get(t.ctor)!);
      case 'boxed':
        return this.of(this.simplest(this.model.types[t.type].map((ident) => this.byIdent.get(ident)!)));
      case 'object':
      case 'query': {
        const call = combinatorOf(this.model, 'help.getConfig') ?? this.simplest(this.model.combinators.filter((c) => c.kind === 'function' && c.id !== undefined));
        return this.of(call);
      }
    }
  }

  /** The constructor with the fewest required fields, preferring one not named *Empty. */
  private simplest(choices: CombinatorModel[]): CombinatorModel {
    const required = (c: CombinatorModel) => c.fields.filter((f) => !f.flag && f.type.k !== 'flags').length;
    const score = (c: CombinatorModel) => required(c) * 2 + (/Empty$/.test(c.name) ? 1 : 0);
    return choices.reduce((best, c) => (score(c) < score(best) ? c : best));
  }
}

/** A value as TypeScript source: bigint as `1n`, bytes as `new Uint8Array([...])`. */
function tsLiteral(value: unknown, indent: string): string {
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (value instanceof Uint8Array) return `new Uint8Array([${[...value].join(', ')}])`;
  if (Array.isArray(value)) return `[${value.map((v) => tsLiteral(v, indent)).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    const inner = `${indent}  `;
    const keyText = (k: string) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : `'${k}'`);
    if (entries.length <= 1) return `{ ${entries.map(([k, v]) => `${keyText(k)}: ${tsLiteral(v, inner)}`).join(', ')} }`;
    return `{\n${entries.map(([k, v]) => `${inner}${keyText(k)}: ${tsLiteral(v, inner)},`).join('\n')}\n${indent}}`;
  }
  return String(value);
}

function exampleSection(tl: TlLayer, c: CombinatorModel): ExampleSection {
  const value = new ExampleValues(tl.model).of(c);
  const hex = [...tl.encode(value)].map((b) => b.toString(16).padStart(2, '0')).join('');
  const json = tl.json.toJson(value);
  const typeName = c.kind === 'function' && c.result!.k !== 'query' ? resultTsType(c) : undefined;
  // The boxed writer, whose bytes (id, then fields) are the hex shown: a function's own, a
  // constructor's type's (a Bool's through write_Object, as Bool has no dispatcher).
  const writer = `write_${c.kind === 'function' ? c.ident : c.type === 'Bool' ? 'Object' : identOf(c.type)}`;
  const lines = [
    "import { serialize } from 'tlwire';",
    `import { ${writer} } from 'tlwire/layer${tl.layer}';`,
    '',
    `const bytes = serialize(${writer}, ${tsLiteral(value, '')});`,
    `// ${hex}`,
  ];
  if (c.kind === 'function') {
    const read = typeName ? `decodeResult('${c.name}', body): ${typeName}` : 'decodeResultOf(call, body): what its query returns';
    lines.push('', "// Sent, then the answer read with the layer's tables:", `// new ServiceCodec<Methods, TlObject>(layer).${read}`);
  }
  return { json, cli: `tlwire encode --layer ${tl.layer} '${JSON.stringify(json)}'`, hex, typescript: lines.join('\n') };
}

function paramSections(c: CombinatorModel, ref: LayerReference): ParamSection[] {
  const entry = entryOf(ref, c);
  const types = tlTypes(c);
  return c.fields.map((f) => {
    const section: ParamSection = { name: f.name, tlType: types.get(f.name) ?? '', description: entry?.params?.[f.name] ?? NO_DESCRIPTION };
    if (f.type.k === 'flags') section.bits = c.fields.filter((x) => x.flag?.key === f.key).map((x) => ({ bit: x.flag!.bit, field: x.name }));
    else section.key = f.key;
    return section;
  });
}

function errorSections(c: CombinatorModel, ref: LayerReference): ErrorSection[] {
  return (entryOf(ref, c)?.errors ?? []).map((e) => ({ code: e.code, name: e.name, description: e.description ?? RPC_ERRORS[e.name]?.description ?? NO_DESCRIPTION }));
}

function presence(layers: readonly DescribedLayer[], name: string): LayerPresence[] {
  return layers.flatMap(({ tl }) => {
    if (!hasName(tl.model, name)) return [];
    const id = tl.idOf(name);
    return [id === undefined ? { layer: tl.layer } : { layer: tl.layer, id: formatId(id) }];
  });
}

function summary(c: CombinatorModel, ref: LayerReference): ConstructorSummary {
  return { name: c.name, id: formatId(c.id!), description: entryOf(ref, c)?.description ?? NO_DESCRIPTION };
}

/** The description of the error `pattern` as `method` of this layer lists it, else as the error table has it. */
export function errorDescription(ref: LayerReference, method: string, pattern: string): string | undefined {
  return ref.combinators[method]?.errors?.find((e) => e.name === pattern)?.description ?? RPC_ERRORS[pattern]?.description;
}

/**
 * Every section of the reference page of `name` (a method, constructor or type) in `layer`, one of
 * `layers`; for a name the layer lacks, what it might have meant.
 */
export function describeName(name: string, layer: number, layers: readonly DescribedLayer[]): Description | NotFound {
  const here = layers.find((l) => l.tl.layer === layer);
  if (!here) throw new Error(`layer ${layer} is not among the described layers`);
  const { tl, reference: ref } = here;
  const model = tl.model;
  const c = combinatorOf(model, name);
  if (c) {
    const kind = c.kind === 'function' ? 'method' : 'constructor';
    const entry = entryOf(ref, c);
    const page = apiPage(kind as PageKind, c.name);
    const d: Description = { kind, name, layer, description: entry?.description ?? NO_DESCRIPTION, page, layers: presence(layers, name) };
    const source = sourceText(entry, name);
    if (source) d.source = source;
    d.example = exampleSection(tl, c);
    d.params = paramSections(c, ref);
    if (c.kind === 'function') {
      d.result = { type: typeText(c.result!, model), constructors: resultConstructors(c.result!, model) };
      d.errors = errorSections(c, ref);
      const callers = entry?.callers;
      d.callers = { bots: callers === undefined ? 'unknown' : callers === 'user' ? 'no' : 'yes', text: callersText(callers) };
      if (callers) d.callers.callers = callers;
      if (entry?.callersFrom) d.callers.from = entry.callersFrom;
    } else {
      d.result = { type: c.type, constructors: resultConstructors({ k: 'boxed', type: c.type }, model) };
    }
    d.schema = schemaSection(c);
    return d;
  }
  if (name in model.types) {
    const constructors = model.types[name].map((ident) => model.combinators.find((x) => x.ident === ident)!);
    const returnedBy = model.combinators
      .filter((f) => f.kind === 'function' && f.result && resultConstructors(f.result, model).length && typeText(f.result, model).replace(/^Vector<(.*)>$/, '$1') === name)
      .map((f) => f.name);
    return {
      kind: 'type',
      name,
      layer,
      description: ref.types[name] ?? NO_DESCRIPTION,
      page: apiPage('type', name),
      constructors: constructors.map((x) => summary(x, ref)),
      returnedBy,
      layers: presence(layers, name),
    };
  }
  const inLayers = layers.filter((l) => hasName(l.tl.model, name)).map((l) => l.tl.layer);
  let suggestions = nearLayerNames(model, name).map((n) => ({ name: n, layers: [layer] }));
  if (suggestions.length === 0 && inLayers.length === 0) {
    const elsewhere = new Map<string, number[]>();
    for (const other of layers) for (const n of nearLayerNames(other.tl.model, name)) elsewhere.set(n, [...(elsewhere.get(n) ?? []), other.tl.layer]);
    suggestions = [...elsewhere].map(([n, ls]) => ({ name: n, layers: ls }));
  }
  return { name, layer, suggestions, inLayers };
}
