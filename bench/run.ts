/**
 * tlwire side by side with mtcute and GramJS. `npm run bench` (after `npm run bench:install`;
 * tlwire itself is imported from dist/, which `npm ci` / `npm run build` produce).
 *
 *   npm run bench                 a readable table with tlwire/peer ratios and the targets
 *   npm run bench -- --json       the figures as one JSON object on stdout
 *   npm run bench -- --quick      one short pass (a smoke run; the figures are rough)
 *   npm run bench -- --cases messages.encode,messages.decode
 *
 * Every case first checks, for every library, that its bytes equal tlwire's (and stops if not);
 * only then is anything timed. Each library runs in a process of its own, and the libraries of a
 * case take turns over several passes so that a busy machine slows them alike.
 *
 *   npm run bench -- --passes 12  more processes per library and case (default 8)
 *
 * One process's figure is the median of its rounds; a library's figure is that of its fastest
 * process, and the table shows the slowest and the median process too. Why: on a shared machine
 * a whole process can run 30-50% slow (all of its rounds alike, CPU time or not) while the
 * machine is in a slow spell, which can last minutes; a fixed reference loop that has nothing to
 * do with any library slows in the same processes. Such noise only ever slows a process down, so
 * the fastest of several processes, spread over the run and taking turns, is the figure that
 * repeats from run to run (within a few %), where the median moved by up to 1.8x.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BUNDLE_CASES, NO_ENTRY, bundleAll, type BundleCase, type BundleResult } from './bundle/bundle.js';
import { buildWorker } from './lib/build-worker.js';
import { CASES, type CaseId, type Library } from './cases.js';
import type { WorkerResult } from './worker.js';

const root = fileURLToPath(new URL('..', import.meta.url));

const { values: args } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    cases: { type: 'string' },
    passes: { type: 'string' },
  },
});
const timing = args.quick ? { passes: 1, rounds: 3, roundMs: 100, warmupMs: 1000 } : { passes: 8, rounds: 3, roundMs: 100, warmupMs: 1000 };
if (args.passes !== undefined) {
  timing.passes = Number(args.passes);
  if (!Number.isInteger(timing.passes) || timing.passes < 1) throw new Error(`--passes must be a whole number >= 1, not ${args.passes}`);
}
const selected = args.cases ? CASES.filter((c) => args.cases!.split(',').includes(c.id)) : CASES;
if (selected.length === 0) throw new Error(`no such case; cases: ${CASES.map((c) => c.id).join(', ')}`);

const progress = (line: string) => process.stderr.write(`${line}\n`);

if (!existsSync(new URL('../dist/index.js', import.meta.url)) || !existsSync(new URL('../dist/codegen/generate.js', import.meta.url))) {
  progress('tlwire is not built: run `npm run build` (npm ci runs it) first.');
  process.exit(1);
}

function runNode(argv: string[]): string {
  const r = spawnSync(process.execPath, argv, { cwd: root, encoding: 'utf8', maxBuffer: 16 * 2 ** 20 });
  if (r.status !== 0) throw new Error(`node ${argv.join(' ')} failed (${r.status ?? r.signal}):\n${r.stderr}`);
  return r.stdout;
}

const worker = await buildWorker();

function runWorker(caseIds: CaseId[], library: Library, extra: string[]): WorkerResult[] {
  const lines = runNode([worker, '--case', caseIds.join(','), '--library', library, ...extra]).trim().split('\n');
  return lines.map((line) => JSON.parse(line) as WorkerResult);
}

// 1. The same bytes everywhere, before any timing: one process per library (and GramJS schema).
const notes = new Map<string, string>();
const groups = new Map<string, { library: Library; cases: CaseId[] }>();
for (const spec of selected) {
  for (const library of spec.libraries) {
    const key = library === 'gramjs' ? `gramjs/${spec.gramjsSchema}` : library;
    const group = groups.get(key) ?? { library, cases: [] };
    group.cases.push(spec.id);
    groups.set(key, group);
  }
}
for (const { library, cases: caseIds } of groups.values()) {
  for (const r of runWorker(caseIds, library, ['--verify-only'])) {
    if (r.note) notes.set(`${r.case}/${library}`, r.note);
    progress(`checked ${r.case} ${library}: ${r.wireBytes} bytes, same as tlwire's`);
  }
}

// 2. Timing: every pass runs every library of every case once, in a process of its own; the
// order of a case's libraries turns by one each pass, so none always runs first or after another,
// and every library gets the same number of tries at a quiet moment.
/** Per `case/library`: the figure of each process (the median of its rounds), by pass. */
const perProcess = new Map<string, number[]>();
const wireBytes = new Map<CaseId, number>();
/** The reference loop's CPU ms in every timed process (two per process). */
const referenceMs: number[] = [];
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
for (let pass = 1; pass <= timing.passes; pass++) {
  for (const spec of selected) {
    const turn = (pass - 1) % spec.libraries.length;
    const order = [...spec.libraries.slice(turn), ...spec.libraries.slice(0, turn)];
    for (const library of order) {
      const [r] = runWorker([spec.id], library, ['--rounds', String(timing.rounds), '--round-ms', String(timing.roundMs), '--warmup-ms', String(timing.warmupMs)]);
      const key = `${spec.id}/${library}`;
      const figure = median(r.rounds!);
      perProcess.set(key, [...(perProcess.get(key) ?? []), figure]);
      wireBytes.set(spec.id, r.wireBytes);
      referenceMs.push(...r.referenceMs!);
      progress(`pass ${pass}/${timing.passes} ${key}: ${Math.round(figure).toLocaleString('en-US')} ops/s (reference loop ${r.referenceMs!.map((x) => x.toFixed(0)).join(', ')} ms)`);
    }
  }
}
const cases = selected.flatMap((spec) =>
  spec.libraries.map((library) => {
    const processes = perProcess.get(`${spec.id}/${library}`)!;
    // The fastest process: the machine only ever slows a process down (see the comment at the top).
    const opsPerSec = Math.max(...processes);
    return {
      case: spec.id,
      library,
      opsPerSec: Math.round(opsPerSec),
      mbPerSec: Number(((opsPerSec * wireBytes.get(spec.id)!) / 1e6).toFixed(2)),
      /** Over the processes: the slowest, the median and the fastest (= opsPerSec), and each one in pass order. */
      minOpsPerSec: Math.round(Math.min(...processes)),
      medianOpsPerSec: Math.round(median(processes)),
      maxOpsPerSec: Math.round(opsPerSec),
      processOpsPerSec: processes.map(Math.round),
    };
  }),
);

