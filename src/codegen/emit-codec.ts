import { hexId } from '../common/bytes.js';
import { ENVELOPE_IDENT, flagsMask, minSize, type CombinatorModel, type FieldModel, type LayerIndex, type WireType } from '../tl/model.js';
import { tsType } from './emit-types.js';
import { identOf } from '../tl/names.js';
import { importLines, wrapList, wireKey } from './wire.js';

const PRIMITIVE_WRITERS: Partial<Record<WireType['k'], string>> = {
  int: 'writeInt',
  long: 'writeLong',
  double: 'writeDouble',
  int128: 'writeInt128',
  int256: 'writeInt256',
  string: 'writeString',
  bytes: 'writeBytes',
  bool: 'writeBool',
};
const PRIMITIVE_READERS: Partial<Record<WireType['k'], string>> = {
  int: 'readInt',
  long: 'readLong',
  double: 'readDouble',
  int128: 'readInt128',
  int256: 'readInt256',
  string: 'readString',
  bytes: 'readBytes',
  bool: 'readBool',
};

/**
 * A constructor's bare writer or reader, fields only: `writeBare_statsURL`, named so that it is
 * never one letter's case away from its boxed type's `write_StatsURL` (id, then fields).
 */
function bareCodec(op: 'write' | 'read', ident: string): string {
  return `${op}Bare_${ident}`;
}

/** A combinator's own writer or reader: a constructor's is bare, a function's (`write_messages_getStatsURL`) writes its id. */
function ownCodec(op: 'write' | 'read', c: CombinatorModel): string {
  return c.kind === 'constructor' ? bareCodec(op, c.ident) : `${op}_${c.ident}`;
}

/** The function that writes a value of type `t` (a runtime primitive or a generated one). */
function writerOf(t: WireType): string {
  const primitive = PRIMITIVE_WRITERS[t.k];
  if (primitive) return primitive;
  switch (t.k) {
    case 'vector':
      return `write_${wireKey(t)}`;
    case 'boxed':
      return `write_${identOf(t.type)}`;
    case 'bare':
      return bareCodec('write', t.ctor);
    case 'object':
      return 'write_Object';
    case 'query':
      return 'write_Function';
    default:
      throw new Error(`no writer for ${t.k}`);
  }
}

function readerOf(t: WireType): string {
  const primitive = PRIMITIVE_READERS[t.k];
  if (primitive) return primitive;
  switch (t.k) {
    case 'vector':
      return `read_${wireKey(t)}`;
    case 'boxed':
      return `read_${identOf(t.type)}`;
    case 'bare':
      return bareCodec('read', t.ctor);
    case 'object':
      return 'read_Object';
    case 'query':
      return 'read_Function';
    default:
      throw new Error(`no reader for ${t.k}`);
  }
}

/** A bare constructor is written straight from the field, so its value is checked first. */
function writeCall(t: WireType, expr: string): string {
  if (t.k === 'bare') return `${writerOf(t)}(w, checkObject(${expr}));`;
  return `${writerOf(t)}(w, ${expr});`;
}

/**
 * Builds a function body that tracks which field it is at, for the error path. Only a step
 * that can throw gets a number (`f = 2;`); a step that cannot (a flag bit test, a store) adds
 * lines without one.
 */
class Steps {
  readonly lines: string[] = [];
  readonly names: string[] = [];

  /** Lines that may throw while working on field `name`. */
  step(name: string, ...lines: string[]): void {
    if (this.names.length > 0) lines[0] = `f = ${this.names.length}; ${lines[0]}`;
    this.names.push(name);
    this.lines.push(...lines);
  }

  /** Lines that cannot throw. */
  more(...lines: string[]): void {
    this.lines.push(...lines);
  }

  /** The field index: a constant when there is only one step that can throw. */
  field(): string {
    return this.names.length === 1 ? '0' : 'f';
  }
}

/**
 * A combinator's name and the names of the fields its steps can fail in, as one string that the
 * error reads only when it is thrown (`'message flags flags2 id'`): fewer bytes than an array.
 */
