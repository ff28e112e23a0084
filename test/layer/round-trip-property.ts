import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHex } from '../../src/common/bytes.js';
import { sameValue } from '../../src/values.js';
import { LAYERS } from '../helpers.js';
import { ModelArbitraries } from './model-arbitraries.js';

/** Random values per combinator; fixed so that CI repeats, TLWIRE_PROPERTY_SEED explores others. */
const BASE_SEED = Number(process.env.TLWIRE_PROPERTY_SEED ?? 20240611);
const RUNS_PER_COMBINATOR = 12;

/**
 * The property, for every constructor and function of a layer: a random valid value encodes,
 * decodes (as that combinator, strictly) to an equal value, and encodes again to the same bytes.
 * The id-less MTProto envelope `message` is covered inside msg_container.
 */
export function roundTripProperty(layerNumber: 133 | 228, expectedCombinators: number): void {
  const layer = LAYERS[layerNumber];
  const arbitraries = new ModelArbitraries(layer.model, (body) => layer.encode(body).length);
  const boxed = layer.model.combinators.filter((c) => c.id !== undefined);

  describe(`layer ${layerNumber}: encode -> decode -> equal -> same bytes (fast-check)`, () => {
    it('covers every constructor and function', () => {
      expect(boxed.length).toBe(expectedCombinators);
    });

    // One property per slice of the layer keeps each test short and a failure easy to place.
    const slices = 8;
    for (let s = 0; s < slices; s++) {
      const part = boxed.filter((_, i) => i % slices === s);
      it(`combinators ${s + 1}/${slices} (${part.length})`, () => {
        for (const c of part) {
          fc.assert(
            fc.property(arbitraries.combinator(c), (value) => {
              const bytes = layer.encode(value);
              const decoded = layer.decode(bytes, { as: c.name });
              // toEqual only to show the difference: it is slow on thousands of values.
              if (!sameValue(decoded, value)) expect(decoded).toEqual(value);
              const again = layer.encode(decoded);
              if (toHex(again) !== toHex(bytes)) expect(toHex(again)).toBe(toHex(bytes));
            }),
            { numRuns: RUNS_PER_COMBINATOR, seed: BASE_SEED ^ c.id!, endOnFailure: false },
          );
        }
      });
    }
  });
}
