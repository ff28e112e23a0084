import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVICE_FILE, SHIPPED_LAYERS } from '../../src/codegen/layers.js';
import { lintSchemas, MAX_PARSE_ERRORS_PER_FILE, parseRecovering, type LintInput } from '../../src/tl/lint.js';
import { ROOT } from '../helpers.js';

const schemaFile = (name: string): LintInput => ({ file: `schema/${name}`, text: readFileSync(join(ROOT, 'schema', name), 'utf8') });
const ALL = readdirSync(join(ROOT, 'schema'))
  .filter((f) => f.endsWith('.tl'))
  .sort()
  .map(schemaFile);

/** Each error as `line:column CODE`, for compact expectations. */
const where = (report: ReturnType<typeof lintSchemas>): string[] => report.errors.map((e) => `${e.pos.file}:${e.pos.line}:${e.pos.column} ${e.code}`);

describe('lint on the real schema files', () => {
  let all: ReturnType<typeof lintSchemas> | undefined;
  const lintAll = (): ReturnType<typeof lintSchemas> => (all ??= lintSchemas(ALL));

  it('finds nothing wrong in schema/*.tl and lists what it allowed', () => {
    const report = lintAll();
    expect(report.errors).toEqual([]);
    expect(report.combinators).toBe(8630);
    expect(report.allowed.map((a) => a.combinator.name).sort()).toEqual(
      [
        'accessPointRule', 'accessPointRule', 'accessPointRule', 'gzip_packed', 'help.configSimple', 'help.configSimple', 'help.configSimple',
        'inputPeerPhotoFileLocationLegacy', 'inputStickerSetThumbLegacy', 'invokeWithApnsSecretPrefix', 'invokeWithBusinessConnectionPrefix',
        'invokeWithGooglePlayIntegrityPrefix', 'invokeWithReCaptchaPrefix', 'ipPortSecret', 'ipPortSecret', 'ipPortSecret',
      ].sort(),
    );
    // tdlib's prefix pseudo-functions share the ids of the wrappers they stand for.
    expect(report.allowedDuplicateIds.map((a) => `${a.other.name} ${a.combinator.name}`)).toEqual([
      'invokeWithBusinessConnectionPrefix invokeWithBusinessConnection',
      'invokeWithGooglePlayIntegrityPrefix invokeWithGooglePlayIntegrity',
      'invokeWithApnsSecretPrefix invokeWithApnsSecret',
      'invokeWithReCaptchaPrefix invokeWithReCaptcha',
    ]);
  });

  it('keeps layers that redefine each other apart, and says why', () => {
    const report = lintAll();
    expect(report.sets).toEqual([
      ['schema/api-layer-133.tl', 'schema/mtproto-service-official.tl', 'schema/mtproto-tdesktop-layer-133.tl', 'schema/mtproto-tdesktop-layer-214.tl'],
      ['schema/api-layer-214.tl', 'schema/mtproto-tdlib-layer-228.tl'],
      ['schema/api-layer-228-tdesktop-via-gotd.tl', 'schema/api-layer-228-tdlib.tl'],
    ]);
    const tdlibService = report.redefinitions.find((r) => r.file === 'schema/mtproto-tdlib-layer-228.tl');
    expect(tdlibService).toEqual({ file: 'schema/mtproto-tdlib-layer-228.tl', other: 'schema/api-layer-133.tl', names: ['gzip_packed'] });
    expect(report.redefinitions.find((r) => r.file === 'schema/api-layer-214.tl')?.names).toContain('user');
  });

  it('finds nothing wrong in each shipped layer checked as one schema', () => {
    for (const spec of SHIPPED_LAYERS) {
      const report = lintSchemas([...spec.files, SERVICE_FILE].map(schemaFile), { oneSchema: true });
      expect(report.errors, `layer ${spec.layer}`).toEqual([]);
      expect(report.sets).toHaveLength(1);
    }
  });

  it('catches a line redefined in a real file, where it is', () => {
    const api = schemaFile('api-layer-133.tl');
    const lines = api.text.split('\n');
    const user = lines.findIndex((l) => l.startsWith('user#'));
    lines.splice(user + 1, 0, 'user#3ff6ecb0 id:long = User;');
    const report = lintSchemas([{ file: api.file, text: lines.join('\n') }]);
    expect(report.errors.map((e) => e.message)).toEqual([
      `schema/api-layer-133.tl:${user + 2}:1: user declares #3ff6ecb0 but the line gives #74e5ad7d (from "user id:long = User")`,
      `schema/api-layer-133.tl:${user + 2}:1: user is already defined at schema/api-layer-133.tl:${user + 1}:1 with another line`,
    ]);
  });
});