function namesString(name: string, steps: Steps): string {
  const words = [name, ...steps.names];
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + word.length > 90) {
      lines.push(line);
      line = '';
    }
    line += `${line ? ' ' : ''}${word}`;
  }
  lines.push(line);
  return lines.map((l, i) => `'${l}${i < lines.length - 1 ? ' ' : ''}'`).join(' +\n      ');
}

function wrapTry(steps: Steps, name: string, head: string[], tail: string[], context: string): string[] {
  if (steps.names.length === 0) return [...head, ...steps.lines.map((l) => `  ${l}`), ...tail.map((l) => `  ${l}`)];
  return [
    ...head,
    ...(steps.names.length > 1 ? ['  let f = 0;'] : []),
    '  try {',
    ...steps.lines.map((l) => `    ${l}`),
    ...tail.map((l) => `    ${l}`),
    '  } catch (e) {',
    `    throw ${context.replace('$NAMES', namesString(name, steps)).replace('$FIELD', steps.field())};`,
    '  }',
  ];
}

/** A flags bit or mask as generated code writes it: `0x400`. */
function mask(bits: number): string {
  return `0x${(bits >>> 0).toString(16)}`;
}

function bitTest(flagsLocal: string, bit: number): string {
  return `${flagsLocal} & ${mask(2 ** bit)}`;
}

/** Names the generated function bodies use for themselves; a field's local must not take one. */
const BODY_NAMES = new Set(['r', 'w', 'v', 'e', 'f', 'a', 'i', 'n', 'length', 'lengthAt', 'bodyStart', 'Reader', 'Writer']);
/** Words that cannot name a local in strict-mode ES modules. */
const RESERVED_WORDS = new Set(
  ('await break case catch class const continue debugger default delete do else enum eval export extends false finally for function if ' +
    'implements import in instanceof interface let new null package private protected public return static super switch this throw true try ' +
    'typeof undefined var void while with yield arguments').split(' '),
);

/**
 * The local that holds a field's value: the field's key (`peer`, `accessHash`), with a `_`
 * appended where the key is a reserved word or a name the body itself uses.
 */
function localOf(key: string, runtimeNames: ReadonlySet<string>): string {
  let local = key;
  while (RESERVED_WORDS.has(local) || BODY_NAMES.has(local) || runtimeNames.has(local) || /^(read|write|readBare|writeBare|set)_/.test(local) || /^p\d+$/.test(local)) local += '_';
  return local;
}

/** The terms of the flags word of `flagsKey`, derived from the conditional fields present. */
function flagsTerms(c: CombinatorModel, flagsKey: string, locals: ReadonlyMap<string, string>): string[] {
  const byBit = new Map<number, FieldModel[]>();
  for (const f of c.fields) if (f.flag?.key === flagsKey) byBit.set(f.flag.bit, [...(byBit.get(f.flag.bit) ?? []), f]);
  return [...byBit.entries()].map(([bit, fields]) => {
    const test = fields.map((f) => (f.type.k === 'true' ? locals.get(f.key)! : `v.${f.key} != null`)).join(' || ');
    return `(${test} ? ${mask(2 ** bit)} : 0)`;
  });
}

/** `const flags = a | b | c;`, one term a line when there are more than a few. */
function flagsStatement(local: string, terms: string[]): string[] {
  if (terms.length === 0) return [`const ${local} = 0;`];
  if (terms.length <= 3) return [`const ${local} = ${terms.join(' | ')};`];
  return [`const ${local} =`, ...terms.map((t, i) => `  ${t}${i === terms.length - 1 ? ';' : ' |'}`)];
}

/** `return { _: 'name', a, b, ... };` wrapped at about 120 characters a line. */
function returnStatement(values: string[]): string[] {
  const one = `return { ${values.join(', ')} };`;
  if (one.length <= 120) return [one];
  return ['return {', ...wrapList(values, '  '), '};'];
}

/** The statement that stores `value` at offset expression `at`. */
type Store = (at: string, value: string) => string;
/** Ids and flags words too: setInt32 wraps a value over 2^31 to the same four bytes. */
const int32Store: Store = (at, value) => `storeInt(w, ${at}, ${value});`;

