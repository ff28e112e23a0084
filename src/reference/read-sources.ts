import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { model as layer133 } from '../generated/layer133/model.js';
import { model as layer228 } from '../generated/layer228/model.js';
import type { ReferenceSources, ReferenceTarget } from './build.js';
import { DESCRIBED_BY, REFERENCE_FILES } from './sources.js';

/** The files of a reference/ folder, read. */
export function readReferenceSources(dir: string): ReferenceSources {
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  return {
    schemas: Object.fromEntries(Object.entries(REFERENCE_FILES.schemas).map(([layer, file]) => [layer, read(file)])),
    rawErrors: read(REFERENCE_FILES.rawErrors),
    seedPage: read(REFERENCE_FILES.seedPage),
    telethonMethods: read(REFERENCE_FILES.telethonMethods),
  };
}

/** The shipped layers (their generated models) and the layer each takes its descriptions from. */
export const SHIPPED_TARGETS: readonly ReferenceTarget[] = [layer133, layer228].map((model) => ({ model, describedBy: DESCRIBED_BY[model.layer] }));
