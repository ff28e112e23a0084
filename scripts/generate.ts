/**
 * Regenerates src/generated/layerN/ for every shipped layer from schema/.
 * `--check` writes nothing and exits 1 if any file would change.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateLayer } from '../src/codegen/generate.js';
import { SHIPPED_LAYERS, shippedLayerSources } from '../src/codegen/layers.js';
import { LAYER_REFERENCES } from '../src/reference/layers.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
let stale = 0;

for (const spec of SHIPPED_LAYERS) {
  const files = generateLayer(spec.layer, shippedLayerSources(spec, (name) => readFileSync(join(root, 'schema', name), 'utf8')), { reference: LAYER_REFERENCES[spec.layer] });
  const dir = join(root, 'src', 'generated', `layer${spec.layer}`);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of files) {
    const path = join(dir, name);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (current === text) continue;
    stale++;
    if (check) console.error(`stale: src/generated/layer${spec.layer}/${name}`);
    else writeFileSync(path, text);
  }
}
if (check && stale) process.exit(1);
console.log(check ? 'generated code is up to date' : `wrote ${stale} file(s)`);
