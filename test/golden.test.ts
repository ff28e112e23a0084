import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../src/common/bytes.js';
import { TlDecodeError } from '../src/runtime/errors.js';
import { layerOf, readJsonl, type NegativeCase, type PositiveCase } from './helpers.js';

// Every golden case runs both ways: encode(value) == hex and decode(hex) == value.
for (const file of ['seed.jsonl', 'layer-133.jsonl', 'layer-228.jsonl']) {
  const cases = readJsonl<PositiveCase>(file);
  describe(file, () => {
    it('has cases', () => expect(cases.length).toBeGreaterThan(50));

    it.each(cases.map((c, i) => [`${i}: ${c.name}`, c] as const))('%s', (_, c) => {
      const layer = layerOf(c.schema);
      expect(toHex(layer.encodeJson(c.value))).toBe(c.hex);
      expect(layer.decodeJson(fromHex(c.hex), { as: c.name })).toEqual(c.value);
      // The id field names the outer combinator.
      expect(c.hex.slice(0, 8)).toBe(c.id.match(/../g)!.reverse().join(''));
    });
  });
}

describe('negative.jsonl', () => {
  const cases = readJsonl<NegativeCase>('negative.jsonl');
  it('has cases', () => expect(cases.length).toBe(90));

  it.each(cases.map((c, i) => [`${i}: ${c.type} ${c.error}: ${c.why}`, c] as const))('%s', (_, c) => {
    const layer = layerOf(c.schema);
    let error: unknown;
    try {
      layer.decode(fromHex(c.hex), { as: c.type });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TlDecodeError);
    const e = error as TlDecodeError;
    expect(e.offset).toBeGreaterThanOrEqual(0);
    expect(e.offset).toBeLessThanOrEqual(c.hex.length / 2);
    // The hint and the code agree. A truncation can show first as a vector count the bytes left
    // cannot hold (checked before allocating), as a 0xff length byte, or (strict) as flag bits no
    // field uses; one case nests 200 objects, past the depth limit.
    const expected: Record<string, string[]> = {
      truncated: ['TRUNCATED', 'TOO_DEEP', 'BAD_LENGTH_PREFIX', 'VECTOR_COUNT', 'UNKNOWN_FLAGS'],
      unknown_constructor: ['UNKNOWN_CONSTRUCTOR'],
      wrong_constructor: ['WRONG_CONSTRUCTOR'],
      vector_id: ['VECTOR_ID'],
      vector_count: ['VECTOR_COUNT'],
      trailing: ['TRAILING_BYTES'],
    };
    expect(expected[c.error]).toContain(e.code);
  });

  it('reports a truncation behind unknown flag bits when lenient', () => {
    const c = cases.find((x) => x.type === 'StatsGraph' && x.why.includes('bit 1 is unused'))!;
    expect(() => layerOf(c.schema).decode(fromHex(c.hex), { as: c.type, strict: false })).toThrow(expect.objectContaining({ code: 'TRUNCATED' }));
  });

  it('accepts the trailing-byte cases as a stream decode, reporting what it consumed', () => {
    for (const c of cases.filter((x) => x.error === 'trailing')) {
      const bytes = fromHex(c.hex);
      const { consumed } = layerOf(c.schema).decodePrefix(bytes, { as: c.type });
      expect(consumed).toBeLessThan(bytes.length);
    }
  });
});
