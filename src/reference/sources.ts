/** The files of reference/ (copied unchanged from their projects; see reference/PROVENANCE.md). */
export const REFERENCE_FILES = {
  schemas: { 134: 'mtcute-api-schema-layer-134.json', 228: 'mtcute-api-schema-layer-228.json' },
  rawErrors: 'mtcute-raw-errors.json',
  seedPage: 'seed-messages.getStatsURL.md',
  telethonMethods: 'telethon-methods-layer-158.csv',
} as const;

/** Which layer's descriptions each shipped layer takes: 133 has none of its own, 134 is the next. */
export const DESCRIBED_BY: Readonly<Record<number, number>> = { 133: 134, 228: 228 };
