import type { Combinator, FieldParam, SchemaFile, SourcePos, TypeRef } from './ast.js';
import { knownIdException } from './check.js';
import { formatPos, SchemaError } from './errors.js';
import { combinatorKey, fieldKey, identOf } from './names.js';
import { printCombinator } from './printer.js';
import { formatId } from '../common/bytes.js';

/**
 * The checks a set of schema lines must pass, in one place: `tlwire check` (lint.ts) reports
 * every problem they find, building a layer model (model.ts) stops at the first.
 */

/** Names every schema may use as a type without defining them. */
const BUILTIN_TYPES = new Set(['int', 'long', 'double', 'string', 'bytes', 'int128', 'int256', 'Bool', 'true', 'Object', 'Type', '#', 'Vector', 'vector']);
/** Types the wire knows by itself; lines that (re)declare them are builtins, not constructors. */
const BUILTIN_NAMES = new Set(['int', 'long', 'double', 'string', 'bytes', 'int128', 'int256', 'vector']);

/** Builtin lines (`int ? = Int;`, `vector {t:Type} # [ t ] = Vector t;`) describe the wire, not values. */
export function isBuiltinLine(c: Combinator): boolean {
  return c.questionMark || BUILTIN_NAMES.has(c.name) || c.params.some((p) => p.kind === 'repeat');
}

/** Lines that take part in name and id uniqueness: those with an id that are not builtins. */
export function isIdentified(c: Combinator): c is Combinator & { id: number } {
  return c.id !== undefined && !isBuiltinLine(c);
}

/** An id used by two combinators on purpose (tdlib's `invokeWith*Prefix` pseudo-functions). */
export interface AllowedDuplicateId {
  combinator: Combinator;
  other: Combinator;
  why: string;
}

export interface UniqueOptions {
  /** Where to list ids two lines share on purpose (known exceptions); without it they are errors. */
  allowed?: AllowedDuplicateId[];
  /** Report only pairs from two files (a set whose files were each checked alone already). */
  crossFileOnly?: boolean;
}

const sectionWord = (c: Combinator): string => (c.section === 'functions' ? 'function' : 'constructor');

/** Duplicate names, ids and identifiers among `combinators`, in order. */
export function checkUnique(combinators: Iterable<Combinator>, errors: SchemaError[], options: UniqueOptions = {}): void {
  const byName = new Map<string, Combinator>();
  const byId = new Map<number, Combinator>();
  const byIdent = new Map<string, Combinator>();
  const reported = (a: Combinator, b: Combinator): boolean => !options.crossFileOnly || a.pos.file !== b.pos.file;
  for (const c of combinators) {
    if (!isIdentified(c)) continue;
    const previous = byName.get(combinatorKey(c));
    if (previous) {
      // The same line twice (`boolTrue` in an API and an MTProto file) is one combinator.
      if (printCombinator(previous) !== printCombinator(c) && reported(previous, c)) {
        errors.push(new SchemaError('DUPLICATE_NAME', c.pos, `${c.name} is already defined at ${formatPos(previous.pos)} with another line`));
      }
      continue;
    }
    byName.set(combinatorKey(c), c);
    const sameId = byId.get(c.id);
    if (!sameId) byId.set(c.id, c);
    else if (reported(sameId, c)) {
      const exception = options.allowed && (knownIdException(c) ?? knownIdException(sameId));
      if (exception) options.allowed!.push({ combinator: c, other: sameId, why: exception.why });
      else errors.push(new SchemaError('DUPLICATE_ID', c.pos, `id #${formatId(c.id)} of ${c.name} is already used by ${sameId.name} at ${formatPos(sameId.pos)}`));
    }
    const ident = identOf(c.name);
    const sameIdent = byIdent.get(ident);
    if (sameIdent) {
      const what = sameIdent.name === c.name ? `${c.name} is both a ${sectionWord(c)} and a ${sectionWord(sameIdent)} (${formatPos(sameIdent.pos)})` : `${c.name} and ${sameIdent.name} (${formatPos(sameIdent.pos)}) map to the same identifier ${ident}`;
      if (reported(sameIdent, c)) errors.push(new SchemaError('DUPLICATE_NAME', c.pos, what));
    } else byIdent.set(ident, c);
  }
}

