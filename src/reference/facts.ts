import type { CombinatorModel } from '../tl/model.js';
import { formatId } from '../common/bytes.js';
import type { Callers, CombinatorReference, LayerReference } from './types.js';

/** What every place that shows a fact the sources lack says instead. */
export const NO_DESCRIPTION = 'no description in the reference data';

/** A combinator's reference entry; undefined where the data has none (or for the id-less envelope). */
export function entryOf(ref: LayerReference, c: CombinatorModel): CombinatorReference | undefined {
  return c.id === undefined ? undefined : ref.combinators[c.name];
}

/** Who may call a method, in words. */
export function callersText(callers: Callers | undefined): string {
  switch (callers) {
    case 'user':
      return 'users only; bots cannot call it';
    case 'bot':
      return 'bots only';
    case 'both':
      return 'users and bots';
    default:
      return 'not stated in the reference data';
  }
}

/** Where an entry comes from when not from the entry of the same name and id, in words; '' otherwise. */
export function sourceText(entry: CombinatorReference | undefined, name: string): string {
  if (entry?.from === undefined) return '';
  if (entry.from === 'seed') return `From the seed page of ${name} (the only source: it left the API in layer 134).`;
  return `From layer ${entry.from.layer}'s ${name}#${formatId(entry.from.id)}: the same name with another id, so its fields may differ.`;
}
