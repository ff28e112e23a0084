import type { CombinatorModel, LayerModel } from '../tl/model.js';
import { API_SITE, apiPage, htmlToMarkdown, type PageKind } from './markdown.js';
import type { Callers, CombinatorReference, LayerReference, MethodError, RpcErrorInfo } from './types.js';

/** The files of reference/ that the data is built from, as text. */
export interface ReferenceSources {
  /** mtcute's api-schema JSON per layer it describes: 134, 228. */
  schemas: Record<number, string>;
  /** mtcute's raw-errors.json. */
  rawErrors: string;
  /** The seed page of messages.getStatsURL (Markdown). */
  seedPage: string;
  /** Telethon's methods.csv: who may call a method where mtcute does not say. */
  telethonMethods: string;
}

/** A shipped layer and the layer whose descriptions it takes. */
export interface ReferenceTarget {
  model: LayerModel;
  /** The api-schema of `sources.schemas` to describe it from. */
  describedBy: number;
}

interface MtcuteArgument {
  name: string;
  comment?: string;
}

interface MtcuteEntry {
  kind: 'class' | 'method';
  name: string;
  id: number;
  comment?: string;
  arguments: MtcuteArgument[];
  throws?: { code: number; name: string; comment?: string }[];
  available?: Callers;
}

interface MtcuteSchema {
  l: number;
  e: MtcuteEntry[];
  u: Record<string, string>;
}

interface RawErrors {
  errors: Record<string, { code: number; name: string; description?: string; _paramNames?: string[] }>;
  throws: Record<string, string[]>;
}

/** The method whose only source is the seed page: it left the API in layer 134. */
export const SEED_METHOD = 'messages.getStatsURL';
const TELETHON = "Telethon's methods.csv (layer 158)";

function pageKind(kind: 'class' | 'method'): PageKind {
  return kind === 'method' ? 'method' : 'constructor';
}

/**
 * mtcute writes a reference to another entry as `{@link messages.RawGetHistoryRequest}` or
 * `{@link RawUser}`: its own class names. Maps them back to TL names, as Markdown links.
 */
function linkResolver(schema: MtcuteSchema): (name: string) => string {
  const byClass = new Map<string, MtcuteEntry>();
  for (const e of schema.e) {
    const dot = e.name.lastIndexOf('.');
    const ns = dot < 0 ? '' : `${e.name.slice(0, dot)}.`;
    const base = e.name.slice(dot + 1);
    const pascal = base[0].toUpperCase() + base.slice(1).replace(/_(.)/g, (_, c: string) => c.toUpperCase());
    byClass.set(`${ns}Raw${pascal}${e.kind === 'method' ? 'Request' : ''}`, e);
  }
  return (name) => {
    const e = byClass.get(name);
    return e ? `[${e.name}](${apiPage(pageKind(e.kind), e.name)})` : `\`${name}\``;
  };
}

function md(html: string | undefined, page: string, links: (name: string) => string): string | undefined {
  if (html === undefined) return undefined;
  const text = htmlToMarkdown(html, page, links);
  return text === '' ? undefined : text;
}

function parseTelethonMethods(csv: string): Map<string, Callers> {
  const callers = new Map<string, Callers>();
  for (const line of csv.split('\n').slice(1)) {
    const [method, usability] = line.split(',');
    if (usability === 'user' || usability === 'bot' || usability === 'both') callers.set(method, usability);
  }
  return callers;
}

/** Cells of a Markdown table row: `| a | b | c ` -> ['a', 'b', 'c']. */
function cells(row: string): string[] {
  return row.split('|').slice(1).map((c) => c.trim());
}

function section(page: string, title: string): string[] {
  const start = page.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`the seed page has no "## ${title}" section`);
  const rest = page.slice(start + title.length + 5);
  const end = rest.indexOf('\n## ');
  return (end < 0 ? rest : rest.slice(0, end)).split('\n').map((l) => l.trim()).filter((l) => l !== '');
}

