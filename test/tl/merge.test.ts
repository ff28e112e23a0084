import { describe, expect, it } from 'vitest';
import { lintSchemas } from '../../src/tl/lint.js';
import { formatMergeReport, layerLines, mergeSchemas } from '../../src/tl/merge.js';
import { parseSchema } from '../../src/tl/parser.js';
import { printCombinator } from '../../src/tl/printer.js';

// Ids are not checked by the merge; these small files use the real CRC32s where the output is linted.
const a = { file: 'a.tl', text: 'inputPeerEmpty#7f3b18ea = InputPeer;\nfoo#11111111 x:int = Foo;\n---functions---\nget#22222222 = Foo;\n// LAYER 200\n' };
const b = { file: 'b.tl', text: 'inputPeerEmpty#7f3b18ea = InputPeer;\nfoo#33333333 x:long = Foo;\nbar#44444444 = Foo;\n// LAYER 201\n' };

describe('mergeSchemas', () => {
  it('keeps a line all files share once, lines only some have, and the newer layer where they disagree', () => {
    const result = mergeSchemas([a, b]);
    expect(result.layer).toBe(201);
    expect(result.inAll).toBe(1);
    expect(result.partial).toEqual([
      { line: 'bar#44444444 = Foo;', files: ['b.tl'] },
      { line: 'get#22222222 = Foo;', files: ['a.tl'] },
    ]);
    expect(result.conflicts).toEqual([
      { kind: 'name', name: 'foo', kept: { file: 'b.tl', line: 'foo#33333333 x:long = Foo;' }, dropped: [{ file: 'a.tl', line: 'foo#11111111 x:int = Foo;' }], why: 'newer layer 201' },
    ]);
    const merged = parseSchema(result.text, 'merged.tl').combinators.map(printCombinator);
    expect(merged).toEqual(['inputPeerEmpty#7f3b18ea = InputPeer;', 'foo#33333333 x:long = Foo;', 'bar#44444444 = Foo;', 'get#22222222 = Foo;']);
    expect(layerLines(result.text)).toEqual([201]);
    expect(result.lines).toBe(4);
  });

  it('among files of one layer, or without a LAYER line, the file given first wins', () => {
    const noLayer = (f: typeof a) => ({ ...f, text: f.text.replace(/\/\/ LAYER \d+\n/, '') });
    const first = mergeSchemas([noLayer(b), noLayer(a)]);
    expect(first.layer).toBeUndefined();
    expect(first.conflicts[0]).toMatchObject({ kept: { file: 'b.tl' }, why: 'given first' });
    // A file with a LAYER line ranks above one without, whatever the order.
    expect(mergeSchemas([noLayer(b), a]).conflicts[0]).toMatchObject({ kept: { file: 'a.tl' }, why: 'newer layer 200' });
  });

  it('the same id with another ?true field is two definitions: a conflict, resolved and reported', () => {
    const old = { file: 'old.tl', text: 'user#11111111 flags:# self:flags.0?true id:long = User;\n// LAYER 227\n' };
    const added = { file: 'new.tl', text: 'user#11111111 flags:# self:flags.0?true bot:flags.1?true id:long = User;\n// LAYER 228\n' };
    const result = mergeSchemas([old, added]);
    expect(result.conflicts).toEqual([
      {
        kind: 'name',
        name: 'user',
        kept: { file: 'new.tl', line: 'user#11111111 flags:# self:flags.0?true bot:flags.1?true id:long = User;' },
        dropped: [{ file: 'old.tl', line: 'user#11111111 flags:# self:flags.0?true id:long = User;' }],
        why: 'newer layer 228',
      },
    ]);
    expect(formatMergeReport(result)).toEqual([
      '1 lines: 0 in every file, 0 from some files only, 1 conflict(s)',
      'conflict: user has different lines: kept new.tl (newer layer 228): user#11111111 flags:# self:flags.0?true bot:flags.1?true id:long = User;',
      '  dropped old.tl: user#11111111 flags:# self:flags.0?true id:long = User;',
    ]);
  });

  it('one id under two names (a rename) keeps the higher-ranked name only', () => {
    const result = mergeSchemas([
      { file: 'x.tl', text: 'oldName#55555555 = Foo;\n' },
      { file: 'y.tl', text: 'newName#55555555 = Foo;\n// LAYER 9\n' },
    ]);
    expect(result.conflicts).toEqual([{ kind: 'id', name: 'newName', id: 0x55555555, kept: { file: 'y.tl', line: 'newName#55555555 = Foo;' }, dropped: [{ file: 'x.tl', line: 'oldName#55555555 = Foo;' }], why: 'newer layer 9' }]);
    expect(parseSchema(result.text, 'm.tl').combinators.map((c) => c.name)).toEqual(['newName']);
    expect(formatMergeReport(result)[2]).toBe('conflict: #55555555 has two names: kept y.tl (newer layer 9): newName#55555555 = Foo;');
  });

  it('its output passes the schema checks', () => {
    const result = mergeSchemas([a, b]);
    const report = lintSchemas([{ file: 'merged.tl', text: result.text }]);
    // The made-up ids of foo and bar are reported as such, and nothing else.
    expect(report.errors.map((e) => e.code)).toEqual(['ID_MISMATCH', 'ID_MISMATCH', 'ID_MISMATCH']);
  });
});
