import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../src/common/bytes.js';
import { verifyIds, KNOWN_ID_EXCEPTIONS } from '../../src/tl/check.js';
import { computeId, normalizeForId } from '../../src/tl/id.js';
import { parseCombinator, parseSchema } from '../../src/tl/parser.js';
import { ROOT } from '../helpers.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('constructor ids', () => {
  it('computes messages.getStatsURL without its true field', () => {
    const c = parseCombinator('messages.getStatsURL#812c2ae6 flags:# dark:flags.0?true peer:InputPeer params:string = StatsURL;');
    expect(normalizeForId(c)).toBe('messages.getStatsURL flags:# peer:InputPeer params:string = StatsURL');
    expect(computeId(c)).toBe(0x812c2ae6);
    // With the true field kept the CRC would be another id: the rule matters.
    expect(crc32(utf8('messages.getStatsURL flags:# dark:flags.0?true peer:InputPeer params:string = StatsURL'))).toBe(0x37652b0d);
  });

  it('computes statsURL', () => {
    expect(computeId(parseCombinator('statsURL#47a971e0 url:string = StatsURL;'))).toBe(0x47a971e0);
  });

  it('normalizes vectors, generics, bytes and flags2 true fields', () => {
    expect(normalizeForId(parseCombinator('vector#1cb5c415 {t:Type} # [ t ] = Vector t;'))).toBe('vector t:Type # [ t ] = Vector t');
    expect(computeId(parseCombinator('vector#1cb5c415 {t:Type} # [ t ] = Vector t;'))).toBe(0x1cb5c415);
    expect(normalizeForId(parseCombinator('invokeWithLayer#da9b0d0d {X:Type} layer:int query:!X = X;'))).toBe('invokeWithLayer X:Type layer:int query:!X = X');
    expect(computeId(parseCombinator('invokeWithLayer#da9b0d0d {X:Type} layer:int query:!X = X;'))).toBe(0xda9b0d0d);
    // `bytes` counts as `string` as a field's own type and under a flag, not inside Vector<...>.
    const c = parseCombinator('x a:bytes b:flags.1?bytes c:Vector<bytes> flags:# flags2:# d:flags2.3?true = X;');
    expect(normalizeForId(c)).toBe('x a:string b:flags.1?string c:Vector bytes flags:# flags2:# = X');
    expect(computeId(parseCombinator('users.getUsers#0d91a548 id:Vector<InputUser> = Vector<User>;'))).toBe(0x0d91a548);
  });

  it('verifies every id of every schema file, allowing only the listed exceptions', () => {
    const dir = join(ROOT, 'schema');
    const files = readdirSync(dir).filter((f) => f.endsWith('.tl')).map((f) => parseSchema(readFileSync(join(dir, f), 'utf8'), f));
    const report = verifyIds(files);
    expect(report.errors.map((e) => e.message)).toEqual([]);
    expect(report.verified).toBeGreaterThan(8500);
    const allowed = new Set(report.allowed.map((a) => a.combinator.name));
    // Every listed exception is actually needed by some file.
    expect([...allowed].sort()).toEqual(KNOWN_ID_EXCEPTIONS.map((e) => e.name).sort());
  });

  it('reports a wrong id with its position and the normalized line', () => {
    const report = verifyIds([parseSchema('\nstatsURL#47a971e1 url:string = StatsURL;\n', 'bad.tl')]);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0].message).toBe('bad.tl:2:1: statsURL declares #47a971e1 but the line gives #47a971e0 (from "statsURL url:string = StatsURL")');
  });

  it('does not excuse an exception name with a different id', () => {
    const report = verifyIds([parseSchema('ipPortSecret#37982647 ipv4:int port:int secret:bytes = IpPort;', 'x.tl')]);
    expect(report.errors).toHaveLength(1);
  });
});
