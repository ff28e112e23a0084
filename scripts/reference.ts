/**
 * Rebuilds src/reference/data/ from reference/ (descriptions, errors, callers per shipped layer).
 * Run after `npm run generate` when a layer changes; then `npm run generate` again, since the
 * generated types carry the descriptions. `--check` writes nothing and exits 1 if a file would change.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildReferenceData } from '../src/reference/build.js';
import { readReferenceSources, SHIPPED_TARGETS } from '../src/reference/read-sources.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const files = buildReferenceData([...SHIPPED_TARGETS], readReferenceSources(join(root, 'reference')));
let stale = 0;
for (const [name, text] of files) {
  const path = join(root, 'src', 'reference', 'data', name);
  if (existsSync(path) && readFileSync(path, 'utf8') === text) continue;
  stale++;
  if (check) console.error(`stale: src/reference/data/${name}`);
  else writeFileSync(path, text);
}
if (check && stale) process.exit(1);
console.log(check ? 'reference data is up to date' : `wrote ${stale} file(s)`);
