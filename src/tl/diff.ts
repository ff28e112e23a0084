import type { Combinator, FieldParam, Param, SchemaFile } from './ast.js';
import { formatPos, SchemaError } from './errors.js';
import { combinatorKey } from './names.js';
import { formatId } from '../common/bytes.js';
import { printCombinator, printParam, printType } from './printer.js';
import { isBuiltinLine } from './validate.js';

export type DiffKind = 'removed' | 'renamed' | 'changed' | 'added';

/** One fact about what changed between two schemas, with the line a client author reads. */
export interface DiffFact {
  kind: DiffKind;
  /** `constructor`, `function` or `type`. */
  what: 'constructor' | 'function' | 'type';
  /** The name in the new schema (the old one for `removed`). */
  name: string;
  /** `removed function messages.getStatsURL#812c2ae6: flags:# ... = StatsURL`. */
  text: string;
  /**
   * A changed or renamed combinator whose id did not change: one id, two definitions. A decoder
   * of either side reads the other's bytes without an error (a `?true` field is left out of the
   * id, so adding or removing one keeps it), so the two are never one definition.
   */
  sameId?: boolean;
}

export interface SchemaDiff {
  facts: DiffFact[];
  /** How many facts of each kind. */
  counts: Record<DiffKind, number>;
}

const kindOf = (c: Combinator): 'constructor' | 'function' => (c.section === 'functions' ? 'function' : 'constructor');
const idText = (c: Combinator): string => (c.id === undefined ? '' : `#${formatId(c.id)}`);

/** `flags:# dark:flags.0?true peer:InputPeer = StatsURL`: the line after its name and id. */
function signature(c: Combinator): string {
  const line = printCombinator(c);
  return line.slice(line.indexOf(' ') + 1, -1);
}

/** One side of the diff: every non-builtin line by section and name. A name defined twice with two lines is an error. */
function collect(files: SchemaFile[], side: string): Map<string, Combinator> {
  const out = new Map<string, Combinator>();
  for (const file of files) {
    for (const c of file.combinators) {
      if (isBuiltinLine(c)) continue;
      const previous = out.get(combinatorKey(c));
      if (!previous) out.set(combinatorKey(c), c);
      else if (printCombinator(previous) !== printCombinator(c)) {
        throw new SchemaError('DUPLICATE_NAME', c.pos, `${c.name} is defined twice on the ${side} side, also at ${formatPos(previous.pos)}: give one schema per side`);
      }
    }
  }
  return out;
}

const fieldsOf = (c: Combinator): FieldParam[] => c.params.filter((p: Param): p is FieldParam => p.kind === 'field');

/** A field as written, without its name: `flags.3?Vector<long>`. */
function fieldType(p: FieldParam): string {
  return printParam({ ...p, name: '' });
}

/** What changed inside a combinator that kept its name (or its id), as `; `-joined facts. */
function changes(before: Combinator, after: Combinator): string[] {
  const out: string[] = [];
  if (before.id !== after.id) out.push(`id ${before.id === undefined ? 'none' : formatId(before.id)} -> ${after.id === undefined ? 'none' : formatId(after.id)}`);
  const oldFields = new Map(fieldsOf(before).map((p) => [p.name, p]));
  const newFields = new Map(fieldsOf(after).map((p) => [p.name, p]));
  for (const [name, p] of oldFields) if (!newFields.has(name)) out.push(`removed field ${printParam(p)}`);
  for (const [name, p] of newFields) {
    const old = oldFields.get(name);
    if (!old) out.push(`added field ${printParam(p)}`);
    else if (fieldType(old) !== fieldType(p)) out.push(`field ${name}: ${fieldType(old)} -> ${fieldType(p)}`);
  }
  const kept = (fields: FieldParam[], other: Map<string, FieldParam>): string[] => fields.filter((p) => other.has(p.name)).map((p) => p.name);
  const oldOrder = kept(fieldsOf(before), newFields);
  const newOrder = kept(fieldsOf(after), oldFields);
  if (oldOrder.join(' ') !== newOrder.join(' ')) out.push(`field order ${oldOrder.join(' ')} -> ${newOrder.join(' ')}`);
  const oldResult = printType(before.result);
  const newResult = printType(after.result);
  if (oldResult !== newResult) out.push(before.section === 'functions' ? `returns ${oldResult} -> ${newResult}` : `type ${oldResult} -> ${newResult}`);
  if (out.length === 0 && signature(before) !== signature(after)) out.push(`line ${signature(before)} -> ${signature(after)}`);
  return out;
}

