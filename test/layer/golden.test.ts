import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../src/common/bytes.js';
import { layerOf, readJsonl, type NegativeCase, type PositiveCase } from '../helpers.js';
import { decodeError } from '../runtime/helpers.js';

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

// The hint and the code agree. A truncation can show first as a vector count the bytes left
// cannot hold (checked before allocating), as a 0xff length byte, or (strict) as flag bits no
// field uses; one case nests 200 objects, past the depth limit.
const CODES_OF_HINT: Record<string, string[]> = {
  truncated: ['TRUNCATED', 'TOO_DEEP', 'BAD_LENGTH_PREFIX', 'VECTOR_COUNT', 'UNKNOWN_FLAGS'],
  unknown_constructor: ['UNKNOWN_CONSTRUCTOR'],
  wrong_constructor: ['WRONG_CONSTRUCTOR'],
  vector_id: ['VECTOR_ID'],
  vector_count: ['VECTOR_COUNT'],
  trailing: ['TRAILING_BYTES'],
};

// The shared negative vectors (a copy of /work/shared/vectors/negative.jsonl): each must fail with
// the codec's own error (a TlDecodeError, or decodeError throws) in both modes and both entry
// points, with fields that make sense.
describe('negative.jsonl', () => {
  const cases = readJsonl<NegativeCase>('negative.jsonl');
  it('has cases', () => expect(cases.length).toBe(90));

  it.each(cases.map((c, i) => [`${i}: ${c.type} ${c.error}: ${c.why}`, c] as const))('%s', (_, c) => {
    const layer = layerOf(c.schema);
    const bytes = fromHex(c.hex);
    for (const strict of [true, false]) {
      const e = decodeError(() => layer.decode(bytes, { as: c.type, strict }));
      expect(e.offset).toBeGreaterThanOrEqual(0);
      expect(e.offset).toBeLessThanOrEqual(bytes.length);
      expect(e.message).toContain(`at offset ${e.offset}`);
      // The path is made of field names and indexes only.
      for (const seg of e.path) expect(typeof seg === 'number' ? Number.isInteger(seg) : /^[A-Za-z_][A-Za-z0-9_]*$/.test(seg)).toBe(true);
      if (strict) expect(CODES_OF_HINT[c.error]).toContain(e.code);
    }
    if (c.error === 'trailing') {
      // A stream decode takes the value and leaves the rest.
      expect(layer.decodePrefix(bytes, { as: c.type }).consumed).toBeLessThan(bytes.length);
    } else {
      decodeError(() => layer.decodePrefix(bytes, { as: c.type }));
    }
  });

  it('reports a truncation behind unknown flag bits when lenient', () => {
    const c = cases.find((x) => x.type === 'StatsGraph' && x.why.includes('bit 1 is unused'))!;
    expect(() => layerOf(c.schema).decode(fromHex(c.hex), { as: c.type, strict: false })).toThrow(expect.objectContaining({ code: 'TRUNCATED' }));
  });
});
