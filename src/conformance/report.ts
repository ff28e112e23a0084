import type { ConformanceReport, SubjectTally, Tally } from './run.js';

export interface ReportOptions {
  /** List every constructor, not only (the first of) those with failures. */
  all?: boolean;
  /** Failures printed in full; the rest are counted. */
  maxShown?: number;
  /** Failure classes listed; the rest are counted. */
  maxClasses?: number;
}

/** Constructors with failures listed by default: past this many, the failures below say more. */
const MAX_LISTED = 40;

function ratio(t: Tally): string {
  const total = t.passed + t.failed;
  return total === 0 ? '-' : t.failed === 0 ? `${total} ok` : `${t.failed}/${total} FAILED`;
}

function failed(t: SubjectTally): boolean {
  return t.encode.failed + t.decode.failed + t.reject.failed + t.recheck.failed > 0;
}

function sum(subjects: readonly SubjectTally[], pick: (t: SubjectTally) => Tally): Tally {
  return subjects.reduce((acc, t) => ({ passed: acc.passed + pick(t).passed, failed: acc.failed + pick(t).failed }), { passed: 0, failed: 0 });
}

/** The report as text: totals per layer and check, a line per constructor with failures, then each failure. */
export function formatReport(report: ConformanceReport, options: ReportOptions = {}): string {
  const maxShown = options.maxShown ?? 20;
  const maxClasses = options.maxClasses ?? 40;
  const lines: string[] = [];
  const recheck = (t: Tally): string => (report.interleaved ? `, again after a negative case ${ratio(t)}` : '');
  const layers = [...new Set(report.subjects.map((s) => s.layer))];
  const verdict = report.failed === 0 && report.problems.length === 0 ? 'PASS' : 'FAIL';
  lines.push(`${verdict}: \`${report.command}\`: ${report.passed} of ${report.checks} checks passed, ${report.failed} failed (${report.cases} cases)`);
  for (const layer of layers) {
    const subjects = report.subjects.filter((s) => s.layer === layer);
    const bad = subjects.filter(failed).length;
    lines.push(
      `  layer ${layer}: encode ${ratio(sum(subjects, (t) => t.encode))}, decode ${ratio(sum(subjects, (t) => t.decode))}, reject ${ratio(sum(subjects, (t) => t.reject))}${recheck(sum(subjects, (t) => t.recheck))}; ${subjects.length} constructors and types checked, ${bad || 'none'} with failures`,
    );
  }
  if (report.problems.length) {
    lines.push('', 'Peer problems:');
    for (const p of report.problems) lines.push(`  ${p}`);
  }
  if (report.classes.length) {
    lines.push('', 'Failure classes (by what is wrong with the bytes a peer accepted, or by the shape of the difference):');
    const width = String(report.classes[0].count).length;
    for (const c of report.classes.slice(0, maxClasses)) {
      lines.push(`  ${String(c.count).padStart(width)}  ${c.class}  (${c.subjects} constructor(s) and type(s); first: ${c.first.subject}, ${c.first.source})`);
    }
    if (report.classes.length > maxClasses) lines.push(`  … and ${report.classes.length - maxClasses} more classes`);
  }
  const withFailures = report.subjects.filter(failed);
  const listed = options.all ? report.subjects : withFailures.slice(0, MAX_LISTED);
  if (listed.length) {
    lines.push('', options.all ? 'Per constructor (negative cases under the type they are decoded as):' : 'Constructors and types with failures:');
    const width = Math.max(...listed.map((s) => s.subject.length));
    for (const s of listed) lines.push(`  ${layers.length > 1 ? `${s.layer} ` : ''}${s.subject.padEnd(width)}  encode ${ratio(s.encode)}, decode ${ratio(s.decode)}, reject ${ratio(s.reject)}${recheck(s.recheck)}`);
    if (!options.all && withFailures.length > listed.length) lines.push(`  … and ${withFailures.length - listed.length} more (--all lists every constructor)`);
  }
  const shown = report.failures.slice(0, maxShown);
  shown.forEach((f, i) => {
    lines.push('', `Failure ${i + 1} of ${report.failures.length}: ${f.subject}, ${f.check} (${f.source})`);
    lines.push(`  ${f.summary}`);
    const d = f.diagnosis;
    if (d) {
      const field = d.field ? `field ${d.field}${d.tlType ? ` (${d.tlType})` : ''}${d.part ? `, its ${d.part}` : ''}` : 'its constructor id';
      if (d.offset !== undefined) lines.push(`  constructor ${d.owner}, offset ${d.offset}, ${field}`);
      for (const line of d.details) lines.push(`  ${line}`);
    }
  });
  if (report.failures.length > shown.length) lines.push('', `${report.failures.length - shown.length} more failure(s) not shown (--show N)`);
  return `${lines.join('\n')}\n`;
}
