import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SchemaError } from '../../src/tl/errors.js';
import { parseCombinator, parseSchema } from '../../src/tl/parser.js';
import { printCombinator } from '../../src/tl/printer.js';
import { ROOT } from '../helpers.js';

/** The combinator without positions, for comparing a parse with a re-parse. */
const shape = (c: unknown) => JSON.stringify(c, (k, v) => (k === 'pos' || k === 'idText' || k === 'section' ? undefined : v));

function errorOf(text: string): SchemaError {
  try {
    parseSchema(text, 'in.tl');
  } catch (e) {
    if (e instanceof SchemaError) return e;
    throw e;
  }
  throw new Error('expected a SchemaError');
}

describe('parser', () => {
  const dir = join(ROOT, 'schema');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.tl'))) {
    it(`parses ${file}, and every line prints and parses back to itself`, () => {
      const schema = parseSchema(readFileSync(join(dir, file), 'utf8'), file);
      expect(schema.combinators.length).toBeGreaterThan(0);
      for (const c of schema.combinators) expect(shape(parseCombinator(printCombinator(c)))).toBe(shape(c));
    });
  }

  it('counts the lines PROVENANCE.md counts for layer 133', () => {
    const schema = parseSchema(readFileSync(join(dir, 'api-layer-133.tl'), 'utf8'));
    expect(schema.combinators.filter((c) => c.section === 'types')).toHaveLength(926);
    expect(schema.combinators.filter((c) => c.section === 'functions')).toHaveLength(398);
  });

  it('parses the builtins and the hard forms', () => {
    const s = parseSchema(
      [
        'int ? = Int; // trailing comment',
        '/// a triple-slash comment',
        'int128 4*[ int ] = Int128;',
        'vector#1cb5c415 {t:Type} # [ t ] = Vector t;',
        '---functions---',
        'invokeWithLayer#da9b0d0d {X:Type} layer:int query:!X = X;',
        '---types---',
        'storage.fileJpeg#7efe0e = storage.FileType;',
        'a#1 flags:# flags2:# x:flags.0?Vector<long> y:flags.0?int z:flags2.31?true w:%Message v:vector<future_salt> default:int128 class:int256 = A;',
        'noId x:int = NoId;',
        '---types---',
        '---functions---',
        'f = Vector<User>;',
      ].join('\n'),
      'forms.tl',
    );
    const [int, int128, vector, invoke, jpeg, a, noId, f] = s.combinators;
    expect(int).toMatchObject({ name: 'int', questionMark: true, section: 'types' });
    expect(int128.params[0]).toMatchObject({ kind: 'repeat', multiplicity: '4' });
    expect(vector).toMatchObject({ id: 0x1cb5c415, generics: [{ name: 't', type: 'Type' }] });
    expect(invoke).toMatchObject({ section: 'functions', params: [{ name: 'layer' }, { name: 'query', excl: true, type: { name: 'X' } }] });
    expect(jpeg).toMatchObject({ id: 0x007efe0e, idText: '7efe0e', section: 'types' });
    expect(a.params.map((p) => (p.kind === 'field' ? [p.name, p.flag ? `${p.flag.field}.${p.flag.bit}` : '', p.type.percent] : []))).toEqual([
      ['flags', '', false],
      ['flags2', '', false],
      ['x', 'flags.0', false],
      ['y', 'flags.0', false],
      ['z', 'flags2.31', false],
      ['w', '', true],
      ['v', '', false],
      ['default', '', false],
      ['class', '', false],
    ]);
    expect(noId.id).toBeUndefined();
    expect(f).toMatchObject({ section: 'functions', result: { name: 'Vector', angle: true, args: [{ name: 'User' }] } });
  });

  it.each([
    ['statsURL#47a971e0 url:string = StatsURL', 'in.tl:1:40: expected \';\' to end the combinator started at 1:1, found end of file'],
    ['statsURL#47a971e0 url:string StatsURL;', "in.tl:1:38: expected a field or '=', found ';'"],
    ['x#1 a:flags.32?int = X;', "in.tl:1:7: flag bit 32 in 'flags.32' is outside 0..31"],
    ['x#123456789 = X;', "in.tl:1:2: expected 1 to 8 hex digits after '#', found \"123456789\""],
    ['\n  x a:int = X;\n  y b:Vector<int = Y;', "in.tl:3:18: expected '>' or ',', found '='"],
    ['x a:int = X;\ny \u0001 = Y;', 'in.tl:2:3: unexpected character U+0001'],
    ['x a:int = ;', "in.tl:1:11: expected a type name, found ';'"],
    ['/* never closed', 'in.tl:1:1: comment opened here is never closed'],
    ['---typez---', 'in.tl:1:1: expected ---types--- or ---functions---, found "---typez---"'],
  ])('positions the error in %j', (text, message) => {
    const e = errorOf(text);
    expect(e.message).toBe(message);
  });
});
