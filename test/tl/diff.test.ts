import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffSchemas } from '../../src/tl/diff.js';
import { SchemaError } from '../../src/tl/errors.js';
import { parseSchema } from '../../src/tl/parser.js';
import { ROOT } from '../helpers.js';

const load = (name: string) => parseSchema(readFileSync(join(ROOT, 'schema', name), 'utf8'), `schema/${name}`);
const text = (file: string, ...lines: string[]) => parseSchema(lines.join('\n'), file);

describe('diff of layers 133 and 228', () => {
  const result = diffSchemas([load('api-layer-133.tl'), load('mtproto-tdesktop-layer-133.tl')], [load('api-layer-228-tdesktop-via-gotd.tl'), load('mtproto-tdesktop-layer-214.tl')]);
  const texts = result.facts.map((f) => f.text);

  it('lists messages.getStatsURL as removed, with its line', () => {
    expect(texts).toContain('removed function messages.getStatsURL#812c2ae6: flags:# dark:flags.0?true peer:InputPeer params:string = StatsURL');
  });

  it('says what changed in a constructor that kept its name', () => {
    expect(texts).toContain('changed constructor inputPhoneContact: id f392b7f4 -> 6a1dc4be; added field flags:#; added field note:flags.0?TextWithEntities');
    expect(texts).toContain('changed constructor inputMediaInvoice: id d9799874 -> 405fef0d; field provider: string -> flags.3?string; added field extended_media:flags.2?InputMedia');
  });

  it('lists types that lost their last constructor', () => {
    expect(texts).toContain('removed type MessageUserVote: no constructor builds it any more');
  });

  it('counts each kind, and lists removals first', () => {
    expect(result.counts).toEqual({ removed: 15, renamed: 0, changed: 232, added: 1424 });
    expect(result.facts.map((f) => f.kind)).toEqual([...result.facts.map((f) => f.kind)].sort((a, b) => ['removed', 'renamed', 'changed', 'added'].indexOf(a) - ['removed', 'renamed', 'changed', 'added'].indexOf(b)));
  });

  it('finds nothing between a schema and itself', () => {
    expect(diffSchemas([load('api-layer-133.tl')], [load('api-layer-133.tl')])).toEqual({ facts: [], counts: { removed: 0, renamed: 0, changed: 0, added: 0 } });
  });
});

describe('diff facts', () => {
  const before = text(
    'old.tl',
    'int ? = Int;',
    'photo#11111111 id:long = Photo;',
    'user#22222222 flags:# id:long name:flags.0?string bot:flags.1?true = User;',
    'chat#33333333 id:long title:string = Chat;',
    'old#44444444 x:int = Old;',
    '---functions---',
    'getUser#55555555 id:long = User;',
  );
  const after = text(
    'new.tl',
    'long ? = Long;',
    'photo#11111111 id:long = Photo;',
    'user#66666666 flags:# id:long name:flags.2?string premium:flags.3?true photo:Photo = User;',
    'chat#33333333 title:string id:long = Chat;',
    'renamed#44444444 x:int = Old;',
    'fresh#77777777 = Fresh;',
    '---functions---',
    'getUser#88888888 id:long = Vector<User>;',
  );

  it('states each change as one line a client author can act on', () => {
    expect(diffSchemas([before], [after]).facts.map((f) => f.text)).toEqual([
      'renamed constructor old -> renamed#44444444',
      'changed constructor user: id 22222222 -> 66666666; removed field bot:flags.1?true; field name: flags.0?string -> flags.2?string; added field premium:flags.3?true; added field photo:Photo',
      'changed constructor chat#33333333: field order id title -> title id; same id 33333333 for two definitions: bytes with this id do not say which one they follow',
      'changed function getUser: id 55555555 -> 88888888; returns User -> Vector<User>',
      'added constructor fresh#77777777: = Fresh',
      'added type Fresh',
    ]);
  });

  it('takes several files per side, the same line in two of them once', () => {
    const extra = text('extra.tl', 'photo#11111111 id:long = Photo;');
    expect(diffSchemas([before, extra], [after]).counts).toEqual({ removed: 0, renamed: 1, changed: 3, added: 2 });
  });

  it('refuses a side that defines a name twice', () => {
    const clash = text('clash.tl', 'photo#99999999 id:int = Photo;');
    expect(() => diffSchemas([before, clash], [after])).toThrow(SchemaError);
    expect(() => diffSchemas([before, clash], [after])).toThrow('clash.tl:1:1: photo is defined twice on the old side, also at old.tl:2:1: give one schema per side');
  });
});

describe('a definition that changed under the same id', () => {
  const fixture = (name: string) => parseSchema(readFileSync(join(ROOT, 'test', 'tl', 'fixtures', name), 'utf8'), `test/tl/fixtures/${name}`);

  it('is flagged: a ?true field added keeps the id (true fields are left out of it), so one id names two definitions', () => {
    const result = diffSchemas([fixture('same-id-old.tl')], [fixture('same-id-new.tl')]);
    expect(result.facts).toEqual([
      {
        kind: 'changed',
        what: 'constructor',
        name: 'user',
        sameId: true,
        text: 'changed constructor user#bbc54020: added field premium:flags.2?true; same id bbc54020 for two definitions (a ?true field does not count in the id): bytes with this id do not say which one they follow',
      },
    ]);
  });

  it('is flagged the other way too, a ?true field removed', () => {
    const [fact] = diffSchemas([fixture('same-id-new.tl')], [fixture('same-id-old.tl')]).facts;
    expect(fact).toMatchObject({ sameId: true, text: expect.stringContaining('removed field premium:flags.2?true; same id bbc54020 for two definitions') });
  });

  it('is not flagged when the id changed with the definition', () => {
    const facts = diffSchemas([load('api-layer-133.tl')], [load('api-layer-228-tdesktop-via-gotd.tl')]).facts;
    const inputPhoneContact = facts.find((f) => f.name === 'inputPhoneContact')!;
    expect(inputPhoneContact.sameId).toBeUndefined();
    // Between layers 133 and 228 the same-id changes are all ?true fields added or removed.
    const same = facts.filter((f) => f.sameId);
    expect(same.length).toBeGreaterThan(0);
    for (const f of same) expect(f.text).toContain('(a ?true field does not count in the id)');
  });
});
