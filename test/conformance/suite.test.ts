import { describe, expect, it } from 'vitest';
import { parseCase, type NegativeCase, type PositiveCase } from '../../src/conformance/cases.js';
import { DOUBLES, INTS, LENGTHS, LONGS } from '../../src/conformance/random-value.js';
import { caseProfile, SuiteGenerator } from '../../src/conformance/suite.js';
import { fromHex, toHex } from '../../src/common/bytes.js';
import { TlDecodeError } from '../../src/runtime/errors.js';
import { LAYERS } from '../helpers.js';

const layer = LAYERS[133];
const generator = new SuiteGenerator(layer, { seed: '1', per: 12 });
const combinator = (name: string) => layer.model.combinators.find((c) => c.name === name && c.id !== undefined)!;
const positive = (name: string): PositiveCase[] => generator.positive(combinator(name));
const negative = (name: string): NegativeCase[] => generator.negative(combinator(name));
const field = (cases: PositiveCase[], key: string): unknown[] => cases.map((c) => (c.value as Record<string, unknown>)[key]);
const utf8Length = (s: unknown): number => new TextEncoder().encode(s as string).length;

describe('positive cases: every edge value of the issue, per combinator, in 12 cases', () => {
  it('string and bytes fields take every length of 0-5, 253, 254, 255 and 1000 (UTF-8 bytes)', () => {
    const urls = field(positive('statsURL'), 'url').map(utf8Length);
    for (const n of LENGTHS) expect(urls).toContain(n);
    const parts = field(positive('upload.saveFilePart'), 'bytes').map((hex) => (hex as string).length / 2);
    for (const n of LENGTHS) expect(parts).toContain(n);
  });

  it('int, long and double fields take every extreme, Bool both values', () => {
    const inbox = positive('updateReadChannelInbox');
    for (const n of INTS) expect(field(inbox, 'maxId')).toContain(n);
    for (const n of LONGS) expect(field(inbox, 'channelId')).toContain(n.toString());
    const geo = field(positive('inputGeoPoint'), 'lat');
    for (const d of DOUBLES) expect(geo).toContain(d);
    expect(new Set(field(positive('account.updateStatus'), 'offline'))).toEqual(new Set([true, false]));
  });

  it('flags: all set in case 0, none in case 1, a mix in case 2', () => {
    const cases = positive('message');
    const conditional = combinator('message').fields.filter((f) => f.flag).map((f) => f.key);
    const present = (i: number) => conditional.filter((k) => k in (cases[i].value as object)).length;
    expect(present(0)).toBe(conditional.length);
    expect(present(1)).toBe(0);
    expect(present(2)).toBeGreaterThan(0);
    expect(present(2)).toBeLessThan(conditional.length);
    expect([caseProfile(0).flags, caseProfile(1).flags, caseProfile(2).flags, caseProfile(12).flags]).toEqual(['all', 'none', 'random', 'all']);
  });

  it('vectors, bare ones included, are empty and non-empty; objects nest', () => {
    for (const [name, key] of [
      ['messages.getMessages', 'id'],
      ['msg_container', 'messages'],
      ['future_salts', 'salts'],
    ]) {
      const sizes = field(positive(name), key).map((v) => (v as unknown[]).length);
      expect(sizes, name).toContain(0);
      expect(sizes.some((n) => n > 0), name).toBe(true);
    }
    expect(field(positive('messages.getStatsURL'), 'peer').every((p) => typeof (p as { _: unknown })._ === 'string')).toBe(true);
  });

  it('each case is a FORMAT.md line whose value encodes to its hex and back', () => {
    for (const c of positive('messages.getStatsURL')) {
      const line = parseCase(JSON.stringify(c), 'case') as PositiveCase;
      expect(Object.keys(c)).toEqual(['schema', 'name', 'id', 'value', 'hex']);
      expect(line).toMatchObject({ schema: 'layer-133', name: 'messages.getStatsURL', id: '812c2ae6' });
      expect(toHex(layer.encodeJson(line.value))).toBe(line.hex);
      expect(layer.decodeJson(fromHex(line.hex), { as: line.name })).toEqual(line.value);
    }
  });

  it('the same seed gives the same cases, another seed others', () => {
    const again = new SuiteGenerator(layer, { seed: '1', per: 12 });
    const other = new SuiteGenerator(layer, { seed: '2', per: 12 });
    const c = combinator('channelFull');
    expect(JSON.stringify(again.positive(c))).toBe(JSON.stringify(generator.positive(c)));
    expect(JSON.stringify(again.negative(c))).toBe(JSON.stringify(generator.negative(c)));
    expect(JSON.stringify(other.positive(c))).not.toBe(JSON.stringify(generator.positive(c)));
  });
});