// 3. Bundles and 4. code generation.
progress('bundling...');
const bundleResults: BundleResult[] = await bundleAll();
progress('generating layer 228 (3 fresh processes)...');
const codegenRuns = [1, 2, 3].map(() => JSON.parse(runNode(['bench/codegen/child.mjs'])) as { seconds: number; peakMiB: number; baselineMiB: number; outputBytes: number });
const codegen = {
  seconds: Number(median(codegenRuns.map((r) => r.seconds)).toFixed(3)),
  peakMiB: Number(Math.max(...codegenRuns.map((r) => r.peakMiB)).toFixed(1)),
};

// 5. The targets, as ratios within this run.
interface Target {
  target: string;
  ratio: number;
  required: string;
  pass: boolean;
}
const targets: Target[] = [];
const ops = (caseId: string, library: string) => cases.find((c) => c.case === caseId && c.library === library)?.opsPerSec;
for (const spec of selected) {
  const mine = ops(spec.id, 'tlwire')!;
  const vsMtcute = ops(spec.id, 'mtcute');
  const needMtcute = spec.kind === 'crypto' ? spec.targets?.mtcute : (spec.targets?.mtcute ?? (spec.kind === 'encode' ? 2 : 1.5));
  if (vsMtcute !== undefined && needMtcute !== undefined) {
    targets.push({ target: `${spec.id}: tlwire/mtcute`, ratio: mine / vsMtcute, required: `>= ${needMtcute}`, pass: mine / vsMtcute >= needMtcute });
  }
  const vsGramjs = ops(spec.id, 'gramjs');
  const needGramjs = spec.targets?.gramjs ?? 20;
  if (vsGramjs !== undefined) targets.push({ target: `${spec.id}: tlwire/gramjs`, ratio: mine / vsGramjs, required: `>= ${needGramjs}`, pass: mine / vsGramjs >= needGramjs });
  const vsHand = ops(spec.id, 'handwritten');
  if (vsHand !== undefined) targets.push({ target: `${spec.id}: handwritten/tlwire`, ratio: vsHand / mine, required: '<= 1.5', pass: vsHand / mine <= 1.5 });
}
const bundleOf = (bundleCase: BundleCase, library: string) => bundleResults.find((b) => b.case === bundleCase && b.library === library);
const oneMethod = bundleOf('one-method', 'tlwire')!;
targets.push({ target: 'bundle one-method: tlwire bytes / 4096', ratio: oneMethod.bytes / 4096, required: '<= 1', pass: oneMethod.bytes <= 4096 });
targets.push({ target: 'bundle one-method: tlwire gzipped / 4096', ratio: oneMethod.gzipBytes / 4096, required: '<= 1', pass: oneMethod.gzipBytes <= 4096 });
/** A whole-layer bundle of tlwire against one of mtcute's, in bytes and gzipped. */
const bundleTargets = (mine: BundleCase, theirs: BundleCase) => {
  const a = bundleOf(mine, 'tlwire')!;
  const b = bundleOf(theirs, 'mtcute')!;
  for (const [what, x, y] of [['bytes', a.bytes, b.bytes], ['gzipped', a.gzipBytes, b.gzipBytes]] as const) {
    targets.push({ target: `bundle ${mine}: tlwire / mtcute ${theirs}, ${what}`, ratio: x / y, required: '<= 1', pass: x <= y });
  }
};
bundleTargets('readers', 'readers');
bundleTargets('codec', 'codec');
bundleTargets('service', 'codec');
targets.push({ target: 'codegen: layer 228 seconds', ratio: codegen.seconds, required: '< 1', pass: codegen.seconds < 1 });
for (const t of targets) t.ratio = Number(t.ratio.toFixed(3));

