import { describe, expect, it } from 'vitest';
import { fromHex } from '../../src/common/bytes.js';
import { TlDecodeError } from '../../src/runtime/errors.js';
import { layerOf, readJsonl, type NegativeCase } from '../helpers.js';

// The shared negative vectors (a copy of ../shared/vectors/negative.jsonl): each must fail with
// the codec's own error in every mode and entry point, with fields that make sense.
const cases = readJsonl<NegativeCase>('negative.jsonl');

function decodeFailure(f: () => unknown): TlDecodeError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(TlDecodeError);
    return e as TlDecodeError;
  }
  throw new Error('decoded without an error');
}

describe('negative.jsonl in every mode', () => {
  it('has all 90 cases', () => expect(cases).toHaveLength(90));

  it.each(cases.map((c, i) => [`${i}: ${c.type} ${c.error}`, c] as const))('%s', (_, c) => {
    const layer = layerOf(c.schema);
    const bytes = fromHex(c.hex);
    for (const strict of [true, false]) {
      const e = decodeFailure(() => layer.decode(bytes, { as: c.type, strict }));
      expect(e.offset).toBeGreaterThanOrEqual(0);
      expect(e.offset).toBeLessThanOrEqual(bytes.length);
      expect(e.message).toContain(`at offset ${e.offset}`);
      // The path is made of field names and indexes only.
      for (const seg of e.path) expect(typeof seg === 'number' ? Number.isInteger(seg) : /^[A-Za-z_][A-Za-z0-9_]*$/.test(seg)).toBe(true);
    }
    if (c.error === 'trailing') {
      // A stream decode takes the value and leaves the rest.
      expect(layer.decodePrefix(bytes, { as: c.type }).consumed).toBeLessThan(bytes.length);
    } else {
      decodeFailure(() => layer.decodePrefix(bytes, { as: c.type }));
    }
  });
});
