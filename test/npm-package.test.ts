import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/cli/commands/index.js';
import { ROOT } from './helpers.js';

// What `npm publish` would upload: built, so it needs the dist/ that `npm ci` builds.
const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--ignore-scripts', '--json'], { cwd: ROOT, encoding: 'utf8' })) as { files: { path: string }[] }[];
const paths = new Set(packed[0].files.map((f) => f.path));
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;

describe('the npm package', () => {
  it('carries the licences, the notices and the provenance of all third-party data', () => {
    for (const p of ['LICENSE', 'THIRD-PARTY-NOTICES.md', 'README.md', 'package.json', 'reference/LICENSE-mtcute', 'reference/LICENSE-telethon', 'reference/PROVENANCE.md', 'schema/PROVENANCE.md']) expect(paths).toContain(p);
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    expect(manifest.license).toBe('MIT');
    // The sources of the reference data stay in the repository: the package carries the data built from them.
    expect([...paths].filter((p) => p.endsWith('.json') && p.startsWith('reference/'))).toEqual([]);
  });

  it('has the library, the CLI, the schemas, and the docs, and no tests or sources', () => {
    for (const p of ['bin/tlwire.js', 'dist/index.js', 'dist/index.d.ts', 'dist/cli/main.js', 'dist/generated/layer133/index.js', 'dist/generated/layer228/index.d.ts', 'schema/api-layer-133.tl', 'docs/cli.md', 'docs/conformance.md', 'examples/getstatsurl.mjs', 'examples/conformance/adapter.mjs']) expect(paths).toContain(p);
    expect([...paths].filter((p) => /^(src|test|bench|scripts|conformance|node_modules)\//.test(p))).toEqual([]);
  });

  it('has every file a packed Markdown file links to, and every doc the CLI help names', () => {
    const broken: string[] = [];
    for (const p of paths) {
      if (!p.endsWith('.md')) continue;
      for (const [, target] of readFileSync(join(ROOT, p), 'utf8').matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target) || target.startsWith('#')) continue;
        const file = posix.normalize(posix.join(posix.dirname(p), target.split('#')[0]));
        if (!paths.has(file) && ![...paths].some((q) => q.startsWith(`${file}/`))) broken.push(`${p} -> ${target}`);
      }
    }
    for (const c of COMMANDS) for (const [doc] of c.help.matchAll(/docs\/[\w-]+\.md/g)) if (!paths.has(doc)) broken.push(`tlwire ${c.name} --help -> ${doc}`);
    expect(broken).toEqual([]);
  });
});
