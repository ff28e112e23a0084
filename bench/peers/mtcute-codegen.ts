/**
 * mtcute ships its layer 223, whose `message`, `user`, `channel` and `messageReplyHeader` have
 * other ids and fields than layer 228. mtcute's own code generator is not published, so this
 * module writes map entries for those constructors in the form mtcute's generator gives them
 * (the same runtime calls, the same flag handling, the same object shapes), from tlwire's
 * layer model. `checkAgainstShipped` proves the form: it re-creates every entry whose id agrees
 * between the two layers and compares the source text with the function mtcute ships.
 */
import type { CombinatorModel, FieldModel, WireType } from '../../dist/tl/model.js';

/** An argument as mtcute's api-schema.json lists it (only what the entry's form depends on). */
export interface MtcuteArgument {
  name: string;
  type: string;
  typeModifiers?: { isVector?: boolean; predicate?: string };
}

export interface MtcuteEntry {
  kind: 'class' | 'method';
  name: string;
  id: number;
  type: string;
  arguments: MtcuteArgument[];
}

/** Entry forms this module does not write (none of them is in the benchmark's values). */
export class UnsupportedShape extends Error {}

/** mtcute reads some `long` fields (user, chat and channel ids) as int53 numbers. */
function isInt53(entry: MtcuteEntry | undefined, field: FieldModel): boolean {
  return entry?.arguments.some((a) => a.name === field.name && a.type === 'int53') ?? false;
}

function readCall(t: WireType, int53: boolean): string {
  switch (t.k) {
    case 'int':
      return 'r.int';
    case 'long':
      return int53 ? 'r.int53' : 'r.long';
    case 'double':
      return 'r.double';
    case 'string':
      return 'r.string';
    case 'bytes':
      return 'r.bytes';
    case 'int128':
      return 'r.int128';
    case 'int256':
      return 'r.int256';
    case 'bool':
      return 'r.boolean';
    case 'boxed':
    case 'object':
      return 'r.object';
    default:
      throw new UnsupportedShape(`wire type ${t.k}`);
  }
}

function readExpr(t: WireType, int53: boolean): string {
  if (t.k === 'vector') {
    if (!t.boxed) throw new UnsupportedShape('bare vector');
    return `r.vector(${readCall(t.of, int53)})`;
  }
  return `${readCall(t, int53)}()`;
}

function writeCall(t: WireType, int53: boolean): string {
  return readCall(t, int53).replace('r.', 'w.');
}

function writeExpr(t: WireType, int53: boolean, value: string): string {
  if (t.k === 'vector') {
    if (!t.boxed) throw new UnsupportedShape('bare vector');
    return `w.vector(${writeCall(t.of, int53)},${value})`;
  }
  return `${writeCall(t, int53)}(${value})`;
}

function checkFlagsFirst(c: CombinatorModel): void {
  // mtcute reads every flags word before the first data field; only that form is written here.
  let seenData = false;
  for (const f of c.fields) {
    if (f.type.k === 'flags' && seenData) throw new UnsupportedShape('flags word after a data field');
    if (f.type.k !== 'flags' && f.type.k !== 'true') seenData = true;
  }
}

/** The reader entry: `function(r){...}`, keyed by id in mtcute's reader map. */
export function readerSource(c: CombinatorModel, entry?: MtcuteEntry): string {
  checkFlagsFirst(c);
  const flags = c.fields.filter((f) => f.type.k === 'flags');
  const head = flags.length ? `var ${flags.map((f) => `${f.name}=r.uint()`).join(',')};` : '';
  const props: string[] = [`_:'${c.name}'`];
  for (const f of c.fields) {
    if (f.type.k === 'true' && f.flag) props.push(`${f.key}:!!(${flagVar(c, f)}&${2 ** f.flag.bit})`);
  }
  for (const f of c.fields) {
    if (f.type.k === 'flags' || f.type.k === 'true') continue;
    const expr = readExpr(f.type, isInt53(entry, f));
    props.push(f.flag ? `${f.key}:${flagVar(c, f)}&${2 ** f.flag.bit}?${expr}:void 0` : `${f.key}:${expr}`);
  }
  const body = props.length === 1 ? props[0] : `${props.join(',')},`;
  return `function(r){${head}return{${body}}}`;
}

function flagVar(c: CombinatorModel, f: FieldModel): string {
  const word = c.fields.find((x) => x.key === f.flag!.key)!;
  return word.name;
}

