import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/cli/commands/index.js';
import { ROOT } from './helpers.js';

// What `npm publish` would upload: built, so it needs the dist/ that `npm ci` builds.
const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--ignore-scripts', '--json'], { cwd: ROOT, encoding: 'utf8' })) as { files: { path: string }[] }[];
const paths = new Set(packed[0].files.map((f) => f.path));
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');

/** A Markdown file's prose: fenced code blocks blanked, so a `#` comment is no heading and a `](` in code no link. */
function prose(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
}

/** The link targets of a Markdown text: inline links and images, reference definitions, HTML src and href. */
function linkTargets(markdown: string): string[] {
  const text = prose(markdown);
  return [
    ...[...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]),
    ...[...text.matchAll(/^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map((m) => m[1]),
    ...[...text.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]),
  ];
}

/** The anchors of a Markdown file's headings, as GitHub and npm make them (a repeated heading gets -1, -2, ...). */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const [, heading] of prose(markdown).matchAll(/^#{1,6}\s+(.*?)\s*#*\s*$/gm)) {
    const base = heading.toLowerCase().replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    result.add(n === 0 ? base : `${base}-${n}`);
  }
  return result;
}

/** The packed file a relative link from packed file `from` points to, or the reason it points to none. */
function brokenLink(from: string, target: string): string | undefined {
  const [file, anchor] = target.split('#');
  const resolved = file === '' ? from : posix.normalize(posix.join(posix.dirname(from), decodeURIComponent(file)));
  const isFolder = [...paths].some((q) => q.startsWith(`${resolved.replace(/\/$/, '')}/`));
  if (!paths.has(resolved) && !isFolder) return 'not in the package';
  if (anchor !== undefined && resolved.endsWith('.md') && !anchors(read(resolved)).has(anchor)) return `no heading #${anchor}`;
  return undefined;
}

const NOTICES = 'THIRD-PARTY-NOTICES.md';
/** The rows of the notices' first table (what ships, from where, under which licence), as cells. */
const noticeRows = read(NOTICES).split(/\n\n/).find((block) => block.startsWith('| shipped as'))!.split('\n').slice(2).map((row) => row.split(' | '));

describe('the npm package', () => {
  it('carries LICENSE, the notices and the provenance of all third-party data', () => {
    for (const p of ['LICENSE', NOTICES, 'README.md', 'package.json', 'reference/PROVENANCE.md', 'schema/PROVENANCE.md']) expect(paths).toContain(p);
    expect(read('LICENSE')).toMatch(/^MIT License/);
    expect(manifest.license).toBe('MIT');
    // The sources of the reference data stay in the repository: the package carries the data built from them.
    expect([...paths].filter((p) => p.endsWith('.json') && p.startsWith('reference/'))).toEqual([]);
  });

  it('carries the licence text of every third-party source the notices name, and the notices name every licence text', () => {
    expect(noticeRows.length).toBeGreaterThan(0);
    const licenceFiles = new Set<string>();
    for (const row of noticeRows) {
      const targets = linkTargets(row.at(-1)!);
      expect(targets, `${NOTICES} row without a licence text: ${row[0]}`).not.toEqual([]);
      for (const t of targets) licenceFiles.add(t);
    }
    expect([...licenceFiles].filter((f) => !paths.has(f))).toEqual([]);
    const shippedTexts = [...paths].filter((p) => p.startsWith('licenses/'));
    expect(shippedTexts.sort()).toEqual(readdirSync(join(ROOT, 'licenses')).map((f) => `licenses/${f}`).sort());
    expect(shippedTexts.filter((f) => !licenceFiles.has(f))).toEqual([]);
  });

  it('has the notices name exactly the schema files it ships', () => {
    const named = new Set([...read(NOTICES).matchAll(/`(schema\/[\w.-]+\.tl)`/g)].map((m) => m[1]));
    const shipped = [...paths].filter((p) => p.startsWith('schema/') && p.endsWith('.tl'));
    expect(shipped.length).toBeGreaterThan(0);
    expect([...named].sort()).toEqual(shipped.sort());
  });

  it('has the library, the CLI, the schemas, and the docs, and no tests or sources', () => {
    for (const p of ['bin/tlwire.js', 'dist/index.js', 'dist/index.d.ts', 'dist/cli/main.js', 'dist/generated/layer133/index.js', 'dist/generated/layer228/index.d.ts', 'schema/api-layer-133.tl', 'docs/cli.md', 'docs/conformance.md', 'examples/getstatsurl.mjs', 'examples/conformance/adapter.mjs']) expect(paths).toContain(p);
    expect([...paths].filter((p) => /^(src|test|bench|scripts|conformance|node_modules)\//.test(p))).toEqual([]);
  });

  it('has every file the exports, main, types and bin name', () => {
    const targets: string[] = [];
    const collect = (value: unknown): void => {
      if (typeof value === 'string') targets.push(value);
      else if (value && typeof value === 'object') for (const v of Object.values(value)) collect(v);
    };
    collect([manifest.exports, manifest.main, manifest.types, manifest.bin]);
    expect(targets.length).toBeGreaterThan(10);
    expect(targets.map((t) => posix.normalize(t)).filter((t) => !paths.has(t))).toEqual([]);
  });

  it('has every file and heading a packed Markdown file links to, and every doc the CLI help names', () => {
    const broken: string[] = [];
    let links = 0;
    for (const p of [...paths].filter((q) => q.endsWith('.md'))) {
      for (const target of linkTargets(read(p))) {
        if (/^[a-z][a-z+.-]*:/i.test(target)) continue;
        links++;
        const why = brokenLink(p, target);
        if (why) broken.push(`${p} -> ${target}: ${why}`);
      }
    }
    for (const c of COMMANDS) for (const [doc] of c.help.matchAll(/docs\/[\w-]+\.md/g)) if (!paths.has(doc)) broken.push(`tlwire ${c.name} --help -> ${doc}`);
    expect(links).toBeGreaterThan(30);
    expect(broken).toEqual([]);
  });
});
