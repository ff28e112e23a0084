/**
 * Case 5: what a program that encodes one request and decodes its result ships, bundled with
 * esbuild --bundle --minify --format=esm --platform=browser.
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

export interface BundleResult {
  library: 'tlwire' | 'mtcute' | 'gramjs';
  bytes: number;
  gzipBytes: number;
  /** What went in: the entry and how its imports resolved. */
  entry: string;
  /** The inputs that take the most output bytes, largest first. */
  top: { input: string; bytes: number }[];
}

const here = new URL('.', import.meta.url);
const root = new URL('../../', import.meta.url);

/**
 * Resolves `tlwire` and `tlwire/<subpath>` through the root package.json `exports`, as a program
 * that installed tlwire would: so the bundle is made from the published entry points in dist/.
 */
const tlwirePackage: esbuild.Plugin = {
  name: 'tlwire-package',
  setup(build) {
    const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { exports: Record<string, string | { default: string }> };
    build.onResolve({ filter: /^tlwire(\/.*)?$/ }, (args) => {
      const subpath = args.path === 'tlwire' ? '.' : `.${args.path.slice('tlwire'.length)}`;
      const target = pkg.exports[subpath];
      if (target === undefined) return { errors: [{ text: `tlwire's package.json exports no ${subpath}` }] };
      return { path: fileURLToPath(new URL(typeof target === 'string' ? target : target.default, root)) };
    });
  },
};

async function bundle(library: BundleResult['library']): Promise<BundleResult> {
  const entry = fileURLToPath(new URL(`${library}.entry.ts`, here));
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: fileURLToPath(new URL('..', here)),
    plugins: library === 'tlwire' ? [tlwirePackage] : [],
    // GramJS reaches Node's crypto, util, path, os and fs from its helpers: left out, so its figure
    // is a lower bound (a browser build adds polyfills for them).
    external: library === 'gramjs' ? [...builtinModules, 'node:*'] : [],
    inject: library === 'gramjs' ? [fileURLToPath(new URL('buffer-global.ts', here))] : [],
  });
  const code = result.outputFiles[0].contents;
  const output = Object.values(result.metafile.outputs)[0];
  const top = Object.entries(output.inputs)
    .map(([input, { bytesInOutput }]) => ({ input, bytes: bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 8);
  return { library, bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length, entry: `bench/bundle/${library}.entry.ts`, top };
}

export async function bundleAll(): Promise<BundleResult[]> {
  return [await bundle('tlwire'), await bundle('mtcute'), await bundle('gramjs')];
}
