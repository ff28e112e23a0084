/**
 * Bundles for the browser, as an application would (esbuild --bundle --platform=browser), and
 * lists what in them only Node has: node: modules and Node's builtins, the `ws` package, Buffer.
 */
import { builtinModules } from 'node:module';
import * as esbuild from 'esbuild';

export interface BrowserBundle {
  code: string;
  /** Imports a browser cannot satisfy, each as "importer -> module". */
  nodeOnlyImports: string[];
  /** Whether the code names Buffer (Node's global). */
  usesBuffer: boolean;
}

const NODE_ONLY = new Set([...builtinModules, 'ws']);

export async function bundleForBrowser(entry: string, options: { minify?: boolean } = {}): Promise<BrowserBundle> {
  const nodeOnlyImports: string[] = [];
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    minify: options.minify ?? false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'node-only-imports',
        setup(build) {
          build.onResolve({ filter: /.*/ }, (args) => {
            const name = args.path.replace(/^node:/, '').split('/')[0];
            if (!args.path.startsWith('node:') && !NODE_ONLY.has(name)) return undefined;
            nodeOnlyImports.push(`${args.importer} -> ${args.path}`);
            return { path: args.path, external: true };
          });
        },
      },
    ],
  });
  const code = result.outputFiles[0].text;
  return { code, nodeOnlyImports, usesBuffer: /\bBuffer\b/.test(code) };
}
