import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { ROOT } from './helpers.js';

// Every TypeScript snippet of README.md and docs/ type-checks against this checkout's sources
// (strict, no cast needed), each file on its own; a snippet that declares nothing it lacks runs.
const MARKDOWN = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const snippets = MARKDOWN.flatMap((file) =>
  [...readFileSync(join(ROOT, file), 'utf8').matchAll(/^```(?:ts|typescript)\n([\s\S]*?)^```/gm)].map((m, i) => ({ file, index: i + 1, source: m[1] })),
);

/** The package's entry points as this checkout's sources; a layer made by `tlwire generate` has a shipped layer's exports. */
function asSources(source: string): string {
  return source
    .replace(/from 'tlwire'/g, `from '${ROOT}/src/index.js'`)
    .replace(/from 'tlwire\/layer(\d+)'/g, `from '${ROOT}/src/generated/layer$1/index.js'`)
    .replace(/from 'tlwire\/(mtproto|transport|tl|runtime)'/g, `from '${ROOT}/src/$1/index.js'`)
    .replace(/from 'tlwire\/rpc-errors'/g, `from '${ROOT}/src/reference/rpc-errors.js'`)
    .replace(/from '\.\/layer\d+\/index\.js'/g, `from '${ROOT}/src/generated/layer228/index.js'`);
}

const dir = mkdtempSync(join(tmpdir(), 'tlwire-snippets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the TypeScript snippets of README.md and docs/', () => {
  const files = snippets.map((s) => {
    const file = join(dir, `${s.file.replace(/\W/g, '_')}_${s.index}.ts`);
    writeFileSync(file, `${asSources(s.source)}\nexport {};\n`);
    return { ...s, path: file };
  });

  it('are found, in a README of under 250 lines', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n').length - 1).toBeLessThan(250);
    expect(files.filter((f) => f.file === 'README.md').length).toBeGreaterThanOrEqual(3);
  });

  it('type-check without a cast to LayerRegistry', () => {
    for (const f of files) expect(f.source, `${f.file} snippet ${f.index}`).not.toMatch(/as LayerRegistry/);
    const tsc = join(createRequire(import.meta.url).resolve('typescript/package.json'), '..', 'bin', 'tsc');
    const args = ['--ignoreConfig', '--noEmit', '--strict', '--skipLibCheck', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', ...files.map((f) => f.path)];
    let output = '';
    try {
      execFileSync(process.execPath, [tsc, ...args], { cwd: ROOT, encoding: 'utf8' });
    } catch (e) {
      output = String((e as { stdout?: string }).stdout ?? e);
    }
    expect(output).toBe('');
  });

  // Snippets with a `declare` stand for a program's missing parts (a transport's bytes): those only type-check.
  for (const f of files.filter((s) => !/^declare /m.test(s.source) && !/from '\.\//.test(s.source))) {
    it(`${f.file} snippet ${f.index} runs`, () => {
      const tsx = join(createRequire(import.meta.url).resolve('tsx/package.json'), '..', 'dist', 'cli.mjs');
      expect(() => execFileSync(process.execPath, [tsx, f.path], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' })).not.toThrow();
    });
  }
});

// The programs of examples/ run against the built package (dist/, as `npm ci` builds it) and print what they say.
describe('examples/', () => {
  const run = (args: string[]) => execFileSync(args[0], args.slice(1), { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });

  it('getstatsurl.mjs: the pair and the tables agree', () => {
    expect(run([process.execPath, 'examples/getstatsurl.mjs']).split('\n')).toEqual([
      'e62a2c8101000000c97ea07d03616263',
      'true',
      'true',
      '{"_":"messages.getStatsURL","dark":true,"peer":{"_":"inputPeerSelf"},"params":"abc"}',
      '',
    ]);
  });

  it('service.mjs: the server answers, the client reads the result and the rpc_error', () => {
    expect(run([process.execPath, 'examples/service.mjs'])).toBe('statsURL https://t.me/stats/abc?dark\nrpc_error 400 PEER_ID_INVALID: The provided peer id is invalid.\n');
  });

  it('conformance/run.sh: tlwire passes its own suite through the adapter', () => {
    expect(run(['sh', 'examples/conformance/run.sh'])).toMatch(/^PASS: .*: 168 of 168 checks passed, 0 failed/m);
  });
});

/** The words of a shell line (quotes, no expansion); undefined for pipes, redirections, variables. */
function shellWords(line: string): string[] | undefined {
  if (/[|>&;$`]/.test(line.replace(/'[^']*'/g, "''"))) return undefined;
  return [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

// Every `$ tlwire ...` line of README.md and docs/ with the output shown under it, run in-process
// from the repository root. Left out: lines that write files (--out), elide (...) or glob (*),
// name a file that is not there (a reader's own schema), or run another program (conformance).
describe('the CLI outputs shown in README.md and docs/', () => {
  const runs = MARKDOWN.flatMap((file) =>
    [...readFileSync(join(ROOT, file), 'utf8').matchAll(/^```[a-z]*\n([\s\S]*?)^```/gm)].flatMap((block) => {
      const lines = block[1].split('\n');
      return lines.flatMap((line, i) => {
        if (!line.startsWith('$ ')) return [];
        const command = line.slice(2).replace(/\s+#.*$/, '');
        const words = shellWords(command);
        const argv = words?.[0] === 'tlwire' ? words.slice(1) : words?.[0] === 'npx' && words[1] === 'tlwire' ? words.slice(2) : undefined;
        if (!argv || /--out|\.\.\.|\*/.test(command) || argv[0] === 'conformance') return [];
        if (argv.some((a) => /\.tl$/.test(a) && !existsSync(join(ROOT, a)))) return [];
        const end = lines.findIndex((l, j) => j > i && l.startsWith('$ '));
        return [{ file, command, argv, expected: lines.slice(i + 1, end === -1 ? undefined : end).join('\n').replace(/\n+$/, '') }];
      });
    }),
  );

  it('are many', () => {
    expect(runs.length).toBeGreaterThanOrEqual(30);
  });

  for (const r of runs) {
    it(`${r.file}: ${r.command.slice(0, 80)}`, async () => {
      let text = '';
      await runCli(r.argv, { out: (t) => (text += t), err: (t) => (text += t), readStdin: async () => '', color: false });
      expect(text.replace(/\n+$/, '')).toBe(r.expected);
    });
  }
});
