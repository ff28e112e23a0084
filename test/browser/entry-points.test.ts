/**
 * Every public entry point (package.json `exports`) as a browser gets it: bundled for the browser,
 * it holds no Node-only module (node:*, Node's builtins, `ws`) and names no Buffer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { bundleForBrowser } from './browser-bundle.js';

type Target = string | { [condition: string]: Target };
const { exports } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, Target> };

/** The file a browser bundler picks: the first of `browser`, `import`, `default` (never `node` or `types`). */
function browserTarget(target: Target): string | undefined {
  if (typeof target === 'string') return target;
  for (const condition of ['browser', 'import', 'default']) {
    const found = target[condition] === undefined ? undefined : browserTarget(target[condition]);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The source the published file is built from (dist/x.js from src/x.ts), so no build is needed first. */
const sourceOf = (file: string) => join(ROOT, file.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts'));

const entries = Object.entries(exports)
  .filter(([subpath]) => subpath !== './package.json')
  .map(([subpath, target]) => ({ subpath, file: browserTarget(target) }));

describe('public entry points bundled for the browser', () => {
  it('every entry point has a target a browser bundler resolves', () => {
    expect(entries.length).toBeGreaterThan(5);
    for (const { subpath, file } of entries) expect(file, subpath).toMatch(/^\.\/dist\/.*\.js$/);
  });

  it.each(entries)('$subpath holds no node: module, no ws and no Buffer', async ({ file }) => {
    const bundle = await bundleForBrowser(sourceOf(file!));
    expect(bundle.nodeOnlyImports).toEqual([]);
    expect(bundle.usesBuffer).toBe(false);
    expect(bundle.code.length).toBeGreaterThan(1000);
  });

  it('the check sees a Node-only import and Buffer', async () => {
    const bundle = await bundleForBrowser(join(ROOT, 'src/transport/node.ts'));
    expect(bundle.nodeOnlyImports.some((line) => line.endsWith('-> ws'))).toBe(true);
    const cli = await bundleForBrowser(join(ROOT, 'src/cli/main.ts'));
    expect(cli.nodeOnlyImports.some((line) => line.endsWith('-> node:fs'))).toBe(true);
    expect((await bundleForBrowser(join(ROOT, 'test/browser/fixtures/uses-buffer.ts'))).usesBuffer).toBe(true);
  });
});
