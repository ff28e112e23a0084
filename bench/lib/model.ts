import type { CombinatorModel, LayerModel } from '../../dist/tl/model.js';

/**
 * The layer's combinators by name. The id-less MTProto envelope `message` is left out: values
 * named `message` are the API's message.
 */
export function combinatorsByName(model: LayerModel): Map<string, CombinatorModel> {
  return new Map(model.combinators.filter((c) => c.id !== undefined).map((c) => [c.name, c]));
}
