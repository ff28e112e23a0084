/**
 * Compiles bench/worker.ts (and the bench code it imports) to bench/out/worker.js once, so
 * that each of the many worker processes starts on plain node, without a TypeScript loader.
 * tlwire (dist/) and the peers (node_modules) stay imports: they are not bundled. The peer
 * adapters are split into chunks loaded on first use: a worker that times tlwire loads no peer.
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

export async function buildWorker(): Promise<string> {
  const bench = new URL('..', import.meta.url);
  // bench/out/ is as deep as bench/peers/: the URLs the code makes from import.meta.url still hold.
  const outdir = fileURLToPath(new URL('out/', bench));
  rmSync(outdir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [fileURLToPath(new URL('worker.ts', bench))],
    outdir,
    outExtension: { '.js': '.mjs' },
    splitting: true,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
    plugins: [
      {
        name: 'tlwire-dist-external',
        setup(build) {
          build.onResolve({ filter: /\/dist\// }, (args) => ({ path: pathToFileURL(resolve(args.resolveDir, args.path)).href, external: true }));
        },
      },
    ],
  });
  return `${outdir}worker.mjs`;
}
