// Case 6, in a fresh process (plain node, no TypeScript loader): reads layer 228's schema files,
// parses them and generates the layer's files in memory, as `npm run generate` does, once.
// Prints {"seconds", "peakMiB", "baselineMiB", "outputBytes"} on stdout.
import { readFileSync } from 'node:fs';
import { generateLayer } from '../../dist/codegen/generate.js';
import { SHIPPED_LAYERS } from '../../dist/codegen/layers.js';
import { parseSchema } from '../../dist/tl/parser.js';

const spec = SHIPPED_LAYERS.find((l) => l.layer === 228);
const baselineMiB = process.memoryUsage().rss / 2 ** 20;
const start = performance.now();
const load = (file) => parseSchema(readFileSync(new URL(`../../schema/${file}`, import.meta.url), 'utf8'), `schema/${file}`);
const sources = [...spec.files.map((f) => ({ schema: load(f) })), { schema: load(spec.serviceFile), service: true }];
const files = generateLayer(spec.layer, sources);
const seconds = (performance.now() - start) / 1000;
let outputBytes = 0;
for (const text of files.values()) outputBytes += text.length;
// maxRSS is in KiB: the peak of the whole process, node itself included.
const peakMiB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ seconds, peakMiB, baselineMiB, outputBytes })}\n`);