describe('negative cases', () => {
  const refusal = (c: NegativeCase): string => {
    try {
      layer.decode(fromHex(c.hex), { as: c.type });
    } catch (e) {
      if (e instanceof TlDecodeError) return e.code.toLowerCase();
      throw e;
    }
    return 'accepted';
  };

  it('messages.getStatsURL: a cut at every field boundary, an overlong length, unknown and wrong-type ids, trailing bytes', () => {
    const cases = negative('messages.getStatsURL');
    for (const c of cases) expect(Object.keys(c)).toEqual(['schema', 'type', 'hex', 'error', 'why']);
    const whys = cases.map((c) => c.why.replace(/0x[0-9a-f]{8}, the id of \S+ \(type \S+\)/, '0xID, the id of X').replace(/0x[0-9a-f]{8}/, '0xID'));
    // The base value: id, flags (dark set), peer (its id, then its fields), params "xxxxx" (1 + 5 + 2 padding).
    const base = fromHex(cases.find((c) => c.why.includes('trailing') || c.why.includes('zero bytes after'))!.hex).subarray(0, -4);
    const params = base.length - 8;
    expect(whys).toEqual(
      expect.arrayContaining([
        `messages.getStatsURL: cut to 0 of ${base.length} bytes (empty input)`,
        `messages.getStatsURL: cut to 4 of ${base.length} bytes (before flags)`,
        `messages.getStatsURL: cut to 8 of ${base.length} bytes (before peer)`,
        `messages.getStatsURL: cut to ${params} of ${base.length} bytes (before params)`,
        `messages.getStatsURL: cut to ${params + 1} of ${base.length} bytes (after the length prefix of params, 5 bytes announced)`,
        `messages.getStatsURL: cut to ${params + 6} of ${base.length} bytes (after the payload of params, before its padding)`,
        `messages.getStatsURL: cut to ${base.length - 1} of ${base.length} bytes (1 byte short)`,
        'messages.getStatsURL: params (string of messages.getStatsURL) claims 253 bytes, 7 follow',
        'messages.getStatsURL: the function id is 0xID, an id no constructor of layer 133 has',
        'messages.getStatsURL: the function id is 0xID, the id of X, where a function belongs',
        'messages.getStatsURL: peer (InputPeer of messages.getStatsURL) is 0xID, an id no constructor of layer 133 has',
        'messages.getStatsURL: peer (InputPeer of messages.getStatsURL) is 0xID, the id of X, where a value of type InputPeer belongs',
        `messages.getStatsURL: 4 zero bytes after the ${base.length}-byte value`,
      ]),
    );
    for (const c of cases) expect(refusal(c), c.why).toBe(c.error);
    expect(new Set(cases.map((c) => c.error))).toEqual(new Set(['truncated', 'unknown_constructor', 'wrong_constructor', 'trailing_bytes']));
  });

  it('vector counts beyond the input, Vector and Bool ids replaced', () => {
    const vectors = negative('messages.getMessages');
    const whys = vectors.map((c) => c.why);
    expect(whys.some((w) => /id \(Vector<InputMessage> of messages.getMessages\) counts \d+ elements of at least 4 bytes/.test(w))).toBe(true);
    expect(whys.some((w) => w.includes('counts 2147483647 elements'))).toBe(true);
    expect(whys.some((w) => w.includes('counts -1 (0xffffffff) elements'))).toBe(true);
    expect(whys.some((w) => /is 0x[0-9a-f]{8}, the id of .* where the Vector id 0x1cb5c415 belongs/.test(w))).toBe(true);
    const bools = negative('account.updateStatus');
    expect(bools.filter((c) => c.error === 'bad_bool').map((c) => c.why)).toHaveLength(2);
    for (const c of [...vectors, ...bools]) expect(refusal(c), c.why).toBe(c.error);
  });

  it('the whole of layer 133: every negative case is refused with its error, every positive round-trips', () => {
    const whole = new SuiteGenerator(layer, { seed: 'whole', per: 3 });
    let negatives = 0;
    for (const c of whole.combinators()) {
      const neg = whole.negative(c);
      expect(neg.some((k) => k.why.includes('(empty input)')), c.name).toBe(true);
      expect(neg.some((k) => k.error === 'trailing_bytes'), c.name).toBe(true);
      for (const k of neg) expect(refusal(k), k.why).toBe(k.error);
      negatives += neg.length;
      for (const p of whole.positive(c)) expect(toHex(layer.encodeJson(p.value)), c.name).toBe(p.hex);
    }
    expect(whole.combinators()).toHaveLength(1377);
    expect(negatives).toBeGreaterThan(1377 * 5);
  });
});
