/**
 * The shared script of each shipped layer's reference site (`tlwire docs`): the layer, the
 * explainer and the live panel (src/reference/site/panel.ts) in one classic script, so pages work
 * from file:// too. Part of `npm run build`: writes dist/site/layerN.js.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { SHIPPED_LAYERS } from '../src/codegen/layers.js';
import { scriptFile } from '../src/reference/site/pages.js';

const root = join(import.meta.dirname, '..');

export async function buildSiteScript(layer: number): Promise<string> {
  const result = await esbuild.build({
    stdin: {
      contents: `import * as layer from './src/generated/layer${layer}/index.ts';
import { TlLayer } from './src/layer.ts';
import { startPanel } from './src/reference/site/panel.ts';
startPanel(new TlLayer(layer.registry, layer.model));`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** Writes every shipped layer's script to dist/site. */
export async function buildSiteScripts(): Promise<void> {
  const out = join(root, 'dist', 'site');
  mkdirSync(out, { recursive: true });
  for (const { layer } of SHIPPED_LAYERS) writeFileSync(join(out, scriptFile(layer)), await buildSiteScript(layer));
}

if (process.argv[1] === import.meta.filename) await buildSiteScripts();