/** The writer entry: `function(w,v){...}`, keyed by name in mtcute's writer map. */
export function writerSource(c: CombinatorModel, entry?: MtcuteEntry): string {
  if (c.id === undefined) throw new UnsupportedShape('no id');
  if (c.fields.length === 0) return `function(w){w.uint(${c.id >>> 0});}`;
  let out = `function(w,v){w.uint(${c.id >>> 0});`;
  // The variable that says whether an optional field is written: its own, or its bit's when shared.
  const presence = new Map<string, string>();
  for (const f of c.fields) {
    if (f.type.k === 'flags') {
      out += `var ${f.name}=0;`;
      const users = c.fields.filter((x) => x.flag?.key === f.key);
      const bits = [...new Set(users.map((x) => x.flag!.bit))].sort((a, b) => a - b);
      for (const bit of bits) {
        const group = users.filter((x) => x.flag!.bit === bit);
        const value = 2 ** bit;
        const own = (x: FieldModel) => (x.type.k === 'vector' ? `var _${x.key}=v.${x.key}&&v.${x.key}.length;` : `var _${x.key}=v.${x.key}!==undefined;`);
        if (group.length === 1) {
          const [x] = group;
          if (x.type.k === 'true') {
            out += `if(v.${x.key}===true)${f.name}|=${value};`;
          } else {
            out += `${own(x)}if(_${x.key})${f.name}|=${value};`;
            presence.set(x.key, `_${x.key}`);
          }
          continue;
        }
        const shared = `_${f.name}_${bit}`;
        for (const x of group) if (x.type.k !== 'true') out += own(x);
        const terms = group.map((x) => (x.type.k === 'true' ? `v.${x.key}===true` : `_${x.key}`));
        out += `var ${shared}=${terms.join('||')};if(${shared})${f.name}|=${value};`;
        for (const x of group) presence.set(x.key, shared);
      }
      out += `w.uint(${f.name});`;
      continue;
    }
    if (f.type.k === 'true') continue;
    const int53 = isInt53(entry, f);
    if (f.flag) out += `if(${presence.get(f.key)})${writeExpr(f.type, int53, `v.${f.key}`)};`;
    else out += `${writeExpr(f.type, int53, `h(v,'${f.key}')`)};`;
  }
  return `${out}}`;
}

/** mtcute's generated writers check required fields with this helper; the entries here use it too. */
export function requiredField(o: Record<string, unknown>, key: string): unknown {
  const value = o[key];
  if (value === undefined) throw Error(`Object ${String(o._)} is missing required property ${key}`);
  return value;
}

/** Compiles an entry. Each source text is distinct (its id is in it), so V8 shares no code between entries. */
export function compileEntry<F>(source: string): F {
  return new Function('h', `return ${source}`)(requiredField) as F;
}

export interface ShapeCheck {
  /** Constructors and functions with the same id and fields in both layers, of a form written here. */
  compared: number;
  /** Of those, entries whose reader and writer text equal mtcute's byte for byte. */
  identical: number;
  /** Entries of a form this module does not write. */
  unsupported: number;
  /** Names whose text differs. */
  different: string[];
}

/** Re-creates every shipped entry whose id agrees with tlwire's layer and compares the text. */
export function checkAgainstShipped(
  combinators: readonly CombinatorModel[],
  entries: ReadonlyMap<string, MtcuteEntry>,
  shippedReaders: Record<number, (...args: never[]) => unknown>,
  shippedWriters: Record<string, (...args: never[]) => unknown>,
): ShapeCheck {
  const result: ShapeCheck = { compared: 0, identical: 0, unsupported: 0, different: [] };
  for (const c of combinators) {
    const entry = entries.get(c.name);
    if (!entry || c.id === undefined || entry.id >>> 0 !== c.id >>> 0) continue;
    // An id does not cover `flags.N?true` fields: a few combinators gained one between the layers.
    if (entry.arguments.map((a) => a.name).join() !== c.fields.map((f) => f.name).join()) continue;
    let reader: string;
    let writer: string;
    try {
      reader = readerSource(c, entry);
      writer = writerSource(c, entry);
    } catch (e) {
      if (e instanceof UnsupportedShape) {
        result.unsupported++;
        continue;
      }
      throw e;
    }
    result.compared++;
    const readerOk = c.kind === 'function' || shippedReaders[c.id >>> 0]?.toString() === reader;
    const writerOk = shippedWriters[c.name]?.toString() === writer;
    if (readerOk && writerOk) result.identical++;
    else result.different.push(c.name);
  }
  return result;
}