/** `type %Photo used by field photo of user is not defined`: a type no line of the set gives. */
export function undefinedType(t: TypeRef, pos: SourcePos, what: string, owner: string): SchemaError {
  return new SchemaError('UNDEFINED_TYPE', pos, `type ${t.percent ? '%' : ''}${t.name} used by ${what} of ${owner} is not defined`);
}

function typeNames(t: TypeRef, out: TypeRef[] = []): TypeRef[] {
  out.push(t);
  for (const a of t.args) typeNames(a, out);
  return out;
}

/**
 * The lines of `combinators` (builtins left out) against the types `files` define: types used
 * and never defined, `Vector` arity, flags fields, field names and keys, `!X` variables, `true`.
 */
export function checkCombinators(files: readonly SchemaFile[], combinators: Iterable<Combinator>, errors: SchemaError[]): void {
  const defined = new Set(BUILTIN_TYPES);
  for (const file of files) {
    for (const c of file.combinators) {
      if (c.section !== 'types') continue;
      defined.add(c.result.name);
      defined.add(c.name);
    }
  }
  for (const c of combinators) {
    if (isBuiltinLine(c)) continue;
    const generics = new Set(c.generics.map((g) => g.name));
    const checkType = (t: TypeRef, pos: SourcePos, what: string): void => {
      for (const part of typeNames(t)) {
        if ((part.name === 'Vector' || part.name === 'vector') && part.args.length !== 1) {
          errors.push(new SchemaError('UNEXPECTED_TOKEN', pos, `${part.name} in ${what} of ${c.name} takes exactly one type argument`));
        } else if (!defined.has(part.name) && !generics.has(part.name)) {
          errors.push(undefinedType(part, pos, what, c.name));
        }
      }
    };
    const flagsFields = new Set<string>();
    const seenFields = new Map<string, FieldParam>();
    const seenKeys = new Map<string, FieldParam>();
    const fields = c.params.filter((p): p is FieldParam => p.kind === 'field');
    for (const [index, p] of fields.entries()) {
      const label = p.name || '(anonymous)';
      const earlier = p.name ? seenFields.get(p.name) : undefined;
      const sameKey = p.name ? seenKeys.get(fieldKey(p.name)) : undefined;
      if (earlier) errors.push(new SchemaError('DUPLICATE_NAME', p.pos, `field ${p.name} of ${c.name} is already declared at ${formatPos(earlier.pos)}`));
      else if (sameKey) errors.push(new SchemaError('DUPLICATE_NAME', p.pos, `field ${p.name} of ${c.name} repeats the key ${fieldKey(p.name)}`));
      if (p.flag && !flagsFields.has(p.flag.field)) {
        const later = fields.slice(index + 1).some((q) => q.name === p.flag!.field);
        const why = seenFields.has(p.flag.field) ? `${p.flag.field} is not a '#' field` : later ? `${p.flag.field} is declared after it` : `${c.name} has no field ${p.flag.field}`;
        errors.push(new SchemaError('UNKNOWN_FLAGS_FIELD', p.pos, `${label} depends on ${p.flag.field}.${p.flag.bit}, but ${why}`));
      }
      if (p.type.name === '#' && !p.flag) flagsFields.add(p.name);
      else if (p.excl && !generics.has(p.type.name)) errors.push(new SchemaError('UNDEFINED_TYPE', p.pos, `!${p.type.name} in ${c.name} names no {${p.type.name}:Type} variable`));
      else if (p.type.name === 'true' && !p.flag) errors.push(new SchemaError('UNEXPECTED_TOKEN', p.pos, `${label}:true takes no bytes and must be conditional (flags.N?true)`));
      else if (!p.excl) checkType(p.type, p.pos, `field ${label}`);
      if (p.name) {
        seenFields.set(p.name, p);
        seenKeys.set(fieldKey(p.name), p);
      }
    }
    if (c.section === 'functions') checkType(c.result, c.pos, 'the result');
  }
}