/** The facts of the seed page: its description, parameters, errors and whether bots may call it. */
export function parseSeedPage(page: string): CombinatorReference {
  const lines = page.split('\n');
  const description = lines.slice(1, lines.findIndex((l) => l.startsWith('## '))).map((l) => l.trim()).filter((l) => l !== '').join('\n');
  const params: Record<string, string> = {};
  for (const row of section(page, 'Parameters').filter((l) => l.startsWith('| **'))) {
    const [name, , text] = cells(row);
    params[name.replace(/\*/g, '')] = text;
  }
  const errors: MethodError[] = section(page, 'Possible errors')
    .filter((l) => /^\| \d+ /.test(l))
    .map((row) => {
      const [code, name, text] = cells(row);
      return { code: Number(code), name: name.replace(/\\_/g, '_'), description: text };
    });
  const bots = section(page, 'Can bots use this method?')[0];
  if (bots !== 'Yes' && bots !== 'No') throw new Error(`the seed page says ${JSON.stringify(bots)} to "Can bots use this method?"`);
  return { description, params, errors, callers: bots === 'Yes' ? 'both' : 'user', from: 'seed' };
}

function methodError(code: number, name: string, description: string | undefined): MethodError {
  return description === undefined ? { code, name } : { code, name, description };
}

function entryReference(
  c: CombinatorModel,
  e: MtcuteEntry,
  links: (name: string) => string,
  extraErrors: MethodError[],
  telethon: Map<string, Callers>,
): CombinatorReference {
  const page = apiPage(pageKind(e.kind), c.name);
  const ref: CombinatorReference = {};
  const description = md(e.comment, page, links);
  if (description !== undefined) ref.description = description;
  const fieldNames = new Set(c.fields.map((f) => f.name));
  const params: Record<string, string> = {};
  for (const a of e.arguments) {
    const text = md(a.comment, page, links);
    if (text !== undefined && fieldNames.has(a.name)) params[a.name] = text;
  }
  if (Object.keys(params).length) ref.params = params;
  if (c.kind === 'function') {
    const errors = (e.throws ?? []).map((t) => methodError(t.code, t.name, md(t.comment, page, links)));
    for (const extra of extraErrors) if (!errors.some((x) => x.name === extra.name)) errors.push(extra);
    if (errors.length) ref.errors = errors;
    if (e.available) ref.callers = e.available;
    else if (telethon.has(c.name)) {
      ref.callers = telethon.get(c.name);
      ref.callersFrom = TELETHON;
    }
  }
  return ref;
}

/** The data of one shipped layer: each combinator matched to its entry by id, else by name. */
export function buildLayerReference(target: ReferenceTarget, sources: ReferenceSources): LayerReference {
  const schema = JSON.parse(sources.schemas[target.describedBy]) as MtcuteSchema;
  const raw = JSON.parse(sources.rawErrors) as RawErrors;
  const telethon = parseTelethonMethods(sources.telethonMethods);
  const links = linkResolver(schema);
  const byId = new Map(schema.e.map((e) => [e.id >>> 0, e]));
  const byName = new Map(schema.e.map((e) => [e.name, e]));
  // raw-errors.json is of the same mtcute commit as the newest layer's schema: its lists add to that layer's only.
  const sameCommit = schema.l === Math.max(...Object.keys(sources.schemas).map(Number));
  const combinators: Record<string, CombinatorReference> = {};
  for (const c of target.model.combinators) {
    if (c.id === undefined) continue;
    let entry = byId.get(c.id);
    let from: CombinatorReference['from'];
    if (entry === undefined && target.model.layer !== schema.l && c.name === SEED_METHOD) {
      combinators[c.name] = parseSeedPage(sources.seedPage);
      continue;
    }
    if (entry === undefined || entry.name !== c.name) {
      entry = byName.get(c.name);
      if (entry === undefined) {
        const callers = c.kind === 'function' ? telethon.get(c.name) : undefined;
        if (callers) combinators[c.name] = { callers, callersFrom: TELETHON };
        continue;
      }
      from = { layer: schema.l, id: entry.id >>> 0 };
    }
    const extra = sameCommit
      ? (raw.throws[c.name] ?? []).flatMap((name) => {
          const error = raw.errors[name];
          if (!error) return [];
          return [methodError(error.code, name, md(error.description, API_SITE, links))];
        })
      : [];
    const ref = entryReference(c, entry, links, extra, telethon);
    if (from) ref.from = from;
    combinators[c.name] = ref;
  }
  const types: Record<string, string> = {};
  for (const type of Object.keys(target.model.types).sort()) {
    const text = md(schema.u[type], apiPage('type', type), links);
    if (text !== undefined) types[type] = text;
  }
  return { layer: target.model.layer, combinators, types };
}

