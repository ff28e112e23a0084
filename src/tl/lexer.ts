import type { SourcePos } from './ast.js';
import { SchemaError } from './errors.js';

export type TokenKind =
  | 'ident' // names, including dotted namespaces and `flags.0`
  | 'number'
  | 'id' // `#1cb5c415` directly after a name
  | 'section' // `---types---`, `---functions---`
  | 'punct' // one of : ? = ; { } [ ] < > ! % * # ( ) ,
  | 'eof';

export interface Token {
  kind: TokenKind;
  text: string;
  pos: SourcePos;
}

const PUNCT = new Set([':', '?', '=', ';', '{', '}', '[', ']', '<', '>', '!', '%', '*', '#', '(', ')', ',']);
/** Longer than any real schema line by far; bounds the work a hostile file can ask for. */
export const MAX_TOKEN_LENGTH = 4096;

/**
 * Names every JavaScript object already has (`constructor`, `__proto__`, `toString`...). Names
 * become object keys in the layer model, the generated tables and canonical JSON, where these
 * would read or replace what the object inherits; no real schema uses them.
 */
const RESERVED_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

function isIdentStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
}

function isIdentChar(c: string): boolean {
  return isIdentStart(c) || (c >= '0' && c <= '9');
}

function isHex(c: string): boolean {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/** Splits schema text into tokens, dropping `//` and `/* *\/` comments. */
export function tokenize(text: string, file: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const pos = (at: number): SourcePos => ({ file, line, column: at - lineStart + 1 });
  const fail = (code: 'BAD_CHARACTER' | 'BAD_ID' | 'UNEXPECTED_END' | 'LINE_TOO_LONG', at: number, msg: string): never => {
    throw new SchemaError(code, pos(at), msg);
  };

  while (i < text.length) {
    const c = text[i];
    if (c === '\n') {
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v' || c === '\ufeff') {
      i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const startPos = pos(i);
      i += 2;
      while (i < text.length && !(text[i] === '*' && text[i + 1] === '/')) {
        if (text[i] === '\n') {
          line++;
          lineStart = i + 1;
        }
        i++;
      }
      if (i >= text.length) throw new SchemaError('UNEXPECTED_END', startPos, 'comment opened here is never closed');
      i += 2;
      continue;
    }
    if (c === '-' && text[i + 1] === '-' && text[i + 2] === '-') {
      const m = /^---(types|functions)---/.exec(text.slice(i, i + 16));
      if (!m) fail('BAD_CHARACTER', i, `expected ---types--- or ---functions---, found ${JSON.stringify(text.slice(i, i + 16).split('\n')[0])}`);
      tokens.push({ kind: 'section', text: m![1], pos: pos(i) });
      i += m![0].length;
      continue;
    }
    if (isIdentStart(c)) {
      const start = i;
      while (i < text.length && (isIdentChar(text[i]) || (text[i] === '.' && i + 1 < text.length && isIdentChar(text[i + 1])))) i++;
      if (i - start > MAX_TOKEN_LENGTH) fail('LINE_TOO_LONG', start, `name longer than ${MAX_TOKEN_LENGTH} characters`);
      const name = text.slice(start, i);
      if (RESERVED_NAMES.has(name)) {
        throw new SchemaError('UNEXPECTED_TOKEN', pos(start), `'${name}' cannot name anything: every JavaScript object has a property of that name`);
      }
      tokens.push({ kind: 'ident', text: name, pos: pos(start) });
      // `name#1cb5c415`: the id is glued to the name.
      if (text[i] === '#' && i + 1 < text.length && isHex(text[i + 1])) {
        const idStart = i;
        i++;
        while (i < text.length && isIdentChar(text[i])) i++;
        const idText = text.slice(idStart + 1, i);
        if (!/^[0-9a-fA-F]{1,8}$/.test(idText)) fail('BAD_ID', idStart, `expected 1 to 8 hex digits after '#', found ${JSON.stringify(idText.slice(0, 20))}`);
        tokens.push({ kind: 'id', text: idText, pos: pos(idStart) });
      }
      continue;
    }
    if (c >= '0' && c <= '9') {
      const start = i;
      while (i < text.length && text[i] >= '0' && text[i] <= '9') i++;
      if (i - start > 10) fail('BAD_CHARACTER', start, 'number too long');
      tokens.push({ kind: 'number', text: text.slice(start, i), pos: pos(start) });
      continue;
    }
    if (PUNCT.has(c)) {
      tokens.push({ kind: 'punct', text: c, pos: pos(i) });
      i++;
      continue;
    }
    const shown = c.charCodeAt(0) < 0x20 || c.charCodeAt(0) > 0x7e ? `U+${c.charCodeAt(0).toString(16).padStart(4, '0')}` : `'${c}'`;
    fail('BAD_CHARACTER', i, `unexpected character ${shown}`);
  }
  tokens.push({ kind: 'eof', text: '', pos: pos(i) });
  return tokens;
}