describe('lint finds every problem', () => {
  const bad: LintInput = {
    file: 'bad.tl',
    text: [
      'boolFalse#bc799737 = Bool;',
      'statsURL#47a971e0 url:string = StatsURL;',
      'statsURL#a9f868f4 url:int = StatsURL;',
      'other#47a971e0 = Other;',
      'user#b5204b47 flags:# name:flags.0?string photo:Photo = User;',
      'late#b39f984e x:flags2.1?int flags2:# = Late;',
      'broken#33333333 a:int = ;',
      'nested#9fe7c3cb c:Vector<Missing> = Nested;',
      'wrong#0533b86b n:int m:n.0?int = Wrong;',
      'twice#3c85ea61 a:int a:long = Twice;',
      'lone#740ccc3b t:true = Lone;',
      'a.b#29a084bc = AB;',
      'a_b#63bf5f23 = AB;',
      '---functions---',
      'getGhost#4b3ad322 id:int = Ghost;',
      'boolFalse#7f0d9ae6 = Other;',
      'wrap#a9f0a2ae query:!X = X;',
      '',
    ].join('\n'),
  };

  it('reports each at its file:line:column, in order', () => {
    const report = lintSchemas([bad]);
    expect(report.errors.map((e) => e.message)).toEqual([
      'bad.tl:3:1: statsURL is already defined at bad.tl:2:1 with another line',
      'bad.tl:4:1: other declares #47a971e0 but the line gives #ebe2eeb3 (from "other = Other")',
      'bad.tl:4:1: id #47a971e0 of other is already used by statsURL at bad.tl:2:1',
      'bad.tl:5:43: type Photo used by field photo of user is not defined',
      "bad.tl:6:15: x depends on flags2.1, but flags2 is declared after it",
      "bad.tl:7:25: expected a type name, found ';'",
      'bad.tl:8:17: type Missing used by field c of nested is not defined',
      "bad.tl:9:22: m depends on n.0, but n is not a '#' field",
      'bad.tl:10:22: field a of twice is already declared at bad.tl:10:16',
      'bad.tl:11:15: t:true takes no bytes and must be conditional (flags.N?true)',
      'bad.tl:13:1: a_b and a.b (bad.tl:12:1) map to the same identifier a_b',
      'bad.tl:15:1: type Ghost used by the result of getGhost is not defined',
      'bad.tl:16:1: boolFalse is both a function and a constructor (bad.tl:1:1)',
      'bad.tl:17:1: type X used by the result of wrap is not defined',
      'bad.tl:17:15: !X in wrap names no {X:Type} variable',
    ]);
  });

  it('treats the same line in two files as one definition', () => {
    const a = { file: 'a.tl', text: 'boolTrue#997275b5 = Bool;\nx#1f2b3c4d = X;\n' };
    const b = { file: 'b.tl', text: 'boolTrue#997275b5 = Bool;\n' };
    const report = lintSchemas([a, b], { oneSchema: true });
    expect(where(report)).toEqual(['a.tl:2:1 ID_MISMATCH']);
    expect(report.sets).toEqual([['a.tl', 'b.tl']]);
  });

  it('splits files that redefine each other, unless told they are one schema', () => {
    const a = { file: 'a.tl', text: 'statsURL#47a971e0 url:string = StatsURL;\n' };
    const b = { file: 'b.tl', text: 'statsURL#a9f868f4 url:int = StatsURL;\nother#47a971e0 = Other;\n' };
    const apart = lintSchemas([a, b]);
    expect(apart.sets).toEqual([['a.tl'], ['b.tl']]);
    expect(apart.redefinitions).toEqual([{ file: 'b.tl', other: 'a.tl', names: ['statsURL', '#47a971e0'] }]);
    expect(where(apart)).toEqual(['b.tl:2:1 ID_MISMATCH']);
    const together = lintSchemas([a, b], { oneSchema: true });
    expect(where(together)).toEqual(['b.tl:1:1 DUPLICATE_NAME', 'b.tl:2:1 ID_MISMATCH', 'b.tl:2:1 DUPLICATE_ID']);
  });

  it('resolves types across the files of a set only', () => {
    const types = { file: 'types.tl', text: 'inputPeerSelf#7da07ec9 = InputPeer;\n' };
    const uses = { file: 'uses.tl', text: 'peerBox#dade2258 peer:InputPeer = PeerBox;\n' };
    expect(lintSchemas([types, uses]).errors).toEqual([]);
    expect(where(lintSchemas([uses]))).toEqual(['uses.tl:1:18 UNDEFINED_TYPE']);
  });
});

describe('parse error recovery', () => {
  it('reports each malformed statement and checks the lines after it', () => {
    const text = ['a#1 x:int = ;', 'good#be95b1c5 = Good;', '', 'b#2 y:% = B;', '/* a comment; with a semicolon */ c#3 z: = C;', '---functions---', 'f#4 = ;', 'g#3ba61f8d x:Missing = Good;', ''].join('\n');
    const { schema, errors } = parseRecovering(text, 'p.tl');
    expect(errors.map((e) => e.message)).toEqual([
      "p.tl:1:13: expected a type name, found ';'",
      "p.tl:4:9: expected a type name, found '='",
      "p.tl:5:42: expected a type name, found '='",
      "p.tl:7:7: expected a type name, found ';'",
    ]);
    expect(schema.combinators.map((c) => `${c.name} ${c.section}`)).toEqual(['good types', 'g functions']);
    // The statements after the errors are still checked.
    expect(where(lintSchemas([{ file: 'p.tl', text }])).filter((w) => !w.endsWith('UNEXPECTED_TOKEN'))).toEqual(['p.tl:8:12 UNDEFINED_TYPE']);
  });

  it('survives a statement cut off by the end of the file or by an unclosed comment', () => {
    expect(parseRecovering('good#be95b1c5 = Good;\nhalf#1 x:int', 'e.tl').errors.map((e) => e.code)).toEqual(['UNEXPECTED_END']);
    const comment = parseRecovering('good#be95b1c5 = Good;\n/* never closed', 'c.tl');
    expect(comment.errors.map((e) => e.message)).toEqual(['c.tl:2:1: comment opened here is never closed']);
    expect(comment.schema.combinators).toHaveLength(1);
  });

  it('gives up on a file after a bounded number of errors', () => {
    const { errors } = parseRecovering('x = ;\n'.repeat(500), 'many.tl');
    expect(errors).toHaveLength(MAX_PARSE_ERRORS_PER_FILE + 1);
    expect(errors.at(-1)!.message).toBe(`many.tl:${MAX_PARSE_ERRORS_PER_FILE}:5: ${MAX_PARSE_ERRORS_PER_FILE} parse error(s): the rest of many.tl is not checked`);
  });
});
