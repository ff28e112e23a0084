/**
 * Instructions per operation, counted by valgrind's callgrind: a figure that repeats within a
 * fraction of a percent where the wall clock of this shared machine moves by 10%, so it can
 * tell two builds apart by 1% (builds that differ only in the layout of their code already move
 * by 1% to 2%). It counts instructions, not time: a cache miss or a slow instruction costs one.
 *
 *   npx tsx bench/instructions.ts [--cases updates.decode,...] [--libraries tlwire,mtcute] [--runs 3]
 *
 * Needs valgrind (`apt-get install -y valgrind`) and a build (`npm run build`). For each case,
 * a worker (bench/worker.ts) first finds how many operations run in 100 ms (n); then node runs
 * under callgrind twice, single-threaded with fixed hash and random seeds, each time n
 * operations of warm-up and then n or 3n counted ones. The difference between the two totals
 * over 2n is one figure: start-up, preparation, warm-up and the JIT's compiling cancel out.
 * The count is not quite deterministic: V8 paces its garbage collector by allocation per
 * millisecond, so now and then a run collects or compiles at another moment and lands 5% to 20%
 * off (always in both directions, never by a little). Hence several runs (`--runs`), and the
 * median, printed with the range.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { CASES, type Library } from './cases.js';
import { buildWorker } from './lib/build-worker.js';
import type { WorkerResult } from './worker.js';

const { values: args } = parseArgs({
  options: {
    cases: { type: 'string', default: 'getHistory.encode,getStatsURL.encode,messages.encode,messages.decode,updates.decode' },
    libraries: { type: 'string', default: 'tlwire' },
    runs: { type: 'string', default: '3' },
  },
});

const NODE_FLAGS = ['--single-threaded', '--hash-seed=1', '--random-seed=1'];

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

if (spawnSync('valgrind', ['--version']).status !== 0) fail('bench/instructions.ts needs valgrind (apt-get install -y valgrind)');

const worker = await buildWorker();

/** node running the worker on one case: the same command whether counted or not. */
const nodeRun = (caseId: string, library: Library, extra: string[]): string[] => [process.execPath, ...NODE_FLAGS, worker, '--case', caseId, '--library', library, ...extra];

/** How many operations run in 100 ms. */
function calibrate(caseId: string, library: Library): number {
  const [node, ...args] = nodeRun(caseId, library, ['--calibrate']);
  const r = spawnSync(node, args, { encoding: 'utf8' });
  if (r.status !== 0) fail(`${caseId} (${library}) failed:\n${r.stderr}`);
  return (JSON.parse(r.stdout) as WorkerResult).ops!;
}

/** Instructions node executed in all, running `warmup` and then `ops` operations. */
function collected(caseId: string, library: Library, warmup: number, ops: number): number {
  const command = nodeRun(caseId, library, ['--warmup-ops', String(warmup), '--ops', String(ops)]);
  const r = spawnSync('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', ...command], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const total = /Collected : (\d+)/.exec(r.stderr)?.[1];
  if (r.status !== 0 || total === undefined) fail(`${caseId} (${library}) under callgrind failed:\n${r.stderr}`);
  return Number(total);
}

const libraries = args.libraries.split(',') as Library[];
process.stdout.write(`| case | ${libraries.map((l) => `${l} instructions/op, median (range)`).join(' | ')} |\n|---|${libraries.map(() => '---:').join('|')}|\n`);
for (const id of args.cases.split(',')) {
  const spec = CASES.find((c) => c.id === id) ?? fail(`no case ${id}`);
  const cells = libraries.map((library) => {
    if (!spec.libraries.includes(library)) return '–';
    const n = Math.max(10, calibrate(id, library));
    const perOp: number[] = [];
    for (let run = 0; run < Number(args.runs); run++) perOp.push((collected(id, library, n, 3 * n) - collected(id, library, n, n)) / (2 * n));
    perOp.sort((a, b) => a - b);
    const figure = (x: number) => Math.round(x).toLocaleString('en-US');
    return `${figure(perOp[Math.floor(perOp.length / 2)])} (${figure(perOp[0])}–${figure(perOp[perOp.length - 1])})`;
  });
  process.stdout.write(`| ${id} | ${cells.join(' | ')} |\n`);
}