/** Every error of the sources: the global table, then names that only a layer's method lists. */
export function buildErrorTable(sources: ReferenceSources, layers: LayerReference[]): Record<string, RpcErrorInfo> {
  const raw = JSON.parse(sources.rawErrors) as RawErrors;
  const table: Record<string, RpcErrorInfo> = {};
  const links = (name: string) => `\`${name}\``;
  for (const [name, e] of Object.entries(raw.errors)) {
    const info: RpcErrorInfo = { code: e.code };
    const description = md(e.description, API_SITE, links);
    if (description !== undefined) info.description = description;
    if (e._paramNames) info.params = e._paramNames;
    table[name] = info;
  }
  for (const layer of layers) {
    for (const c of Object.values(layer.combinators)) {
      for (const e of c.errors ?? []) {
        if (table[e.name]) continue;
        table[e.name] = e.description === undefined ? { code: e.code } : { code: e.code, description: e.description };
      }
    }
  }
  return Object.fromEntries(Object.keys(table).sort().map((name) => [name, table[name]]));
}

const HEADER = '// Generated by scripts/reference.ts from reference/ (see reference/PROVENANCE.md). Do not edit.';

/** An object literal with one JSON entry per line, so that a change shows as the lines it touches. */
function objectLines(record: Record<string, unknown>, indent: string): string[] {
  return Object.entries(record).map(([k, v]) => `${indent}${JSON.stringify(k)}: ${JSON.stringify(v)},`);
}

/** A layer's data as a TypeScript module. */
export function emitLayerReference(ref: LayerReference): string {
  return [
    HEADER,
    "import type { LayerReference } from '../types.js';",
    '',
    `/** Layer ${ref.layer}: descriptions of its combinators, parameters and types, the errors of its methods and who may call them. */`,
    'export const reference: LayerReference = {',
    `  layer: ${ref.layer},`,
    '  combinators: {',
    ...objectLines(ref.combinators, '    '),
    '  },',
    '  types: {',
    ...objectLines(ref.types, '    '),
    '  },',
    '};',
    '',
  ].join('\n');
}

/** The `%d` placeholders of an error name as a pattern. */
export function placeholderCount(name: string): number {
  return name.split('%d').length - 1;
}

/** errors.ts: the descriptions (runtime data) and the error names as types (no runtime cost). */
export function emitErrorTable(table: Record<string, RpcErrorInfo>): string {
  const names = Object.keys(table);
  const withParams = names.filter((n) => placeholderCount(n) > 0);
  return [
    HEADER,
    "import type { RpcErrorInfo } from '../types.js';",
    '',
    '/** Every RPC error the reference data knows: code, description, names of its `%d` parameters. */',
    'export const RPC_ERRORS: Readonly<Record<string, RpcErrorInfo>> = {',
    ...objectLines(table, '  '),
    '};',
    '',
    '/** The name of an RPC error the reference data knows, placeholders as written (`FLOOD_WAIT_%d`). */',
    'export type RpcErrorName =',
    ...names.map((n, i) => `  | ${JSON.stringify(n)}${i === names.length - 1 ? ';' : ''}`),
    '',
    '/** The parameters of each error with `%d` placeholders, by the names of the data (`seconds`). */',
    'export interface RpcErrorParams {',
    ...withParams.map((n) => `  ${JSON.stringify(n)}: { ${(table[n].params ?? []).map((p) => `${p}: number;`).join(' ')} };`.replace('{  }', '{}')),
    '}',
    '',
  ].join('\n');
}

/** error-patterns.ts: the errors with `%d` placeholders and their parameter names, for parsing. */
export function emitErrorPatterns(table: Record<string, RpcErrorInfo>): string {
  const patterns = Object.keys(table).filter((n) => placeholderCount(n) > 0);
  return [
    HEADER,
    '',
    '/** The errors whose name carries numbers (`FLOOD_WAIT_%d`), with the names of those numbers where known. */',
    'export const RPC_ERROR_PATTERNS: Readonly<Record<string, readonly string[]>> = {',
    ...patterns.map((n) => `  ${JSON.stringify(n)}: ${JSON.stringify(table[n].params ?? [])},`),
    '};',
    '',
  ].join('\n');
}

/** Every file of src/reference/data/, by name. The output depends only on the input. */
export function buildReferenceData(targets: ReferenceTarget[], sources: ReferenceSources): Map<string, string> {
  const files = new Map<string, string>();
  const layers = targets.map((t) => buildLayerReference(t, sources));
  for (const ref of layers) files.set(`layer${ref.layer}.ts`, emitLayerReference(ref));
  const table = buildErrorTable(sources, layers);
  files.set('errors.ts', emitErrorTable(table));
  files.set('error-patterns.ts', emitErrorPatterns(table));
  return files;
}
