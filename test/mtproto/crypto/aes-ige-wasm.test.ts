import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { buildAesIgeWasm, GENERATED_PATH } from '../../../scripts/build-wasm.js';
import { ROOT } from '../../helpers.js';

describe('AES-IGE WebAssembly build', () => {
  it('is committed exactly as `npm run build-wasm` assembles aes-ige.wat', async () => {
    // On failure: run `npm run build-wasm` and commit the result.
    expect((await buildAesIgeWasm()) === readFileSync(GENERATED_PATH, 'utf8'), 'aes-ige-wasm.generated.ts is stale').toBe(true);
  });

  it('the envelope and the transport bundle for browsers with no node: module', async () => {
    const result = await build({
      stdin: { contents: "export * from './src/mtproto/index.js'; export * from './src/transport/aes-ctr-stream.js';", resolveDir: ROOT, loader: 'ts' },
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'esm',
      metafile: true,
      logLevel: 'silent',
    });
    const imports = Object.values(result.metafile.inputs).flatMap((input) => input.imports.map((i) => i.path));
    expect(imports.filter((path) => path.startsWith('node:') || !path.includes('/'))).toEqual([]);
  });
});
