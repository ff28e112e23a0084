import type { Combinator, SchemaFile, SchemaText } from './ast.js';
import { knownIdException, verifyIds, type AllowedException } from './check.js';
import { SchemaError } from './errors.js';
import { combinatorKey } from './names.js';
import { parseSchema } from './parser.js';
import { formatId } from '../common/bytes.js';
import { printCombinator } from './printer.js';
import { checkCombinators, checkUnique, isIdentified, type AllowedDuplicateId } from './validate.js';

export type { AllowedDuplicateId } from './validate.js';

/** One schema file to check: its name (for positions) and its text. */
export type LintInput = SchemaText;

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
      const previous = this.byName.get(combinatorKey(c));
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
      if (!this.byName.has(combinatorKey(c))) this.byName.set(combinatorKey(c), c);
      if (!this.byId.has(c.id)) this.byId.set(c.id, c);
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
    checkUnique(file.combinators, errors, { allowed: allowedDuplicateIds });
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
    if (options.oneSchema) checkUnique(set.files.flatMap((f) => f.combinators), errors, { allowed: allowedDuplicateIds, crossFileOnly: true });
    checkCombinators(set.files, set.files.flatMap((f) => f.combinators), errors);
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
