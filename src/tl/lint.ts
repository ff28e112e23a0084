import type { Combinator, FieldParam, SchemaFile, TypeRef } from './ast.js';
import { knownIdException, verifyIds, type AllowedException } from './check.js';
import { SchemaError } from './errors.js';
import { identOf } from './model.js';
import { parseSchema } from './parser.js';
import { formatId, printCombinator } from './printer.js';

/** One schema file to check: its name (for positions) and its text. */
export interface LintInput {
  file: string;
  text: string;
}

export interface LintOptions {
  /**
   * The files are one schema: a name or id defined in two of them with different lines is an
   * error. Without it, files that redefine each other are checked as separate schema sets.
   */
  oneSchema?: boolean;
}

/** Two files (or sets) that redefine the same names: why they were checked apart. */
export interface Redefinition {
  file: string;
  /** The first file of the set it could not join. */
  other: string;
  /** Names (and `#id`s) the two define differently, in schema order. */
  names: string[];
}

/** An id used by two combinators on purpose (tdlib's `invokeWith*Prefix` pseudo-functions). */
export interface AllowedDuplicateId {
  combinator: Combinator;
  other: Combinator;
  why: string;
}

export interface LintReport {
  /** Each file as parsed; a statement that failed to parse is left out (its error is in `errors`). */
  files: SchemaFile[];
  combinators: number;
  /** Files checked together, in the order given. */
  sets: string[][];
  redefinitions: Redefinition[];
  idsVerified: number;
  withoutId: number;
  allowed: AllowedException[];
  allowedDuplicateIds: AllowedDuplicateId[];
  /** Every problem, by file (in the order given), then line and column. */
  errors: SchemaError[];
}

/** Parse errors reported per file before the rest of it is given up. */
export const MAX_PARSE_ERRORS_PER_FILE = 50;

/** Names every schema may use without defining them. */
const BUILTIN_TYPES = new Set(['int', 'long', 'double', 'string', 'bytes', 'int128', 'int256', 'Bool', 'true', 'Object', 'Type', '#', 'Vector', 'vector']);
const BUILTIN_NAMES = new Set(['int', 'long', 'double', 'string', 'bytes', 'int128', 'int256', 'vector']);

/** Builtin lines (`int ? = Int;`, `vector {t:Type} # [ t ] = Vector t;`) describe the wire, not values. */
function isBuiltinLine(c: Combinator): boolean {
  return c.questionMark || BUILTIN_NAMES.has(c.name) || c.params.some((p) => p.kind === 'repeat');
}

/** Lines that take part in name and id uniqueness: those with an id that are not builtins. */
function isIdentified(c: Combinator): c is Combinator & { id: number } {
  return c.id !== undefined && !isBuiltinLine(c);
}

const sectionWord = (c: Combinator): string => (c.section === 'functions' ? 'function' : 'constructor');
const at = (c: { pos: { file: string; line: number; column: number } }): string => `${c.pos.file}:${c.pos.line}:${c.pos.column}`;

const SECTION_MARKERS = ['---types---', '---functions---'];

/** Where statements end (`;` outside comments) and where section markers stand. */
function statementBoundaries(text: string): { start: number; end: number; section: boolean }[] {
  const out: { start: number; end: number; section: boolean }[] = [];
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('//', i)) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
    } else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 2;
    } else if (text[i] === ';') {
      out.push({ start: i, end: i + 1, section: false });
      i++;
    } else {
      const marker = SECTION_MARKERS.find((m) => text.startsWith(m, i));
      if (marker) {
        out.push({ start: i, end: i + marker.length, section: true });
        i += marker.length;
      } else i++;
    }
  }
  return out;
}

/**
 * Parses a file, and after each parse error blanks the statement it is in (keeping line breaks,
 * so later positions stay true) and parses again: every malformed statement gets its error.
 */
