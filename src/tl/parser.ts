import type { Combinator, FieldParam, GenericParam, Param, SchemaFile, Section, SourcePos, TypeRef } from './ast.js';
import { SchemaError } from './errors.js';
import { tokenize, type Token } from './lexer.js';

const FLAG_REF = /^(.+)\.(\d+)$/;
/**
 * Deepest nesting of type arguments (`Vector<Vector<...>>`) and repetitions (`[ [ ... ] ]`).
 * Real schemas nest 2 deep; the bound keeps a hostile file from exhausting the call stack.
 */
export const MAX_NESTING = 32;

function describe(t: Token): string {
  if (t.kind === 'eof') return 'end of file';
  if (t.kind === 'section') return `---${t.text}---`;
  if (t.kind === 'id') return `'#${t.text}'`;
  return `'${t.text}'`;
}

/** A recursive-descent parser over one file's tokens. */
class Parser {
  private i = 0;
  private section: Section = 'types';
  /** How many type terms and repetitions enclose the one being parsed. */
  private nesting = 0;

  constructor(private readonly tokens: Token[]) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)];
  }

  private next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.i++;
    return t;
  }

  private isPunct(text: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'punct' && t.text === text;
  }

  private fail(expected: string, t = this.peek()): never {
    const code = t.kind === 'eof' ? 'UNEXPECTED_END' : 'UNEXPECTED_TOKEN';
    throw new SchemaError(code, t.pos, `expected ${expected}, found ${describe(t)}`);
  }

  /** Runs a nested parse one level deeper, refusing past {@link MAX_NESTING}. */
  private nested<T>(what: string, parse: () => T): T {
    if (this.nesting >= MAX_NESTING) {
      throw new SchemaError('UNEXPECTED_TOKEN', this.peek().pos, `${what} nested deeper than ${MAX_NESTING} levels`);
    }
    this.nesting++;
    try {
      return parse();
    } finally {
      this.nesting--;
    }
  }

  private expectPunct(text: string, what = `'${text}'`): Token {
    if (!this.isPunct(text)) this.fail(what);
    return this.next();
  }

  private expectIdent(what: string): Token {
    if (this.peek().kind !== 'ident') this.fail(what);
    return this.next();
  }

  parseFile(file: string): SchemaFile {
    const combinators: Combinator[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === 'eof') break;
      if (t.kind === 'section') {
        this.section = t.text as Section;
        this.next();
        continue;
      }
      combinators.push(this.parseCombinator());
    }
    return { file, combinators };
  }

  private parseCombinator(): Combinator {
    const nameTok = this.expectIdent('a combinator name');
    const pos = nameTok.pos;
    let id: number | undefined;
    let idText: string | undefined;
    if (this.peek().kind === 'id') {
      idText = this.next().text;
      id = parseInt(idText, 16) >>> 0;
    }
    const generics: GenericParam[] = [];
    while (this.isPunct('{')) generics.push(this.parseGeneric());
    const params: Param[] = [];
    let questionMark = false;
    while (!this.isPunct('=')) {
      if (this.isPunct('?')) {
        this.next();
        questionMark = true;
        continue;
      }
      if (this.isPunct(';') || this.peek().kind === 'eof' || this.peek().kind === 'section') this.fail(`a field or '='`);
      params.push(this.parseParam());
    }
    this.next(); // '='
    const result = this.parseResultType();
    this.expectPunct(';', `';' to end the combinator started at ${pos.line}:${pos.column}`);
    return { name: nameTok.text, id, idText, generics, params, questionMark, result, section: this.section, pos };
  }

  private parseGeneric(): GenericParam {
    this.expectPunct('{');
    const name = this.expectIdent('a type variable name').text;
    this.expectPunct(':');
    const type = this.expectIdent(`a type such as 'Type'`).text;
    this.expectPunct('}');
    return { name, type };
  }

  /** At `[` or `N*[`: the start of a repetition. */
  private atRepeat(): boolean {
    const t = this.peek();
    return this.isPunct('[') || ((t.kind === 'number' || t.kind === 'ident') && this.isPunct('*', 1));
  }

  private parseParam(): Param {
    const t = this.peek();
    if (this.atRepeat()) return this.parseRepeat('', t.pos);
    if (t.kind === 'ident' && this.isPunct(':', 1)) {
      this.next();
      this.next();
      return this.atRepeat() ? this.parseRepeat(t.text, t.pos) : this.parseFieldType(t.text, t.pos);
    }
    // An anonymous field: `#` or a bare type term inside `[ ]`.
    return this.parseFieldType('', t.pos);
  }

  /** `[ t ]`, `4*[ int ]`, `n*[ ... ]`. */
  private parseRepeat(name: string, pos: SourcePos): Param {
    let multiplicity: string | undefined;
    if (!this.isPunct('[')) {
      multiplicity = this.next().text;
      this.next(); // '*'
    }
    this.expectPunct('[');
    const params: Param[] = [];
    this.nested('a repetition', () => {
      while (!this.isPunct(']')) {
        if (this.peek().kind === 'eof' || this.isPunct(';')) this.fail(`']'`);
        params.push(this.parseParam());
      }
    });
    this.next();
    return { kind: 'repeat', name, multiplicity, params, pos };
  }

  private parseFieldType(name: string, pos: SourcePos): FieldParam {
    let flag: FieldParam['flag'];
    const t = this.peek();
    if (t.kind === 'ident' && this.isPunct('?', 1)) {
      const m = FLAG_REF.exec(t.text);
      if (!m) this.fail(`a flag reference such as 'flags.0' before '?'`);
      const bit = Number(m![2]);
      if (bit > 31) throw new SchemaError('BAD_FLAG_BIT', t.pos, `flag bit ${bit} in '${t.text}' is outside 0..31`);
      flag = { field: m![1], bit };
      this.next();
      this.next();
    }
    let excl = false;
    if (this.isPunct('!')) {
      this.next();
      excl = true;
    }
    const type = this.parseTypeTerm();
    return { kind: 'field', name, type, flag, excl, pos };
  }

  /** `%T`, `T`, `T<A, B>`, `#`. */
  private parseTypeTerm(): TypeRef {
    if (this.isPunct('#')) {
      this.next();
      return { name: '#', percent: false, args: [], angle: false };
    }
    let percent = false;
    if (this.isPunct('%')) {
      this.next();
      percent = true;
    }
    const name = this.expectIdent('a type name').text;
    const args: TypeRef[] = [];
    let angle = false;
    if (this.isPunct('<')) {
      angle = true;
      this.next();
      for (;;) {
        args.push(this.nested('a type argument', () => this.parseTypeTerm()));
        if (this.isPunct(',')) {
          this.next();
          continue;
        }
        this.expectPunct('>', `'>' or ','`);
        break;
      }
    }
    return { name, percent, args, angle };
  }

  /** The result after `=`: `StatsURL`, `Vector<User>`, `Vector t`, `X`. */
  private parseResultType(): TypeRef {
    const head = this.parseTypeTerm();
    if (head.angle) return head;
    while (!this.isPunct(';') && this.peek().kind !== 'eof' && this.peek().kind !== 'section') {
      head.args.push(this.parseTypeTerm());
    }
    return head;
  }
}