/** Fixed-size fields the writer stores straight into the buffer, a run of them after one `reserve`. */
const FIXED_STORES: Partial<Record<WireType['k'], { check: string; store: Store; size: number }>> = {
  int: { check: 'checkInt', store: int32Store, size: 4 },
  long: { check: 'checkLong', store: (at, value) => `storeLong(w.buf, ${at}, ${value});`, size: 8 },
};

/**
 * A run of fixed-size stores (ids, flags words, ints, longs): each value is checked in its own
 * step, then one `claim` takes the run's bytes and the stores go straight to the buffer:
 *
 *     const p0 = claim(w, 16);
 *     storeInt(w, p0, flags);
 *     storeInt(w, p0 + 4, id);
 *     storeLong(w.buf, p0 + 8, accessHash);
 */
class FixedRun {
  private stores: { store: Store; value: string; size: number }[] = [];
  private runs = 0;

  add(store: Store, value: string, size: number): void {
    this.stores.push({ store, value, size });
  }

  /** The lines that write the run so far (none if it is empty). */
  flush(): string[] {
    if (this.stores.length === 0) return [];
    const p = `p${this.runs++}`;
    const lines = [];
    let offset = 0;
    for (const s of this.stores) {
      lines.push(s.store(offset === 0 ? p : `${p} + ${offset}`, s.value));
      offset += s.size;
    }
    this.stores = [];
    return [`const ${p} = claim(w, ${offset});`, ...lines];
  }
}

/**
 * The writer of one constructor's fields (bare: the caller writes its id) or of a function
 * (id first). `flags.N?true` fields set bits; conditional fields are written when their bit is
 * set (and checked for presence only where another field shares the bit):
 *
 *     export function writeBare_inputPeerChannel(w: Writer, v: inputPeerChannel): void {
 *       let f = 0;
 *       try {
 *         const channelId = checkLong(v.channelId);
 *         f = 1; const accessHash = checkLong(v.accessHash);
 *         const p0 = claim(w, 16); ... (a fixed run)
 *       } catch (e) {
 *         throw encodeAt(e, 'inputPeerChannel channelId accessHash', f);
 *       }
 *     }
 */
function emitWriter(c: CombinatorModel, runtimeNames: ReadonlySet<string>): string {
  const steps = new Steps();
  const run = new FixedRun();
  const locals = new Map<string, string>();
  if (c.kind === 'function') run.add(int32Store, hexId(c.id!), 4);
  const envelope = c.ident === ENVELOPE_IDENT;
  for (const f of c.fields) {
    if (f.type.k === 'true') continue;
    if (f.type.k === 'flags') {
      const local = localOf(f.key, runtimeNames);
      // Each true field is checked in its own step, so that a wrong value names that field.
      for (const t of c.fields) {
        if (t.type.k !== 'true' || t.flag?.key !== f.key) continue;
        locals.set(t.key, `set_${t.key}`);
        steps.step(t.key, `const set_${t.key} = isSet(v.${t.key});`);
      }
      steps.more(...flagsStatement(local, flagsTerms(c, f.key, locals)));
      locals.set(f.key, local);
      run.add(int32Store, local, 4);
      continue;
    }
    // The envelope's `bytes` is the body's length, written after the body.
    const fixed = f.flag || (envelope && f.key === 'bytes') ? undefined : FIXED_STORES[f.type.k];
    if (fixed) {
      const local = localOf(f.key, runtimeNames);
      steps.step(f.key, `const ${local} = ${fixed.check}(v.${f.key});`);
      run.add(fixed.store, local, fixed.size);
      continue;
    }
    steps.more(...run.flush());
    if (envelope && f.key === 'bytes') {
      // The body's length, known once the body is written: reserve its place now.
      steps.more('const lengthAt = claim(w, 4);');
      continue;
    }
    if (envelope && f.key === 'body') {
      steps.step(f.key, `${writeCall(f.type, `v.${f.key}`)}`, 'const length = w.pos - lengthAt - 4;', 'if (v.bytes !== undefined && v.bytes !== length) throw lengthMismatch(v.bytes, length);', 'storeInt(w, lengthAt, length);');
      continue;
    }
    if (f.flag) {
      const { key, bit } = f.flag;
      const cond = bitTest(locals.get(key)!, bit);
      // A bit of its own is set exactly when the field is there; a shared bit may be set by another field.
      const shared = c.fields.some((o) => o !== f && o.flag?.key === key && o.flag.bit === bit);
      if (!shared) steps.step(f.key, `if (${cond}) ${writeCall(f.type, `v.${f.key}!`)}`);
      else steps.step(f.key, `if (${cond}) {`, `  if (v.${f.key} == null) throw missingField('${f.key}');`, `  ${writeCall(f.type, `v.${f.key}`)}`, '}');
      continue;
    }
    steps.step(f.key, writeCall(f.type, `v.${f.key}`));
  }
  steps.more(...run.flush());
  const head = [`export function ${ownCodec('write', c)}(w: Writer, v: ${c.ident}): void {`];
  return [...wrapTry(steps, c.name, head, [], 'encodeAt(e, $NAMES, $FIELD)'), '}'].join('\n');
}

