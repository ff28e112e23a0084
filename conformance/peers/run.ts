/**
 * `npm run conformance:peers`: tlwire's conformance kit against GramJS, mtcute and tlwire itself.
 * Generates the layer 228 suite, runs each implementation over it twice (every valid case
 * first, as `tlwire conformance` does by default; then `--interleave`, to catch state kept
 * between calls), and writes conformance/peers/out/report.md with the figures and every
 * failure class with its first case. A peer's failures (and crashes) are findings: this exits 0
 * once the report is written, and 1 only when tlwire itself fails a check.
 *
 *   tsx conformance/peers/run.ts [--seed S] [--per K]   (defaults: seed 11, 2 cases per combinator)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isPositive, parseCase } from '../../dist/conformance/cases.js';
import { formatReport } from '../../dist/conformance/report.js';
import { runConformance, type ConformanceReport, type Failure, type FailureClass, type SourcedCase, type Tally } from '../../dist/conformance/run.js';
import { loadLayer } from '../../dist/cli/layers.js';
import type { LayerModel } from '../../dist/tl/index.js';
import { mtcuteEntries } from './mtcute-layer.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const OUT = join(HERE, 'out');
/** Per peer run (one process per direction): the slowest, GramJS interleaved, takes about a minute. */
const TIMEOUT_MS = 15 * 60 * 1000;

const { values } = parseArgs({ options: { seed: { type: 'string', default: '11' }, per: { type: 'string', default: '2' } } });

interface Peer {
  name: string;
  command: string;
  suite: string;
  /** What the figures mean for this peer. */
  note: string;
}

function readSuite(path: string): SourcedCase[] {
  const name = relative(ROOT, path);
  return readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((line, i) => (line.trim() === '' ? [] : [{ case: parseCase(line, `${name}:${i + 1}`), source: `${name}:${i + 1}` }]));
}

/** The constructor names in a canonical JSON value, nested ones included. */
function namesIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) namesIn(v, out);
  else if (typeof value === 'object' && value !== null) {
    const o = value as Record<string, unknown>;
    if (typeof o._ === 'string') out.push(o._);
    for (const v of Object.values(o)) namesIn(v, out);
  }
  return out;
}

/**
 * The cases mtcute's layer 223 can hold: negative cases of the combinators it has with the same
 * id, positive cases whose every constructor it has with the same id and the same fields.
 */
function mtcuteSuite(cases: readonly SourcedCase[], layer: LayerModel): string {
  const entries = mtcuteEntries();
  const model = new Map(layer.combinators.map((c) => [c.name, c]));
  const sameId = (name: string): boolean => entries.get(name)?.id === model.get(name)?.id;
  const sameFields = (name: string): boolean => entries.get(name)!.arguments.map((a) => a.name).join() === model.get(name)!.fields.map((f) => f.name).join();
  const lines = cases.filter(({ case: c }) => {
    if (isPositive(c)) return namesIn(c.value).every((n) => sameId(n) && sameFields(n));
    return sameId(c.why.slice(0, c.why.indexOf(': ')));
  });
  return `${lines.map(({ case: c }) => JSON.stringify(c)).join('\n')}\n`;
}

function tallyOf(report: ConformanceReport, pick: 'encode' | 'decode' | 'reject' | 'recheck'): Tally {
  return report.subjects.reduce((t, s) => ({ passed: t.passed + s[pick].passed, failed: t.failed + s[pick].failed }), { passed: 0, failed: 0 });
}

function ratio(t: Tally): string {
  const total = t.passed + t.failed;
  const n = (x: number): string => x.toLocaleString('en-US');
  return `${n(t.passed)} / ${n(total)}${total ? ` (${((100 * t.passed) / total).toFixed(2).replace(/\.?0+$/, '')}%)` : ''}`;
}

/** One class as a table row, with its shortest case and that case's bytes, so that a user can check it by hand. */
function classRow(c: FailureClass, failures: readonly Failure[], hexOf: Map<string, string>): string {
  const size = (f: Failure): number => hexOf.get(f.source)?.length ?? Infinity;
  const shortest = failures.filter((f) => f.class === c.class).reduce((a, b) => (size(b) < size(a) ? b : a), c.first);
  const hex = hexOf.get(shortest.source) ?? '';
  const shown = hex.length > 160 ? `${hex.slice(0, 160)}… (${hex.length / 2} bytes)` : hex;
  return `| ${c.count} | ${c.class} | ${c.subjects} | ${shortest.subject} (${shortest.source}) \`${shown}\` | ${shortest.summary.replace(/\|/g, '\\|').slice(0, 400)} |`;
}

