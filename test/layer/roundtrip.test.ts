import { describe, expect, it } from 'vitest';
import { fnv1a, mulberry32, RandomValues, type FlagsMode } from '../../src/conformance/random-value.js';
import { LAYERS } from '../helpers.js';

// Every constructor and function of both layers: encode, decode, compare, encode again.
for (const [number, layer] of Object.entries(LAYERS)) {
  describe(`layer ${number}: round trip of every combinator`, () => {
    const boxed = layer.model.combinators.filter((c) => c.id !== undefined);

    it('covers the whole layer', () => {
      expect(boxed.length).toBe(number === '133' ? 1377 : 2502);
    });

    for (const flags of ['all', 'none', 'random'] as FlagsMode[]) {
      it(`flags ${flags}`, () => {
        let checked = 0;
        // One generator, reseeded per combinator: each case depends only on its own label.
        let rand = mulberry32(0);
        const random = new RandomValues(layer.model, () => rand(), { flags, measure: (body) => layer.encode(body).length });
        for (const c of boxed) {
          rand = mulberry32(fnv1a(`${number}|${c.name}|${flags}`));
          const value = random.combinator(c);
          const bytes = layer.encode(value);
          const decoded = layer.decode(bytes, { as: c.name });
          expect(decoded, c.name).toEqual(value);
          expect(layer.encode(decoded), c.name).toEqual(bytes);
          checked++;
        }
        expect(checked).toBe(boxed.length);
      });
    }
  });
}
