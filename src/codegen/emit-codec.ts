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

/** A constructor's bare codec, `writeBare_statsURL` / `readBare_statsURL`: never a capital letter away from a boxed type's. */
function bareCodec(op: 'write' | 'read', ident: string): string {
  return `${op}Bare_${ident}`;
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

/** The call that writes `expr` of type `t` as field `k` (every call that can fail is told its field). */
function writeCall(t: WireType, expr: string, k: number | string): string {
  return `${writerOf(t)}(w, ${expr}, ${k});`;
}

/**
 * A combinator's name and its fields' keys, one string per combinator that its reader, its
 * writer and its dispatchers share (`'message flags out ... id'`), split only when an error is
 * thrown: a failing call passes its field's index, and the error names the field from here.
 * A `var`, not a `const`: a dispatcher notes it for every object it reads or writes, and
 * V8 checks a module `const` for its temporal dead zone on each read (about 5% of a decode,
 * measured).
 */
function namesConst(c: CombinatorModel): string {
  return `var ${namesOf(c)} = '${[c.name, ...c.fields.map((f) => f.key)].join(' ')}';`;
}

const namesOf = (c: CombinatorModel): string => `n_${c.ident}`;
const fieldsReaderOf = (c: CombinatorModel): string => `readFields_${c.ident}`;
const fieldsWriterOf = (c: CombinatorModel): string => `writeFields_${c.ident}`;

/** A flags bit or mask as generated code writes it: `0x400`. */
function mask(bits: number): string {
  return `0x${(bits >>> 0).toString(16)}`;
}

function bitTest(flagsLocal: string, bit: number): string {
  return `${flagsLocal} & ${mask(2 ** bit)}`;
}

/** Names the fields readers and writers use for themselves; a field's local must not take one. */
const BODY_NAMES = new Set(['r', 'w', 'v', 'length', 'lengthAt', 'bodyStart', 'Reader', 'Writer']);
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
  while (RESERVED_WORDS.has(local) || BODY_NAMES.has(local) || runtimeNames.has(local) || /^(read|write|set)_/.test(local) || /^p\d+$/.test(local)) local += '_';
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

/** Fixed-size fields the writer stores straight into the buffer, a run of them after one `claim`. */
const FIXED_STORES: Partial<Record<WireType['k'], { check: string; store: Store; size: number }>> = {
  int: { check: 'checkInt', store: int32Store, size: 4 },
  long: { check: 'checkLong', store: (at, value) => `storeLong(w.buf, ${at}, ${value});`, size: 8 },
};

/**
 * A run of fixed-size stores (ids, flags words, ints, longs): each value is checked first (a
 * wrong one names its field), then one `claim` takes the run's bytes and the stores go straight
 * to the buffer:
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
 * The writer of one combinator's fields (a function's id first; a constructor's id is its
 * dispatcher's). No error context of its own: each call that can fail is told the index of
 * its field, and the dispatcher above names it. `flags.N?true` fields set bits; conditional
 * fields are written when their bit is set (and checked for presence only where another field
 * shares the bit); fixed-size fields are stored as a run after one `claim`:
 *
 *     function writeFields_inputPeerChannel(w: Writer, v: inputPeerChannel): void {
 *       const channelId = checkLong(v.channelId, 0);
 *       const accessHash = checkLong(v.accessHash, 1);
 *       const p0 = claim(w, 16);
 *       storeLong(w.buf, p0, channelId);
 *       storeLong(w.buf, p0 + 8, accessHash);
 *     }
 */
function emitWriter(c: CombinatorModel, runtimeNames: ReadonlySet<string>): string {
  const lines: string[] = [];
  const run = new FixedRun();
  const locals = new Map<string, string>();
  if (c.kind === 'function') run.add(int32Store, hexId(c.id!), 4);
  const envelope = c.ident === ENVELOPE_IDENT;
  const indexOf = new Map(c.fields.map((f, k) => [f.key, k]));
  c.fields.forEach((f, k) => {
    if (f.type.k === 'true') return;
    if (f.type.k === 'flags') {
      const local = localOf(f.key, runtimeNames);
      for (const t of c.fields) {
        if (t.type.k !== 'true' || t.flag?.key !== f.key) continue;
        locals.set(t.key, `set_${t.key}`);
        lines.push(`const set_${t.key} = isSet(v.${t.key}, ${indexOf.get(t.key)});`);
      }
      lines.push(...flagsStatement(local, flagsTerms(c, f.key, locals)));
      locals.set(f.key, local);
      run.add(int32Store, local, 4);
      return;
    }
    // The envelope's `bytes` is the body's length, written after the body.
    const fixed = f.flag || (envelope && f.key === 'bytes') ? undefined : FIXED_STORES[f.type.k];
    if (fixed) {
      const local = localOf(f.key, runtimeNames);
      lines.push(`const ${local} = ${fixed.check}(v.${f.key}, ${k});`);
      run.add(fixed.store, local, fixed.size);
      return;
    }
    lines.push(...run.flush());
    if (envelope && f.key === 'bytes') {
      // The body's length, known once the body is written: reserve its place now.
      lines.push('const lengthAt = claim(w, 4);');
      return;
    }
    if (envelope && f.key === 'body') {
      lines.push(writeCall(f.type, `v.${f.key}`, k), 'const length = w.pos - lengthAt - 4;', `if (v.bytes !== undefined && v.bytes !== length) throw lengthMismatch(v.bytes, length, ${k});`, 'storeInt(w, lengthAt, length);');
      return;
    }
    if (f.flag) {
      const { key, bit } = f.flag;
      const cond = bitTest(locals.get(key)!, bit);
      // A bit of its own is set exactly when the field is there; a shared bit may be set by another field.
      const shared = c.fields.some((o) => o !== f && o.flag?.key === key && o.flag.bit === bit);
      if (!shared) lines.push(`if (${cond}) ${writeCall(f.type, `v.${f.key}!`, k)}`);
      else lines.push(`if (${cond}) {`, `  if (v.${f.key} == null) throw missingField('${f.key}', ${k});`, `  ${writeCall(f.type, `v.${f.key}`, k)}`, '}');
      return;
    }
    lines.push(writeCall(f.type, `v.${f.key}`, k));
  });
  lines.push(...run.flush());
  const v = lines.some((l) => /\bv\b/.test(l)) ? 'v' : '_v';
  return [`function ${fieldsWriterOf(c)}(w: Writer, ${v}: ${c.ident}): void {`, ...lines.map((l) => `  ${l}`), '}'].join('\n');
}

/**
 * The reader of one combinator's fields (its id already read), with no error context of its
 * own (see {@link emitWriter}). A flags word is read through `readFlags`, which refuses bits no
 * field uses; a `flags.N?true` field is its bit test; every other field is read inside the
 * object literal, in field order, except those before a later flags word (and the envelope's),
 * which are read into locals first:
 *
 *     function readFields_updateShortMessage(r: Reader): updateShortMessage {
 *       const flags = readFlags(r, 0x20028be, 0);
 *       return {
 *         _: 'updateShortMessage', out: flags & 0x2 ? true : undefined, ..., id: readInt(r, 5),
 *         ..., fwdFrom: flags & 0x4 ? read_MessageFwdHeader(r, 11) : undefined, ...
 *       };
 *     }
 */
function emitReader(c: CombinatorModel, runtimeNames: ReadonlySet<string>): string {
  const lines: string[] = [];
  const locals = new Map<string, string>();
  const values: string[] = [`_: '${c.name}'`];
  const envelope = c.ident === ENVELOPE_IDENT;
  c.fields.forEach((f, k) => {
    const local = localOf(f.key, runtimeNames);
    locals.set(f.key, local);
    if (f.type.k === 'flags') {
      lines.push(`const ${local} = readFlags(r, ${mask(flagsMask(c, f.key))}, ${k});`);
      return;
    }
    if (f.type.k === 'true') {
      values.push(`${f.key}: ${bitTest(locals.get(f.flag!.key)!, f.flag!.bit)} ? true : undefined`);
      return;
    }
    const read = `${readerOf(f.type)}(r, ${k})`;
    // The envelope's `bytes` field must be the body's length.
    if (envelope && f.key === 'body') lines.push('const bodyStart = r.pos;');
    const value = f.flag ? `${bitTest(locals.get(f.flag.key)!, f.flag.bit)} ? ${read} : undefined` : read;
    const later = c.fields.slice(k + 1).some((o) => o.type.k === 'flags');
    if (!envelope && !later) {
      values.push(`${f.key}: ${value}`);
      return;
    }
    lines.push(`const ${local} = ${value};`);
    if (envelope && f.key === 'body') lines.push(`if (r.pos - bodyStart !== ${locals.get('bytes')}) throw bodyLengthMismatch(r, bodyStart, ${locals.get('bytes')}, ${k});`);
    values.push(local === f.key ? local : `${f.key}: ${local}`);
  });
  const r = c.fields.some((f) => f.type.k !== 'true') ? 'r' : '_r';
  return [`function ${fieldsReaderOf(c)}(${r}: Reader): ${c.ident} {`, ...lines.map((l) => `  ${l}`), ...returnStatement(values).map((l) => `  ${l}`), '}'].join('\n');
}

/**
 * A combinator's pair as a user calls it. A constructor's is bare (its fields, no id:
 * `writeBare_statsURL` / `readBare_statsURL`); a function's is boxed on both sides (the id, then
 * the fields: `write_messages_getStatsURL` / `read_messages_getStatsURL`). Each adds the
 * combinator's names to an error, which the fields codecs leave to their caller.
 */
function emitPair(c: CombinatorModel): string {
  const id = c.id === undefined ? '0' : hexId(c.id);
  const call = c.kind === 'function';
  const [write, read] = call ? [`write_${c.ident}`, `read_${c.ident}`] : [bareCodec('write', c.ident), bareCodec('read', c.ident)];
  return [
    `export function ${write}(w: Writer, v: ${c.ident}, k?: number): void {`,
    `  writeWithNames(w, v, ${fieldsWriterOf(c)}, ${namesOf(c)}, k);`,
    '}',
    '',
    `export function ${read}(r: Reader, k?: number): ${c.ident} {`,
    call ? `  return readCall(r, ${id}, ${fieldsReaderOf(c)}, ${namesOf(c)}, k);` : `  return readWithNames(r, ${fieldsReaderOf(c)}, ${namesOf(c)}, ${id}, k);`,
    '}',
  ].join('\n');
}

/**
 * The writer of a boxed type: the id of the value's constructor, then its fields; an error
 * gets the constructor's field name here, and the index `k` of the field this value is in.
 *
 *     export function write_InputPeer(w: Writer, v: InputPeer, k?: number): void {
 *       let n: string | undefined;
 *       try {
 *         switch (v?._) {
 *           case 'inputPeerSelf':
 *             n = n_inputPeerSelf;
 *             writeUint32(w, 0x7da07ec9);
 *             writeFields_inputPeerSelf(w, v as inputPeerSelf);
 *             return;
 *           ...
 *           default:
 *             throw notOfType(v, 'InputPeer');
 *         }
 *       } catch (e) {
 *         throw atField(e, n, k);
 *       }
 *     }
 */
function emitBoxedWriter(type: string, ctors: CombinatorModel[]): string {
  const ident = identOf(type);
  const lines = [`export function write_${ident}(w: Writer, v: ${ident}, k?: number): void {`, '  let n: string | undefined;', '  try {', '    switch (v?._) {'];
  for (const c of ctors) {
    // A constructor without fields cannot fail: its names are not needed here.
    const names = c.fields.length > 0 ? [`        n = ${namesOf(c)};`] : [];
    lines.push(`      case '${c.name}':`, ...names, `        writeUint32(w, ${hexId(c.id!)});`, `        ${fieldsWriterOf(c)}(w, v as ${c.ident});`, '        return;');
  }
  lines.push('      default:', `        throw notOfType(v, '${type}');`, '    }', '  } catch (e) {', '    throw atField(e, n, k);', '  }', '}');
  return lines.join('\n');
}

/**
 * The reader of a boxed type: the id, one level of depth, the constructor's fields.
 *
 *     export function read_InputPeer(r: Reader, k?: number): InputPeer {
 *       const id = readId(r, k);
 *       enter(r, k);
 *       let n: string | undefined;
 *       let v: InputPeer;
 *       try {
 *         switch (id) {
 *           case 0x7da07ec9:
 *             n = n_inputPeerSelf;
 *             v = readFields_inputPeerSelf(r);
 *             break;
 *           ...
 *           default:
 *             throw unknownId(r, id, 'InputPeer');
 *         }
 *       } catch (e) {
 *         throw atField(e, n, k, id);
 *       }
 *       r.depth--;
 *       return v;
 *     }
 */
function emitBoxedReader(type: string, ctors: CombinatorModel[]): string {
  const ident = identOf(type);
  const lines = [`export function read_${ident}(r: Reader, k?: number): ${ident} {`, '  const id = readId(r, k);', '  enter(r, k);', '  let n: string | undefined;', `  let v: ${ident};`, '  try {', '    switch (id) {'];
  for (const c of ctors) {
    const names = c.fields.length > 0 ? [`        n = ${namesOf(c)};`] : [];
    lines.push(`      case ${hexId(c.id!)}:`, ...names, `        v = ${fieldsReaderOf(c)}(r);`, '        break;');
  }
  lines.push('      default:', `        throw unknownId(r, id, '${type}');`, '    }', '  } catch (e) {', '    throw atField(e, n, k, id);', '  }', '  r.depth--;', '  return v;', '}');
  return lines.join('\n');
}

/**
 * `write_Object` / `read_Object` over every combinator, and `*_Function` over the functions.
 * They look the codec up in a table built on first use: a `switch` over thousands of cases is
 * more bytecode than V8 optimizes (60 KiB), so it would run interpreted, and a table built at
 * load time would keep every codec in every bundle. The tables are written as flat argument
 * lists, the least code per entry, in a function of their own: a call with thousands of
 * arguments takes a register each in its caller's frame, which would make every nested
 * `read_Object` frame tens of KiB and exhaust the stack a few dozen levels down.
 *
 *     let ObjectWriters: Map<string, ObjectWriter> | undefined;
 *     function objectWriters(): Map<string, ObjectWriter> {
 *       return writerTable(
 *         'inputPeerSelf', 0x7da07ec9, writeFields_inputPeerSelf, n_inputPeerSelf,  (a constructor: the table writes its id)
 *         'messages.getStatsURL', 0, writeFields_messages_getStatsURL, n_...,      (a function writes its own id)
 *         ...
 *       );
 *     }
 *     export function write_Object(w: Writer, v: TlObject, k?: number): void {
 *       writeByName(w, v, (ObjectWriters ??= objectWriters()), 'Object', k);
 *     }
 *     (read_Object: readById over `readerTable(0x7da07ec9, readFields_inputPeerSelf, n_inputPeerSelf, ...)`)
 */
function emitUniversal(name: 'Object' | 'Function', members: CombinatorModel[], tsName: string): string {
  const writers = members.map((c) => `'${c.name}', ${c.kind === 'constructor' ? hexId(c.id!) : 0}, ${fieldsWriterOf(c)}, ${namesOf(c)},`);
  const readers = members.map((c) => `${hexId(c.id!)}, ${fieldsReaderOf(c)}, ${namesOf(c)},`);
  const lower = name.toLowerCase();
  return [
    `let ${name}Writers: Map<string, ObjectWriter> | undefined;`,
    '',
    `function ${lower}Writers(): Map<string, ObjectWriter> {`,
    '  return writerTable(',
    ...wrapList(writers, '    ', ' '),
    '  );',
    '}',
    '',
    `export function write_${name}(w: Writer, v: ${tsName}, k?: number): void {`,
    `  writeByName(w, v, (${name}Writers ??= ${lower}Writers()), '${name}', k);`,
    '}',
    '',
    `let ${name}Readers: Map<number, ObjectReader<${tsName}>> | undefined;`,
    '',
    `function ${lower}Readers(): Map<number, ObjectReader<${tsName}>> {`,
    `  return readerTable<${tsName}>(`,
    ...wrapList(readers, '    ', ' '),
    '  );',
    '}',
    '',
    `export function read_${name}(r: Reader, k?: number): ${tsName} {`,
    `  return readById(r, (${name}Readers ??= ${lower}Readers()), '${name}', k);`,
    '}',
    ...(name === 'Object'
      ? ['', '/** The table `read_Object` reads by: the registry takes the layer\'s ids from it (its names say whose id). */', 'export function objectReaderTable(): Map<number, ObjectReader<TlObject>> {', '  return (ObjectReaders ??= objectReaders());', '}']
      : []),
  ].join('\n');
}

/**
 * Vector writers and readers, one per distinct element type, shared by every field that uses
 * it; an error gets the element's index, and the index `k` of the field the vector is in:
 *
 *     export function read_vec_long(r: Reader, k?: number): bigint[] {
 *       const n = readVectorCount(r, true, 8, k);
 *       const a: bigint[] = [];
 *       let i = 0;
 *       try {
 *         for (; i < n; i++) a.push(readLong(r));
 *       } catch (e) {
 *         throw atIndex(e, i, k);
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
        `export function write_${key}(w: Writer, v: readonly ${elem}[], k?: number): void {`,
        `  const a = writeVectorHeader(w, ${t.boxed}, v, k);`,
        '  let i = 0;',
        '  try {',
        `    for (; i < a.length; i++) ${writerOf(t.of)}(w, a[i]);`,
        '  } catch (e) {',
        '    throw atIndex(e, i, k);',
        '  }',
        '}',
      ].join('\n'),
      [
        `export function read_${key}(r: Reader, k?: number): ${elem}[] {`,
        `  const n = readVectorCount(r, ${t.boxed}, ${Math.max(1, minSize(t.of, index))}, k);`,
        `  const a: ${elem}[] = [];`,
        '  let i = 0;',
        '  try {',
        `    for (; i < n; i++) a.push(${readerOf(t.of)}(r));`,
        '  } catch (e) {',
        '    throw atIndex(e, i, k);',
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
  ['Reader', 'Writer', 'readId', 'enter', 'unknownId', 'readFlags', 'atField', 'atIndex'],
  ['writeInt', 'readInt', 'writeUint32', 'writeLong', 'readLong', 'writeDouble', 'readDouble', 'writeInt128', 'readInt128', 'writeInt256', 'readInt256'],
  ['writeString', 'readString', 'writeBytes', 'readBytes', 'writeBool', 'readBool', 'readVectorCount', 'writeVectorHeader'],
  ['missingField', 'checkInt', 'checkLong', 'claim', 'storeInt', 'storeLong', 'isSet', 'notOfType', 'lengthMismatch', 'bodyLengthMismatch'],
  ['readWithNames', 'writeWithNames', 'readCall', 'writerTable', 'readerTable', 'writeByName', 'readById', 'type ObjectWriter', 'type ObjectReader'],
];

/**
 * codec.ts: per combinator its names, its fields writer and reader and the pair a user calls;
 * a dispatcher per boxed type, the vector helpers and the universal `Object` / `Function`
 * dispatchers. Only declarations without side effects, so a bundler keeps just what a program
 * reaches.
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
  for (const c of index.model.combinators) {
    out.push(namesConst(c), '', emitWriter(c, runtimeNames), '', emitReader(c, runtimeNames), '', emitPair(c), '');
  }
  for (const type of index.boxedTypes) {
    const ctors = index.model.types[type].map((i) => index.byIdent.get(i)!);
    out.push(emitBoxedWriter(type, ctors), '', emitBoxedReader(type, ctors), '');
  }
  out.push(emitUniversal('Object', index.model.combinators.filter((c) => c.id !== undefined), 'TlObject'), '');
  out.push(emitUniversal('Function', index.functions, 'TlFunction'), '');
  for (const helper of emitVectorHelpers(index)) out.push(helper, '');
  return out.join('\n');
}
