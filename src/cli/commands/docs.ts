import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SHIPPED_LAYERS } from '../../codegen/layers.js';
import { LAYER_REFERENCES } from '../../reference/layers.js';
import { scriptFile, siteFiles } from '../../reference/site/pages.js';
import type { Command } from '../command.js';
import { writeOutputFile } from '../input.js';
import { UsageError } from '../io.js';
import { loadLayer, parseLayerOption } from '../layers.js';

/** The layer's shared script, built by npm run build into dist/site (found from dist/ and from src/). */
function sharedScript(layer: number): string {
  const candidates = ['../../site/', '../../../dist/site/'].map((dir) => fileURLToPath(new URL(dir + scriptFile(layer), import.meta.url)));
  const found = candidates.find((file) => existsSync(file));
  if (!found) throw new UsageError(`no ${scriptFile(layer)} in dist/site: run npm run build`);
  return readFileSync(found, 'utf8');
}

export const docs: Command = {
  name: 'docs',
  summary: 'write the reference of a layer as a static site (search, a page per entry, a live panel)',
  help: `Usage: tlwire docs [--layer N] --out DIR

Writes the reference of a shipped layer as a static site that works offline
(file:// or any static server): index.html with search over every method,
constructor and type; a page per entry with the sections of tlwire describe and
a live panel (the example as editable JSON with its bytes and their
explanation; hex decoded as the entry, or the typed error with its offset and
field); one shared script per layer (layerN.js), loaded once.

Options:
  --layer N   133 or 228 (default: 228, the newest)
  --out DIR   where to write the site (created if missing)

Example:
  $ tlwire docs --layer 133 --out site   # then open site/messages.getStatsURL.html`,
  async run(argv, io) {
    const { values } = parseArgs({ args: argv, options: { layer: { type: 'string' }, out: { type: 'string' } }, strict: true });
    if (values.out === undefined) throw new UsageError('--out DIR is required');
    const layer = parseLayerOption(values.layer);
    const tl = await loadLayer(layer);
    const layers = await Promise.all(SHIPPED_LAYERS.map(async (s) => ({ tl: s.layer === layer ? tl : await loadLayer(s.layer), reference: LAYER_REFERENCES[s.layer] })));
    const files = siteFiles(layer, layers);
    files.set(scriptFile(layer), sharedScript(layer));
    mkdirSync(values.out, { recursive: true });
    for (const [name, content] of files) writeOutputFile(join(values.out, name), content);
    io.out(`${files.size} files in ${values.out}: open ${join(values.out, 'index.html')}\n`);
    return 0;
  },
};
