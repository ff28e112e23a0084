/**
 * Where tlwire's time goes: profiles the timed rounds of each tlwire case (the worker's
 * --cpu-profile), and layer 228's code generation under `node --cpu-prof`, and prints the
 * functions with the most self time, as Markdown.
 *
 *   npx tsx bench/profile.ts [--cases messages.decode,...] [--top 12]
 *
 * The .cpuprofile files stay in bench/out/profiles/ (open them in Chrome DevTools).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CASES } from './cases.js';
import { buildWorker } from './lib/build-worker.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
}

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'bench', 'out', 'profiles');
const { values: args } = parseArgs({ options: { cases: { type: 'string' }, top: { type: 'string', default: '12' } } });
const top = Number(args.top);

function run(name: string, argv: string[]): void {
  const r = spawnSync(process.execPath, argv, { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${name} failed:\n${r.stderr}`);
}

const worker = await buildWorker();

function profileCase(caseId: string): CpuProfile {
  const file = join(outDir, `${caseId}.cpuprofile`);
  run(caseId, [worker, '--case', caseId, '--library', 'tlwire', '--warmup-ms', '500', '--rounds', '4', '--round-ms', '500', '--cpu-profile', file]);
  return JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
}

function profileCodegen(): CpuProfile {
  const dir = join(outDir, 'codegen');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  run('codegen', ['--cpu-prof', '--cpu-prof-dir', dir, 'bench/codegen/child.mjs']);
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error('codegen: no profile written');
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
}

/** Self time per function, as a share of the samples that ran JavaScript, GC or native code. */
function summarise(p: CpuProfile): { name: string; share: number }[] {
  const hits = new Map<number, number>();
  for (const id of p.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const node of p.nodes) {
    const n = hits.get(node.id) ?? 0;
    if (n === 0 || node.callFrame.functionName === '(idle)') continue;
    total += n;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? ` ${basename(url)}:${lineNumber + 1}` : '';
    const key = `${functionName || '(anonymous)'}${where}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + n);
  }
  return [...byFunction.entries()].map(([name, n]) => ({ name, share: n / total })).sort((a, b) => b.share - a.share);
}

function print(title: string, p: CpuProfile): void {
  const rows = summarise(p).slice(0, top);
  process.stdout.write(`\n### ${title}\n\n| self time | function |\n|---:|---|\n`);
  for (const r of rows) process.stdout.write(`| ${(r.share * 100).toFixed(1)}% | \`${r.name}\` |\n`);
}

const selected = args.cases ? CASES.filter((c) => args.cases!.split(',').includes(c.id)) : CASES;
mkdirSync(outDir, { recursive: true });
for (const spec of selected) print(`${spec.id} (tlwire)`, profileCase(spec.id));
if (!args.cases) print('codegen: layer 228 from its schema files (the whole process)', profileCodegen());
