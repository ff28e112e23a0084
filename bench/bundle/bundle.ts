/**
 * Bundle sizes: what a program ships, bundled with esbuild --bundle --minify --format=esm
 * --platform=browser, for four programs (the cases below), each written for tlwire, mtcute and
 * GramJS in `bench/bundle/<case>.<library>.entry.ts`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { breakdownOf, readersByKind, type Breakdown, type Parts } from './breakdown.js';

export const BUNDLE_CASES = {
  'one-method': 'encode one request (getStatsURL), decode its result',
  readers: 'every reader: decode any object',
  codec: 'every reader and writer, and the method result table',
  service: 'the codec and the service layer: send any method, read any answer',
  client: 'a browser client: the service layer, the MTProto 2.0 envelope and the WebSocket transport',
} as const;
export type BundleCase = keyof typeof BUNDLE_CASES;
export const BUNDLE_LIBRARIES = ['tlwire', 'mtcute', 'gramjs'] as const;
export type BundleLibrary = (typeof BUNDLE_LIBRARIES)[number];

export interface BundleResult {
  case: BundleCase;
  library: BundleLibrary;
  bytes: number;
  gzipBytes: number;
  /** What went in: the entry and how its imports resolved. */
  entry: string;
  /** The inputs that take the most output bytes, largest first. */
  top: { input: string; bytes: number }[];
  /** tlwire's whole-layer cases: what the generated code spends its bytes on. */
  breakdown?: Breakdown;
  /** tlwire's readers: the bytes by what each piece is for (breakdown.ts, readersByKind). */
  byKind?: Parts;
}

/** Why a library has no figure for a case. */
export const NO_ENTRY: Partial<Record<`${BundleCase}.${BundleLibrary}`, string>> = {
  'service.mtcute': "mtcute's service layer is part of @mtcute/core's session, not a piece of its own",
  'client.mtcute': "mtcute's client is @mtcute/core's whole session, not these pieces alone",
  'client.gramjs': "GramJS's client is its whole TelegramClient, not these pieces alone",
};

const here = new URL('.', import.meta.url);
const root = new URL('../../', import.meta.url);

/**
 * Resolves `tlwire` and `tlwire/<subpath>` through the root package.json `exports`, as a program
 * that installed tlwire would: so the bundle is made from the published entry points in dist/,
 * or from the sources they are built from (`fromSource`: what the size budget test measures, so
 * that it needs no build first). The package's `"sideEffects": false` goes with the entry point,
 * as esbuild takes it from an installed package.json (a path a plugin resolves would lose it).
 */
const tlwirePackage = (fromSource: boolean): esbuild.Plugin => ({
  name: 'tlwire-package',
  setup(build) {
    const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { exports: Record<string, string | { default: string }>; sideEffects?: boolean };
    build.onResolve({ filter: /^tlwire(\/.*)?$/ }, (args) => {
      const subpath = args.path === 'tlwire' ? '.' : `.${args.path.slice('tlwire'.length)}`;
      const target = pkg.exports[subpath];
      if (target === undefined) return { errors: [{ text: `tlwire's package.json exports no ${subpath}` }] };
      const file = typeof target === 'string' ? target : target.default;
      const path = fileURLToPath(new URL(fromSource ? file.replace(/^\.\/dist\//, './src/').replace(/\.js$/, '.ts') : file, root));
      return pkg.sideEffects === false ? { path, sideEffects: false } : { path };
    });
  },
});

/** Layer 228's function names, from its model as the bundles are made (dist/ or src/). */
async function functionNames(fromSource: boolean): Promise<Set<string>> {
  const { model } = (await import(fromSource ? '../../src/generated/layer228/model.js' : '../../dist/generated/layer228/model.js')) as { model: { combinators: { name: string; kind: string }[] } };
  return new Set(model.combinators.filter((c) => c.kind === 'function').map((c) => c.name));
}

/** One case for one library; undefined when the library has no entry for it. */
export async function bundle(bundleCase: BundleCase, library: BundleLibrary, options: { fromSource?: boolean } = {}): Promise<BundleResult | undefined> {
  const entry = fileURLToPath(new URL(`${bundleCase}.${library}.entry.ts`, here));
  if (!existsSync(entry)) return undefined;
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
    plugins: library === 'tlwire' ? [tlwirePackage(options.fromSource ?? false)] : [],
    // GramJS reaches Node's crypto, util, path, os, net and fs from its helpers: left out, so its
    // figure is a lower bound (a browser build adds polyfills for them).
    external: library === 'gramjs' ? [...builtinModules, 'node:*'] : [],
    inject: library === 'gramjs' ? [fileURLToPath(new URL('buffer-global.ts', here))] : [],
  });
  const code = result.outputFiles[0].text;
  const output = Object.values(result.metafile.outputs)[0];
  const top = Object.entries(output.inputs)
    .map(([input, { bytesInOutput }]) => ({ input, bytes: bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 8);
  return {
    case: bundleCase,
    library,
    bytes: result.outputFiles[0].contents.length,
    gzipBytes: gzipSync(result.outputFiles[0].contents, { level: 9 }).length,
    entry: `bench/bundle/${bundleCase}.${library}.entry.ts`,
    top,
    breakdown: library === 'tlwire' && bundleCase === 'codec' ? breakdownOf(code) : undefined,
    byKind: library === 'tlwire' && bundleCase === 'readers' ? readersByKind(code, await functionNames(options.fromSource ?? false)) : undefined,
  };
}

export async function bundleAll(): Promise<BundleResult[]> {
  const results: BundleResult[] = [];
  for (const bundleCase of Object.keys(BUNDLE_CASES) as BundleCase[]) {
    for (const library of BUNDLE_LIBRARIES) {
      const result = await bundle(bundleCase, library);
      if (result) results.push(result);
    }
  }
  return results;
}
