import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/conformance/random-value.js';
import { SchemaError } from '../../src/tl/errors.js';
import { buildLayerModel } from '../../src/tl/model.js';
import { MAX_NESTING, parseSchema } from '../../src/tl/parser.js';
import { ROOT } from '../helpers.js';

const API = readFileSync(join(ROOT, 'schema', 'api-layer-133.tl'), 'utf8');

/** Parses `text`, expecting a SchemaError positioned inside it; returns the error. */
function schemaError(text: string, build = false): SchemaError {
  try {
    const schema = parseSchema(text, 'hostile.tl');
    if (build) buildLayerModel(1, [{ schema }]);
  } catch (e) {
    if (!(e instanceof SchemaError)) throw new Error(`expected a SchemaError, got ${String(e)}`);
    expectPositioned(e, text);
    return e;
  }
  throw new Error('expected a SchemaError, the schema was accepted');
}

/** The error names the file, a line that exists and a column on it. */
function expectPositioned(e: SchemaError, text: string): void {
  const lines = text.split('\n');
  expect(e.pos.file).toBe('hostile.tl');
  expect(e.pos.line).toBeGreaterThanOrEqual(1);
  expect(e.pos.line).toBeLessThanOrEqual(lines.length);
  expect(e.pos.column).toBeGreaterThanOrEqual(1);
  expect(e.pos.column).toBeLessThanOrEqual(lines[e.pos.line - 1].length + 1);
  expect(e.message.startsWith(`hostile.tl:${e.pos.line}:${e.pos.column}: `)).toBe(true);
}

/** Parses and, if that works, builds a model: either may refuse, with a positioned SchemaError only. */
function parseOrRefuse(text: string): 'ok' | SchemaError {
  try {
    buildLayerModel(1, [{ schema: parseSchema(text, 'hostile.tl') }]);
    return 'ok';
  } catch (e) {
    if (!(e instanceof SchemaError)) throw new Error(`not a SchemaError for ${JSON.stringify(text.slice(0, 200))}: ${String(e)}`);
    expectPositioned(e, text);
    return e;
  }
}

