import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as layer133 from '../src/generated/layer133/index.js';
import * as layer228 from '../src/generated/layer228/index.js';
import { TlLayer, type LayerRegistry } from '../src/layer.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export const LAYERS = {
  133: new TlLayer(layer133.registry as LayerRegistry, layer133.model),
  228: new TlLayer(layer228.registry as LayerRegistry, layer228.model),
} as const;

/** The layer of a vector's `schema` field (`layer-133`). */
export function layerOf(schema: string): TlLayer {
  const layer = LAYERS[Number(schema.replace('layer-', '')) as 133 | 228];
  if (!layer) throw new Error(`no layer for schema ${schema}`);
  return layer;
}

export type { NegativeCase, PositiveCase } from '../src/conformance/cases.js';

export function readJsonl<T>(file: string): T[] {
  return readFileSync(join(ROOT, 'test', 'vectors', file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

/** A program of these lines, bundled from the sources as a browser app would be (minified ESM): its code and the inputs it took. */
export async function bundleProgram(lines: string[]): Promise<{ code: string; inputs: string[] }> {
  const { build } = await import('esbuild');
  const result = await build({
    stdin: { contents: lines.join('\n'), resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return { code: result.outputFiles[0].text, inputs: Object.keys(Object.values(result.metafile.outputs)[0].inputs) };
}