/**
 * The reader of one constructor's fields (its id already read) or of a function's:
 *
 *     export function readBare_updateShort(r: Reader): updateShort {
 *       let f = 0;
 *       try {
 *         const update = read_Update(r);
 *         f = 1; const date = readInt(r);
 *         return { _: 'updateShort', update, date };
 *       } catch (e) {
 *         throw decodeAt(e, 0x78d4dec1, 'updateShort update date', f);
 *       }
 *     }
 *
 * A flags word is checked for bits no field uses; `flags.N?true` fields are bit tests, which
 * cannot throw, so they get no step of their own.
 */
function emitReader(c: CombinatorModel, runtimeNames: ReadonlySet<string>): string {
  const steps = new Steps();
  const locals = new Map<string, string>();
  const values: string[] = [`_: '${c.name}'`];
  const envelope = c.ident === ENVELOPE_IDENT;
  for (const f of c.fields) {
    const local = localOf(f.key, runtimeNames);
    locals.set(f.key, local);
    if (f.type.k === 'flags') {
      const known = flagsMask(c, f.key);
      steps.step(f.key, `const ${local} = readInt(r);`, `if (${local} & ${mask(~known)}) unknownFlags(r, ${local}, ${mask(known)});`);
      continue;
    }
    values.push(local === f.key ? local : `${f.key}: ${local}`);
    if (f.type.k === 'true') {
      steps.more(`const ${local} = ${bitTest(locals.get(f.flag!.key)!, f.flag!.bit)} ? true : undefined;`);
      continue;
    }
    if (envelope && f.key === 'body') {
      // The envelope's `bytes` field must be the body's length.
      const length = locals.get('bytes')!;
      steps.step(f.key, 'const bodyStart = r.pos;', `const ${local} = ${readerOf(f.type)}(r);`, `if (r.pos - bodyStart !== ${length}) throw bodyLengthMismatch(r, bodyStart, ${length});`);
      continue;
    }
    if (f.flag) {
      steps.step(f.key, `const ${local} = ${bitTest(locals.get(f.flag.key)!, f.flag.bit)} ? ${readerOf(f.type)}(r) : undefined;`);
      continue;
    }
    steps.step(f.key, `const ${local} = ${readerOf(f.type)}(r);`);
  }
  const head = [`export function ${ownCodec('read', c)}(r: Reader): ${c.ident} {`];
  const tail = returnStatement(values);
  const context = `decodeAt(e, ${c.id === undefined ? 0 : hexId(c.id)}, $NAMES, $FIELD)`;
  return [...wrapTry(steps, c.name, head, tail, context), '}'].join('\n');
}

/**
 * The writer of a boxed type: the id of the value's constructor, then its fields.
 *
 *     export function write_InputPeer(w: Writer, v: InputPeer): void {
 *       switch (v?._) {
 *         case 'inputPeerSelf':
 *           writeUint32(w, 0x7da07ec9);
 *           writeBare_inputPeerSelf(w, v as inputPeerSelf);
 *           return;
 *         ...
 *         default:
 *           throw notOfType(v, 'InputPeer');
 *       }
 *     }
 */