/** Parses one schema file. Throws {@link SchemaError} with `file:line:column` on the first malformed line. */
export function parseSchema(text: string, file = '<schema>'): SchemaFile {
  return new Parser(tokenize(text, file)).parseFile(file);
}

/** Parses a single combinator line, as `tlwire id` takes it. */
export function parseCombinator(line: string, file = '<line>'): Combinator {
  const trimmed = line.trim();
  const terminated = trimmed.endsWith(';');
  let parsed: ReturnType<typeof parseSchema>;
  try {
    parsed = parseSchema(terminated ? trimmed : `${trimmed};`, file);
  } catch (e) {
    // The `;` this function added is not the user's: an error at it is at the end of the line.
    const atAdded = !terminated && e instanceof SchemaError && e.pos.line === 1 && e.pos.column === trimmed.length + 1;
    if (atAdded && e.detail.endsWith("found ';'")) throw new SchemaError(e.code, e.pos, `${e.detail.slice(0, -"found ';'".length)}found the end of the line`);
    throw e;
  }
  if (parsed.combinators.length !== 1) {
    throw new SchemaError('UNEXPECTED_TOKEN', { file, line: 1, column: 1 }, `expected exactly one combinator, found ${parsed.combinators.length}`);
  }
  return parsed.combinators[0];
}
