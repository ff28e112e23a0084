/**
 * tlwire's envelope and transport crypto bundled as for a browser (esbuild --platform=browser,
 * from dist/), so the `.browser` cases run the code a browser would load. Built and imported
 * once per process. This file sits as deep as bench/out/, where the worker's bundle runs, so
 * the URLs below hold in both.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import type * as mtproto from '../../dist/mtproto/index.js';
import type { AesCtrStream } from '../../dist/transport/aes-ctr-stream.js';

export type Tlwire = typeof mtproto & { AesCtrStream: typeof AesCtrStream };

let bundle: Promise<Tlwire> | undefined;

export function tlwireForBrowsers(): Promise<Tlwire> {
  bundle ??= (async () => {
    const outdir = new URL('../out/', import.meta.url);
    mkdirSync(outdir, { recursive: true });
    const outfile = fileURLToPath(new URL('tlwire-browser.mjs', outdir));
    await esbuild.build({
      stdin: {
        contents: "export * from './mtproto/index.js'; export { AesCtrStream } from './transport/aes-ctr-stream.js';",
        resolveDir: fileURLToPath(new URL('../../dist/', import.meta.url)),
      },
      bundle: true,
      outfile,
      format: 'esm',
      platform: 'browser',
      // A browser has no `process`: the bundle takes the path it would take there.
      define: { process: 'undefined' },
      logLevel: 'silent',
    });
    const loaded = (await import(pathToFileURL(outfile).href)) as Tlwire;
    if (loaded.cryptoBackend !== 'portable') throw new Error(`the browser bundle chose the ${loaded.cryptoBackend} path`);
    return loaded;
  })();
  return bundle;
}