function emitBoxedWriter(type: string, ctors: CombinatorModel[]): string {
  const ident = identOf(type);
  const lines = [`export function write_${ident}(w: Writer, v: ${ident}): void {`, '  switch (v?._) {'];
  for (const c of ctors) {
    lines.push(`    case '${c.name}':`, `      writeUint32(w, ${hexId(c.id!)});`, `      ${ownCodec('write', c)}(w, v as ${c.ident});`, '      return;');
  }
  lines.push('    default:', `      throw notOfType(v, '${type}');`, '  }', '}');
  return lines.join('\n');
}

/**
 * The reader of a boxed type: the id, one level of depth, the constructor's fields.
 *
 *     export function read_InputPeer(r: Reader): InputPeer {
 *       const id = readId(r);
 *       enter(r);
 *       let v: InputPeer;
 *       switch (id) {
 *         case 0x7da07ec9:
 *           v = readBare_inputPeerSelf(r);
 *           break;
 *         ...
 *         default:
 *           throw unknownId(r, id, 'InputPeer');
 *       }
 *       r.depth--;
 *       return v;
 *     }
 */
function emitBoxedReader(type: string, ctors: CombinatorModel[]): string {
  const ident = identOf(type);
  const lines = [`export function read_${ident}(r: Reader): ${ident} {`, '  const id = readId(r);', '  enter(r);', `  let v: ${ident};`, '  switch (id) {'];
  for (const c of ctors) lines.push(`    case ${hexId(c.id!)}:`, `      v = ${ownCodec('read', c)}(r);`, '      break;');
  lines.push('    default:', `      throw unknownId(r, id, '${type}');`, '  }', '  r.depth--;', '  return v;', '}');
  return lines.join('\n');
}

/**
 * `write_Object` / `read_Object` over every combinator, and `*_Function` over the functions.
 * They look the codec up in a table built on first use: a `switch` over thousands of cases is
 * more bytecode than V8 optimizes (60 KiB), so it would run interpreted, and a table built at
 * load time would keep every codec in every bundle. The tables are written as flat lists, the
 * least code per entry:
 *
 *     let ObjectWriters: Map<string, ObjectWriter> | undefined;
 *     export function write_Object(w: Writer, v: TlObject): void {
 *       writeByName(w, v, (ObjectWriters ??= writerTable(
 *         'inputPeerSelf', 0x7da07ec9, writeBare_inputPeerSelf,   (a constructor: the table writes its id)
 *         'messages.getStatsURL', 0, write_messages_getStatsURL,  (a function writes its own id)
 *         ...
 *       )), 'Object');
 *     }
 *     (read_Object: readById over `readerTable(0x7da07ec9, readBare_inputPeerSelf, ...)`)
 */
function emitUniversal(name: 'Object' | 'Function', members: CombinatorModel[], tsName: string): string {
  const writers = members.map((c) => `'${c.name}', ${c.kind === 'constructor' ? hexId(c.id!) : 0}, ${ownCodec('write', c)},`);
  const readers = members.map((c) => `${hexId(c.id!)}, ${ownCodec('read', c)},`);
  return [
    `let ${name}Writers: Map<string, ObjectWriter> | undefined;`,
    '',
    `export function write_${name}(w: Writer, v: ${tsName}): void {`,
    `  writeByName(w, v, (${name}Writers ??= writerTable(`,
    ...writers.map((entry) => `    ${entry}`),
    `  )), '${name}');`,
    '}',
    '',
    `let ${name}Readers: Map<number, (r: Reader) => ${tsName}> | undefined;`,
    '',
    `export function read_${name}(r: Reader): ${tsName} {`,
    `  return readById(r, (${name}Readers ??= readerTable<${tsName}>(`,
    ...wrapList(readers, '    ', ' '),
    `  )), '${name}');`,
    '}',
  ].join('\n');
}

/**
 * Vector writers and readers, one per distinct element type, shared by every field that uses it:
 *
 *     export function read_vec_long(r: Reader): bigint[] {
 *       const n = readVectorCount(r, true, 8);
 *       const a: bigint[] = [];
 *       let i = 0;
 *       try {
 *         for (; i < n; i++) a.push(readLong(r));
 *       } catch (e) {
 *         throw decodeIndex(e, i);
 *       }
 *       return a;
 *     }
 */