const cpus = os.cpus();
const machine = `${cpus[0]?.model ?? 'unknown CPU'} x${cpus.length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}, load average ${os.loadavg()[0].toFixed(1)} at the end`;

if (args.json) {
  const bundles = bundleResults.map((b) => ({ case: b.case, library: b.library, bytes: b.bytes, gzipBytes: b.gzipBytes, top: b.top, breakdown: b.breakdown, byKind: b.byKind }));
  process.stdout.write(`${JSON.stringify({ machine, cases, bundles, codegen, targets })}\n`);
} else {
  const out: string[] = [];
  const num = (n: number) => Math.round(n).toLocaleString('en-US');
  out.push(`machine: ${machine}`);
  out.push(
    `timing: ${timing.passes} process(es) per library and case, taking turns; each ${timing.rounds} rounds of ${timing.roundMs} ms (CPU time) after ${timing.warmupMs} ms warm-up; a process's figure is its median round; ops/s is the fastest process, slowest and median the others`,
  );
  out.push(
    `machine steadiness: a fixed reference loop took ${median(referenceMs).toFixed(0)} ms CPU (median; ${Math.min(...referenceMs).toFixed(0)} to ${Math.max(...referenceMs).toFixed(0)}) in the timed processes; the wider that range, the wider slowest..ops/s below`,
  );
  out.push('');
  out.push(`${'case'.padEnd(20)} ${'library'.padEnd(12)} ${'ops/s'.padStart(12)} ${'slowest'.padStart(12)} ${'median'.padStart(12)} ${'MB/s'.padStart(9)} ${'tlwire/peer'.padStart(12)}  note`);
  for (const spec of selected) {
    out.push(`${spec.id} (${spec.title}; ${wireBytes.get(spec.id)} bytes)`);
    const mine = ops(spec.id, 'tlwire')!;
    for (const library of spec.libraries) {
      const c = cases.find((x) => x.case === spec.id && x.library === library)!;
      const ratio = library === 'tlwire' ? '' : `${(mine / c.opsPerSec).toFixed(2)}x`;
      out.push(
        `${''.padEnd(20)} ${library.padEnd(12)} ${num(c.opsPerSec).padStart(12)} ${num(c.minOpsPerSec).padStart(12)} ${num(c.medianOpsPerSec).padStart(12)} ${c.mbPerSec.toFixed(1).padStart(9)} ${ratio.padStart(12)}  ${notes.get(`${spec.id}/${library}`) ?? ''}`,
      );
    }
  }
  out.push('');
  out.push('bundles (esbuild --bundle --minify --format=esm --platform=browser; bench/bundle/<case>.<library>.entry.ts)');
  for (const [bundleCase, title] of Object.entries(BUNDLE_CASES) as [BundleCase, string][]) {
    out.push(`  ${bundleCase} (${title})`);
    for (const library of ['tlwire', 'mtcute', 'gramjs']) {
      const b = bundleOf(bundleCase, library);
      const why = NO_ENTRY[`${bundleCase}.${library}` as keyof typeof NO_ENTRY];
      if (b) out.push(`    ${library.padEnd(8)} ${num(b.bytes).padStart(10)} bytes  ${num(b.gzipBytes).padStart(8)} gzipped${library === 'gramjs' ? '  (a lower bound: Node built-ins left out)' : ''}`);
      else if (why) out.push(`    ${library.padEnd(8)} ${'-'.padStart(10)}        ${''.padStart(8)}          ${why}`);
    }
  }
  for (const bundleCase of ['codec', 'service'] as const) {
    out.push('', `  tlwire ${bundleCase}: largest inputs`);
    for (const t of bundleOf(bundleCase, 'tlwire')!.top) out.push(`    ${num(t.bytes).padStart(10)}  ${t.input}`);
  }
  const breakdown = bundleOf('codec', 'tlwire')!.breakdown!;
  out.push('', '  tlwire codec: what the bytes are (by pattern over the minified output, so close, not exact)');
  out.push(`    ${'part'.padEnd(58)} ${'whole'.padStart(10)} ${'readFields_message'.padStart(19)} ${'writeFields_message'.padStart(20)}`);
  for (const part of Object.keys(breakdown.whole)) {
    out.push(`    ${part.padEnd(58)} ${num(breakdown.whole[part]).padStart(10)} ${num(breakdown.reader[part]).padStart(19)} ${num(breakdown.writer[part]).padStart(20)}`);
  }
  out.push(`    ${'total'.padEnd(58)} ${num(Object.values(breakdown.whole).reduce((a, b) => a + b, 0)).padStart(10)} ${num(breakdown.reader.total).padStart(19)} ${num(breakdown.writer.total).padStart(20)}`);
  const readers = bundleOf('readers', 'tlwire')!;
  out.push('', '  tlwire readers: what each piece is for (by function, so close, not exact)');
  for (const [part, bytes] of Object.entries(readers.byKind!)) out.push(`    ${part.padEnd(66)} ${num(bytes).padStart(10)}`);
  out.push(`    ${'total'.padEnd(66)} ${num(readers.bytes).padStart(10)}`);
  out.push('');
  out.push(`codegen: layer 228 from its schema files in ${codegen.seconds} s (median of 3 fresh processes), peak RSS ${codegen.peakMiB} MiB`);
  out.push('');
  out.push('targets');
  for (const t of targets) out.push(`  ${t.pass ? 'PASS' : 'FAIL'}  ${t.target.padEnd(42)} ${String(t.ratio).padStart(9)}  (needs ${t.required})`);
  process.stdout.write(`${out.join('\n')}\n`);
}