/** The warning for a definition that changed under the same id; `facts` are its changes. */
function sameIdFact(c: Combinator, facts: string[]): string {
  const onlyTrue = facts.every((f) => /^(added|removed) field \S+:[\w.]+\?true$/.test(f));
  return `same id ${formatId(c.id!)} for two definitions${onlyTrue ? ' (a ?true field does not count in the id)' : ''}: bytes with this id do not say which one they follow`;
}

/** The boxed types constructors build, by name: a type is gone when its last constructor is. */
function typesOf(lines: Map<string, Combinator>): Set<string> {
  const types = new Set<string>();
  for (const c of lines.values()) if (c.section === 'types') types.add(c.result.name);
  return types;
}

/**
 * What changed from `oldFiles` to `newFiles`, compared by name: constructors and functions
 * removed, renamed (a new name with the old id), changed (id, fields, result type) and added,
 * and boxed types that appeared or lost their last constructor. Facts come in that order, each
 * group in schema order.
 */
export function diffSchemas(oldFiles: SchemaFile[], newFiles: SchemaFile[]): SchemaDiff {
  const before = collect(oldFiles, 'old');
  const after = collect(newFiles, 'new');
  const removed: DiffFact[] = [];
  const renamed: DiffFact[] = [];
  const changed: DiffFact[] = [];
  const added: DiffFact[] = [];

  const addedById = new Map<number, Combinator>();
  for (const [key, c] of after) if (!before.has(key) && c.id !== undefined) addedById.set(c.id, c);
  const renamedTo = new Set<Combinator>();

  for (const [key, c] of before) {
    const now = after.get(key);
    if (now) {
      const facts = changes(c, now);
      // A changed id is the first fact; otherwise the id still names the line.
      const id = c.id === now.id ? idText(c) : '';
      const sameId = facts.length > 0 && c.id !== undefined && c.id === now.id;
      if (sameId) facts.push(sameIdFact(c, facts));
      if (facts.length) changed.push({ kind: 'changed', what: kindOf(c), name: c.name, text: `changed ${kindOf(c)} ${c.name}${id}: ${facts.join('; ')}`, ...(sameId && { sameId }) });
      continue;
    }
    const successor = c.id === undefined ? undefined : addedById.get(c.id);
    if (successor && successor.section === c.section) {
      renamedTo.add(successor);
      const facts = changes(c, successor);
      renamed.push({ kind: 'renamed', what: kindOf(c), name: successor.name, text: `renamed ${kindOf(c)} ${c.name} -> ${successor.name}${idText(c)}${facts.length ? `: ${facts.join('; ')}` : ''}` });
      continue;
    }
    removed.push({ kind: 'removed', what: kindOf(c), name: c.name, text: `removed ${kindOf(c)} ${c.name}${idText(c)}: ${signature(c)}` });
  }
  for (const [key, c] of after) {
    if (before.has(key) || renamedTo.has(c)) continue;
    added.push({ kind: 'added', what: kindOf(c), name: c.name, text: `added ${kindOf(c)} ${c.name}${idText(c)}: ${signature(c)}` });
  }

  const oldTypes = typesOf(before);
  const newTypes = typesOf(after);
  for (const t of oldTypes) if (!newTypes.has(t)) removed.push({ kind: 'removed', what: 'type', name: t, text: `removed type ${t}: no constructor builds it any more` });
  for (const t of newTypes) if (!oldTypes.has(t)) added.push({ kind: 'added', what: 'type', name: t, text: `added type ${t}` });

  const facts = [...removed, ...renamed, ...changed, ...added];
  return { facts, counts: { removed: removed.length, renamed: renamed.length, changed: changed.length, added: added.length } };
}