function emitVectorHelpers(index: LayerIndex): string[] {
  const seen = new Map<string, WireType & { k: 'vector' }>();
  const visit = (t: WireType): void => {
    if (t.k !== 'vector') return;
    visit(t.of);
    seen.set(wireKey(t), t);
  };
  for (const c of index.model.combinators) {
    for (const f of c.fields) visit(f.type);
    if (c.result) visit(c.result);
  }
  const out: string[] = [];
  for (const [key, t] of [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const elem = tsType(t.of);
    out.push(
      [
        `export function write_${key}(w: Writer, v: readonly ${elem}[]): void {`,
        `  const a = writeVectorHeader(w, ${t.boxed}, v);`,
        '  let i = 0;',
        '  try {',
        `    for (; i < a.length; i++) ${writeCall(t.of, 'a[i]')}`,
        '  } catch (e) {',
        '    throw encodeIndex(e, i);',
        '  }',
        '}',
      ].join('\n'),
      [
        `export function read_${key}(r: Reader): ${elem}[] {`,
        `  const n = readVectorCount(r, ${t.boxed}, ${Math.max(1, minSize(t.of, index))});`,
        `  const a: ${elem}[] = [];`,
        '  let i = 0;',
        '  try {',
        `    for (; i < n; i++) a.push(${readerOf(t.of)}(r));`,
        '  } catch (e) {',
        '    throw decodeIndex(e, i);',
        '  }',
        '  return a;',
        '}',
      ].join('\n'),
    );
  }
  return out;
}

/** What codec.ts imports from the runtime. */
const RUNTIME_IMPORTS = [
  ['Reader', 'Writer', 'readId', 'enter', 'unknownId', 'unknownFlags', 'decodeAt', 'decodeIndex', 'encodeAt', 'encodeIndex'],
  ['writeInt', 'readInt', 'writeUint32', 'writeLong', 'readLong', 'writeDouble', 'readDouble', 'writeInt128', 'readInt128', 'writeInt256', 'readInt256'],
  ['writeString', 'readString', 'writeBytes', 'readBytes', 'writeBool', 'readBool', 'readVectorCount', 'writeVectorHeader'],
  ['missingField', 'checkObject', 'checkInt', 'checkLong', 'claim', 'storeInt', 'storeLong', 'isSet', 'notOfType', 'lengthMismatch', 'bodyLengthMismatch'],
  ['writerTable', 'readerTable', 'writeByName', 'readById', 'type ObjectWriter'],
];

/**
 * codec.ts: a writer and a reader per constructor and function, a dispatcher per boxed type,
 * the vector helpers and the universal `Object` / `Function` dispatchers. Only function
 * declarations, so a bundler keeps just what a program reaches.
 */
export function emitCodec(index: LayerIndex, runtimeImport: string): string {
  const typeImports = new Set<string>(['TlObject', 'TlFunction']);
  for (const c of index.model.combinators) typeImports.add(c.ident);
  for (const t of index.boxedTypes) typeImports.add(identOf(t));
  const runtimeNames = new Set(RUNTIME_IMPORTS.flat().map((name) => name.replace(/^type /, '')));
  const out = [
    `// Generated by tlwire from the layer ${index.model.layer} schema. Do not edit.`,
    '/* eslint-disable */',
    'import {',
    ...RUNTIME_IMPORTS.map((names) => `  ${names.join(', ')},`),
    `} from '${runtimeImport}';`,
    ...importLines([...typeImports].sort(), './types.js', true),
    '',
  ];
  for (const c of index.model.combinators) out.push(emitWriter(c, runtimeNames), '', emitReader(c, runtimeNames), '');
  for (const type of index.boxedTypes) {
    const ctors = index.model.types[type].map((i) => index.byIdent.get(i)!);
    out.push(emitBoxedWriter(type, ctors), '', emitBoxedReader(type, ctors), '');
  }
  out.push(emitUniversal('Object', index.model.combinators.filter((c) => c.id !== undefined), 'TlObject'), '');
  out.push(emitUniversal('Function', index.functions, 'TlFunction'), '');
  for (const helper of emitVectorHelpers(index)) out.push(helper, '');
  return out.join('\n');
}