async function main(): Promise<number> {
  mkdirSync(OUT, { recursive: true });
  const suitePath = join(OUT, `suite-228-seed${values.seed}-per${values.per}.jsonl`);
  const started = Date.now();
  process.stdout.write(`generating the suite: tlwire vectors --layer 228 --seed ${values.seed} --per ${values.per}\n`);
  execFileSync(process.execPath, [join(ROOT, 'bin', 'tlwire.js'), 'vectors', '--layer', '228', '--seed', values.seed!, '--per', values.per!, '--out', suitePath], { stdio: 'inherit' });
  const cases = readSuite(suitePath);
  const mtcutePath = join(OUT, `suite-228-seed${values.seed}-per${values.per}-mtcute.jsonl`);
  writeFileSync(mtcutePath, mtcuteSuite(cases, (await loadLayer(228)).model));

  const node = `${JSON.stringify(process.execPath)} --import tsx`;
  const peers: Peer[] = [
    { name: 'tlwire', command: `${JSON.stringify(process.execPath)} ${join(ROOT, 'bin', 'tlwire.js')}`, suite: suitePath, note: 'its own CLI, `tlwire encode|decode --jsonl`' },
    { name: 'GramJS', command: `${node} ${join(HERE, 'gramjs.ts')}`, suite: suitePath, note: 'telegram 2.26.22, loaded with tlwire\'s layer 228 text' },
    { name: 'mtcute', command: `${node} ${join(HERE, 'mtcute.ts')}`, suite: mtcutePath, note: '@mtcute/tl 223.0.0 + @mtcute/tl-runtime 0.30.3, on the cases its layer 223 holds' },
  ];

  const figures: string[] = [];
  const sections: string[] = [];
  let tlwireClean = true;
  for (const peer of peers) {
    const suite = peer.suite === suitePath ? cases : readSuite(peer.suite);
    const hexOf = new Map(suite.map((s) => [s.source, s.case.hex]));
    const runs: ConformanceReport[] = [];
    for (const interleave of [false, true]) {
      const t0 = Date.now();
      const report = await runConformance(suite, { command: peer.command, timeoutMs: TIMEOUT_MS, loadLayer, maxDiagnosed: 200, interleave });
      const file = join(OUT, `${peer.name.toLowerCase()}${interleave ? '-interleaved' : ''}.txt`);
      writeFileSync(file, formatReport(report, { maxShown: 200, maxClasses: 1000 }));
      process.stdout.write(`${peer.name}${interleave ? ' (interleaved)' : ''}: ${report.passed} of ${report.checks} checks passed, ${report.classes.length} failure classes, ${((Date.now() - t0) / 1000).toFixed(0)} s; full report ${relative(ROOT, file)}\n`);
      for (const p of report.problems) process.stdout.write(`  run problem: ${p}\n`);
      if (peer.name === 'tlwire' && (report.failed > 0 || report.problems.length > 0)) tlwireClean = false;
      runs.push(report);
    }
    const [whole, interleaved] = runs;
    figures.push(`| ${peer.name} | ${ratio(tallyOf(whole, 'encode'))} | ${ratio(tallyOf(whole, 'decode'))} | ${ratio(tallyOf(whole, 'reject'))} | ${ratio(tallyOf(interleaved, 'recheck'))} |`);
    sections.push(`## ${peer.name}: ${peer.note}`, '', `Suite: \`${relative(ROOT, peer.suite)}\` (${suite.length} cases).`, '');
    for (const [title, report, only] of [['Every valid case first', whole, undefined], ['Interleaved: state kept between calls', interleaved, 'recheck']] as const) {
      const classes = report.classes.filter((c) => (only ? c.check === only : true));
      sections.push(`### ${title}: ${classes.length ? `${classes.length} failure class(es)` : 'no failures'}`, '');
      if (classes.length) sections.push('| failures | class | constructors and types | its shortest case and the bytes | what the peer did |', '|---|---|---|---|---|', ...classes.map((c) => classRow(c, report.failures, hexOf)), '');
    }
  }

  const report = [
    '# tlwire conformance kit against GramJS and mtcute',
    '',
    `Made by \`npm run conformance:peers\` (seed ${values.seed}, ${values.per} valid cases per combinator) in ${((Date.now() - started) / 1000).toFixed(0)} s. docs/peers.md explains every class.`,
    '',
    '| implementation | positive encode | positive decode | negatives refused | valid case again after a negative one (interleaved) |',
    '|---|---|---|---|---|',
    ...figures,
    '',
    ...sections,
  ].join('\n');
  const reportPath = join(OUT, 'report.md');
  writeFileSync(reportPath, `${report}\n`);
  process.stdout.write(`\n${figures.join('\n')}\n\nwrote ${relative(ROOT, reportPath)}\n`);
  if (!tlwireClean) process.stdout.write('tlwire itself failed checks: that is a bug in tlwire\n');
  return tlwireClean ? 0 : 1;
}

process.exitCode = await main();