export function parseRecovering(text: string, file: string): { schema: SchemaFile; errors: SchemaError[] } {
  const errors: SchemaError[] = [];
  let boundaries: ReturnType<typeof statementBoundaries> | undefined;
  let lineStarts: number[] | undefined;
  let current = text;
  for (;;) {
    try {
      return { schema: parseSchema(current, file), errors };
    } catch (e) {
      if (!(e instanceof SchemaError)) throw e;
      errors.push(e);
      boundaries ??= statementBoundaries(text);
      lineStarts ??= [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
      const offset = Math.min(current.length, (lineStarts[e.pos.line - 1] ?? current.length) + e.pos.column - 1);
      const before = boundaries.filter((b) => b.end <= offset).at(-1);
      const after = boundaries.find((b) => b.start >= offset);
      const from = before ? before.end : 0;
      const to = after ? (after.section ? after.start : after.end) : current.length;
      const blanked = current.slice(0, from) + current.slice(from, to).replace(/[^\n]/g, ' ') + current.slice(to);
      // Bounded work on a hostile file; and a statement that cannot be blanked (never seen) ends the loop.
      if (blanked === current || errors.length >= MAX_PARSE_ERRORS_PER_FILE) {
        errors.push(new SchemaError('UNEXPECTED_TOKEN', e.pos, `${errors.length} parse error(s): the rest of ${file} is not checked`));
        return { schema: { file, combinators: [] }, errors };
      }
      current = blanked;
    }
  }
}

/** What the files of a set define, for uniqueness and for type lookup. */
class SchemaSet {
  readonly files: SchemaFile[] = [];
  readonly byName = new Map<string, Combinator>();
  readonly byId = new Map<number, Combinator>();

  /** The names and ids `file` defines differently from this set. */
  clashes(file: SchemaFile): string[] {
    const names: string[] = [];
    for (const c of file.combinators) {
      if (!isIdentified(c)) continue;
      const previous = this.byName.get(`${c.section}:${c.name}`);
      if (previous && printCombinator(previous) !== printCombinator(c)) names.push(c.name);
      const sameId = this.byId.get(c.id);
      if (sameId && sameId.name !== c.name && !knownIdException(c) && !knownIdException(sameId)) names.push(`#${formatId(c.id)}`);
    }
    return names;
  }

  add(file: SchemaFile): void {
    this.files.push(file);
    for (const c of file.combinators) {
      if (!isIdentified(c)) continue;
      if (!this.byName.has(`${c.section}:${c.name}`)) this.byName.set(`${c.section}:${c.name}`, c);
      if (!this.byId.has(c.id)) this.byId.set(c.id, c);
    }
  }
}

function typeNames(t: TypeRef, out: TypeRef[] = []): TypeRef[] {
  out.push(t);
  for (const a of t.args) typeNames(a, out);
  return out;
}

/**
 * Duplicate names, ids and identifiers among `combinators`, in order. `crossFileOnly` reports
 * only pairs from two files (a set whose files were each checked alone already).
 */
function checkUnique(combinators: Combinator[], errors: SchemaError[], allowed: AllowedDuplicateId[], crossFileOnly = false): void {
  const byName = new Map<string, Combinator>();
  const byId = new Map<number, Combinator>();
  const byIdent = new Map<string, Combinator>();
  const reported = (a: Combinator, b: Combinator): boolean => !crossFileOnly || a.pos.file !== b.pos.file;
  for (const c of combinators) {
    if (!isIdentified(c)) continue;
    const previous = byName.get(`${c.section}:${c.name}`);
    if (previous) {
      // The same line twice (`boolTrue` in an API and an MTProto file) is one combinator.
      if (printCombinator(previous) !== printCombinator(c) && reported(previous, c)) {
        errors.push(new SchemaError('DUPLICATE_NAME', c.pos, `${c.name} is already defined at ${at(previous)} with another line`));
      }
      continue;
    }
    byName.set(`${c.section}:${c.name}`, c);
    const sameId = byId.get(c.id);
    if (!sameId) byId.set(c.id, c);
    else if (reported(sameId, c)) {
      const exception = knownIdException(c) ?? knownIdException(sameId);
      if (exception) allowed.push({ combinator: c, other: sameId, why: exception.why });
      else errors.push(new SchemaError('DUPLICATE_ID', c.pos, `id #${formatId(c.id)} of ${c.name} is already used by ${sameId.name} at ${at(sameId)}`));
    }
    const ident = identOf(c.name);
    const sameIdent = byIdent.get(ident);
    if (sameIdent) {
      const what = sameIdent.name === c.name ? `${c.name} is both a ${sectionWord(c)} and a ${sectionWord(sameIdent)} (${at(sameIdent)})` : `${c.name} and ${sameIdent.name} (${at(sameIdent)}) map to the same identifier ${ident}`;
      if (reported(sameIdent, c)) errors.push(new SchemaError('DUPLICATE_NAME', c.pos, what));
    } else byIdent.set(ident, c);
  }
}

/** Types used and never defined by the set; flags fields; field names; `!X` variables. */
function checkCombinators(set: SchemaSet, errors: SchemaError[]): void {
  const defined = new Set(BUILTIN_TYPES);
  for (const file of set.files) {
    for (const c of file.combinators) {
      if (c.section !== 'types') continue;
      defined.add(c.result.name);
      defined.add(c.name);
    }
  }
  for (const file of set.files) {
    for (const c of file.combinators) {
      if (isBuiltinLine(c)) continue;
      const generics = new Set(c.generics.map((g) => g.name));
      const checkType = (t: TypeRef, pos: Combinator['pos'], what: string): void => {
        for (const part of typeNames(t)) {
          if ((part.name === 'Vector' || part.name === 'vector') && part.args.length !== 1) {
            errors.push(new SchemaError('UNEXPECTED_TOKEN', pos, `${part.name} in ${what} of ${c.name} takes exactly one type argument`));
          } else if (!defined.has(part.name) && !generics.has(part.name)) {
            errors.push(new SchemaError('UNDEFINED_TYPE', pos, `type ${part.percent ? '%' : ''}${part.name} used by ${what} of ${c.name} is not defined`));
          }
        }
      };
      const flagsFields = new Set<string>();
      const seenFields = new Map<string, FieldParam>();
      const fields = c.params.filter((p): p is FieldParam => p.kind === 'field');
      for (const [index, p] of fields.entries()) {
        const label = p.name || '(anonymous)';
        const earlier = p.name ? seenFields.get(p.name) : undefined;
        if (earlier) errors.push(new SchemaError('DUPLICATE_NAME', p.pos, `field ${p.name} of ${c.name} is already declared at ${at(earlier)}`));
        if (p.flag && !flagsFields.has(p.flag.field)) {
          const later = fields.slice(index + 1).some((q) => q.name === p.flag!.field);
          const why = seenFields.has(p.flag.field) ? `${p.flag.field} is not a '#' field` : later ? `${p.flag.field} is declared after it` : `${c.name} has no field ${p.flag.field}`;
          errors.push(new SchemaError('UNKNOWN_FLAGS_FIELD', p.pos, `${label} depends on ${p.flag.field}.${p.flag.bit}, but ${why}`));
        }
        if (p.type.name === '#' && !p.flag) flagsFields.add(p.name);
        else if (p.excl && !generics.has(p.type.name)) errors.push(new SchemaError('UNDEFINED_TYPE', p.pos, `!${p.type.name} in ${c.name} names no {${p.type.name}:Type} variable`));
        else if (p.type.name === 'true' && !p.flag) errors.push(new SchemaError('UNEXPECTED_TOKEN', p.pos, `${label}:true takes no bytes and must be conditional (flags.N?true)`));
        else if (!p.excl) checkType(p.type, p.pos, `field ${label}`);
        if (p.name) seenFields.set(p.name, p);
      }
      if (c.section === 'functions') checkType(c.result, c.pos, 'the result');
    }
  }
}

function byPosition(files: string[]): (a: SchemaError, b: SchemaError) => number {
  return (a, b) => files.indexOf(a.pos.file) - files.indexOf(b.pos.file) || a.pos.line - b.pos.line || a.pos.column - b.pos.column;
}

/**
 * Checks schema files and collects every problem, each at `file:line:column`: parse errors,
 * ids that are not the CRC32 of their line (known exceptions allowed and listed), names and ids
 * defined twice, types used but never defined, flags fields used before they are declared.
 *
 * Files that redefine each other's names (two layers, or tdlib's and tdesktop's flavour of one)
 * are not one schema: each file joins the first set, in the order given, whose names and ids it
 * does not contradict, and each set is checked on its own; `redefinitions` says why files were
 * kept apart. With `oneSchema` every file is in one set and each contradiction is an error.
 */
export function lintSchemas(inputs: LintInput[], options: LintOptions = {}): LintReport {
  const errors: SchemaError[] = [];
  const files: SchemaFile[] = [];
  for (const input of inputs) {
    const parsed = parseRecovering(input.text, input.file);
    errors.push(...parsed.errors);
    files.push(parsed.schema);
  }
  const ids = verifyIds(files);
  errors.push(...ids.errors);
  const allowedDuplicateIds: AllowedDuplicateId[] = [];

  const sets: SchemaSet[] = [];
  const redefinitions: Redefinition[] = [];
  for (const file of files) {
    // Duplicates inside one file are errors whatever the sets.
    checkUnique(file.combinators, errors, allowedDuplicateIds);
    if (options.oneSchema) {
      if (sets.length === 0) sets.push(new SchemaSet());
      sets[0].add(file);
      continue;
    }
    let home: SchemaSet | undefined;
    for (const set of sets) {
      const names = set.clashes(file);
      if (names.length === 0) {
        home = set;
        break;
      }
      redefinitions.push({ file: file.file, other: set.files[0].file, names });
    }
    if (!home) {
      home = new SchemaSet();
      sets.push(home);
    }
    home.add(file);
  }
  for (const set of sets) {
    // Only a `oneSchema` set can contradict itself across files.
    if (options.oneSchema) checkUnique(set.files.flatMap((f) => f.combinators), errors, allowedDuplicateIds, true);
    checkCombinators(set, errors);
  }
  errors.sort(byPosition(inputs.map((i) => i.file)));
  return {
    files,
    combinators: files.reduce((n, f) => n + f.combinators.length, 0),
    sets: sets.map((s) => s.files.map((f) => f.file)),
    redefinitions,
    idsVerified: ids.verified,
    withoutId: ids.withoutId,
    allowed: ids.allowed,
    allowedDuplicateIds,
    errors,
  };
}