describe('hostile schemas get a positioned SchemaError, never a crash', () => {
  it('garbage', () => {
    expect(schemaError('this is not TL @ all').code).toBe('BAD_CHARACTER');
    expect(schemaError('this is not TL at all').code).toBe('UNEXPECTED_END');
    expect(schemaError('a#1z = A;').code).toBe('BAD_ID');
    expect(schemaError('a#123456789 = A;').code).toBe('BAD_ID');
    expect(schemaError('a x:flags.32?int = A;').code).toBe('BAD_FLAG_BIT');
    expect(schemaError('---types--- ---nope---').code).toBe('BAD_CHARACTER');
    expect(schemaError('a = ;').code).toBe('UNEXPECTED_TOKEN');
    expect(schemaError('= A;').code).toBe('UNEXPECTED_TOKEN');
  });

  it('a file cut anywhere', () => {
    const head = API.slice(0, 20_000);
    const rand = mulberry32(7);
    const outcomes = Array.from({ length: 200 }, () => parseOrRefuse(head.slice(0, Math.floor(rand() * head.length))));
    // A cut inside a combinator is refused (positioned, checked by parseOrRefuse); a cut between two is a shorter schema.
    expect(outcomes.filter((o) => o instanceof SchemaError).length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o === 'ok').length).toBeGreaterThan(0);
    const cut = schemaError('messages.getStatsURL#812c2ae6 flags:# dark:flags.0?true peer:InputPeer par');
    expect({ code: cut.code, line: cut.pos.line }).toEqual({ code: 'UNEXPECTED_END', line: 1 });
    expect(schemaError('/* never closed\n\nuser = User;').code).toBe('UNEXPECTED_END');
  });

  it('a 1 MB line: one name, many fields, a comment', () => {
    const name = schemaError(`${'a'.repeat(1 << 20)} = A;`);
    expect({ code: name.code, line: name.pos.line, column: name.pos.column }).toEqual({ code: 'LINE_TOO_LONG', line: 1, column: 1 });
    expect(parseOrRefuse(`a#1 ${'x:int '.repeat(1 << 17)}= A;`)).toBeInstanceOf(SchemaError); // fields repeat one name
    expect(parseSchema(`// ${'x'.repeat(1 << 20)}\na = A;`, 'c.tl').combinators).toHaveLength(1);
  });

  it('binary data', () => {
    const rand = mulberry32(11);
    const outcomes: ('ok' | SchemaError)[] = [];
    for (let k = 0; k < 50; k++) {
      const bytes = Uint8Array.from({ length: 4096 }, () => Math.floor(rand() * 256));
      outcomes.push(parseOrRefuse(new TextDecoder('latin1').decode(bytes)), parseOrRefuse(new TextDecoder().decode(bytes)));
    }
    expect(outcomes.filter((o) => o === 'ok')).toEqual([]);
    const nul = schemaError('user\u0000 = User;');
    expect({ code: nul.code, column: nul.pos.column }).toEqual({ code: 'BAD_CHARACTER', column: 5 });
  });

  it(`nesting deeper than ${MAX_NESTING} levels, which would exhaust the call stack`, () => {
    const nested = (n: number): string => `a x:${'Vector<'.repeat(n)}int${'>'.repeat(n)} = A;`;
    expect(parseSchema(nested(MAX_NESTING), 'ok.tl').combinators).toHaveLength(1);
    expect(schemaError(nested(MAX_NESTING + 1)).detail).toMatch(/nested deeper than 32/);
    expect(schemaError(nested(200_000)).code).toBe('UNEXPECTED_TOKEN');
    expect(schemaError(`a = A${'<A'.repeat(200_000)};`).code).toBe('UNEXPECTED_TOKEN');
    expect(schemaError(`a ${'['.repeat(200_000)} = A;`).code).toBe('UNEXPECTED_TOKEN');
  });

  it('a duplicated name or id, positioned at the second line and naming the first', () => {
    const name = schemaError('statsURL#47a971e0 url:string = StatsURL;\nstatsURL#47a971e1 url:bytes = StatsURL;', true);
    expect({ code: name.code, line: name.pos.line }).toEqual({ code: 'DUPLICATE_NAME', line: 2 });
    expect(name.detail).toContain('hostile.tl:1:1');
    const id = schemaError('a#1 = A;\nb#1 = A;', true);
    expect({ code: id.code, line: id.pos.line }).toEqual({ code: 'DUPLICATE_ID', line: 2 });
    expect(id.detail).toContain('hostile.tl:1:1');
  });

  it('random token soup (seeded)', () => {
    const atoms = ['a', 'B', 'x.y', 'flags', 'flags.0', 'flags.31', '#', '#1cb5c415', ':', '?', '=', ';', '{', '}', '[', ']', '<', '>', '!', '%', '*', ',', '(', ')', '0', '42', 'Vector', 'vector', 'int', 'true', '---types---', '---functions---', '//c\n', '/*c*/', '\n', ' ', '\t', '-', '@', 'é'];
    const rand = mulberry32(3);
    let accepted = 0;
    for (let k = 0; k < 3000; k++) {
      const n = 1 + Math.floor(rand() * 40);
      let text = '';
      for (let i = 0; i < n; i++) text += atoms[Math.floor(rand() * atoms.length)] + (rand() < 0.5 ? ' ' : '');
      if (parseOrRefuse(text) === 'ok') accepted++;
    }
    // Some soups are valid schemas: the generator reaches past the first token.
    expect(accepted).toBeGreaterThan(0);
  });

  it('real lines with random edits (seeded)', () => {
    const lines = API.split('\n').filter((l) => l.includes('='));
    const alphabet = ' #:?=;{}[]<>!%*.,azAZ09_\n';
    const rand = mulberry32(5);
    const codes = new Set<string>();
    let accepted = 0;
    for (let k = 0; k < 3000; k++) {
      const chars = [...lines[Math.floor(rand() * lines.length)]];
      for (let m = 0; m < 1 + Math.floor(rand() * 3); m++) {
        const at = Math.floor(rand() * (chars.length + 1));
        const c = alphabet[Math.floor(rand() * alphabet.length)];
        const op = rand();
        if (op < 0.33) chars.splice(at, 1);
        else if (op < 0.66) chars.splice(at, 0, c);
        else chars[at] = c;
      }
      const outcome = parseOrRefuse(chars.join(''));
      if (outcome === 'ok') accepted++;
      else codes.add(outcome.code);
    }
    // Each edited line was either accepted or refused with a positioned SchemaError (parseOrRefuse
    // checks the position); both happen, and the refusals come from more than one check.
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThan(3000);
    expect(codes.size).toBeGreaterThan(1);
  });
});
