import { fromHex } from '../common/bytes.js';
import { TlDecodeError, TlEncodeError } from '../runtime/errors.js';
import type { TlLayer } from '../layer.js';
import { isPositive, layerOfSchema, type Case, type NegativeCase, type PositiveCase } from './cases.js';
import { Diagnoser, type Diagnosis } from './diagnose.js';
import { runPeer, runProblem, type PeerRun } from './peer.js';

/** A case and where it came from (`suite.jsonl:12`). */
export interface SourcedCase {
  case: Case;
  source: string;
}

/** encode: value -> bytes; decode: bytes -> value; reject: invalid bytes must be refused. */
export type Check = 'encode' | 'decode' | 'reject';

export interface Failure {
  source: string;
  layer: number;
  check: Check;
  /** The constructor or function of a positive case; the decode type of a negative one. */
  subject: string;
  /** One line. */
  summary: string;
  /** For mismatches: where and in which field, explained. */
  diagnosis?: Diagnosis;
}

export interface Tally {
  passed: number;
  failed: number;
}

export interface SubjectTally {
  layer: number;
  subject: string;
  encode: Tally;
  decode: Tally;
  reject: Tally;
}

export interface ConformanceReport {
  command: string;
  cases: number;
  /** Checks run: two per positive case (encode and decode), one per negative case. */
  checks: number;
  passed: number;
  failed: number;
  /** What went wrong with a peer run as a whole: crash, timeout, too many or too few lines. */
  problems: string[];
  /** Per constructor (positive cases) or decode type (negative cases), in the order first seen. */
  subjects: SubjectTally[];
  failures: Failure[];
}

export interface ConformanceOptions {
  /** The peer: `encode --layer N --jsonl` or `decode --layer N --jsonl` is appended. */
  command: string;
  /** Per peer run. */
  timeoutMs: number;
  loadLayer: (layer: number) => Promise<TlLayer>;
  /** Failures that get a full diagnosis (explain rows); the rest get one line. */
  maxDiagnosed?: number;
  color?: boolean;
}

type Answer = { kind: 'hex'; hex: string } | { kind: 'value'; value: unknown } | { kind: 'error'; error: string } | { kind: 'garbage'; text: string } | { kind: 'missing' };

function parseAnswer(line: string | undefined): Answer {
  if (line === undefined) return { kind: 'missing' };
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { kind: 'garbage', text: line };
  }
  if (typeof json === 'object' && json !== null && !Array.isArray(json)) {
    const a = json as Record<string, unknown>;
    if (typeof a.error === 'string') return { kind: 'error', error: a.error };
    if (typeof a.hex === 'string' && /^(?:[0-9a-fA-F]{2})*$/.test(a.hex)) return { kind: 'hex', hex: a.hex.toLowerCase() };
    if ('value' in a) return { kind: 'value', value: a.value };
  }
  return { kind: 'garbage', text: line };
}

function clip(text: string, n = 80): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

/** Why an answer is not what the check needs, or undefined when it is of the right kind. */
function wrongKind(answer: Answer, wanted: 'hex' | 'value'): string | undefined {
  switch (answer.kind) {
    case 'missing':
      return 'no answer (see the run problems above)';
    case 'garbage':
      return `unreadable answer: ${clip(answer.text)}`;
    case 'error':
      return `refused: ${clip(answer.error, 200)}`;
    default:
      return answer.kind === wanted ? undefined : `answered {"${answer.kind}":...} where {"${wanted}":...} belongs`;
  }
}

/**
 * Runs cases through a peer implementation, one process per layer and direction, and checks
 * every answer: encode(value) must equal hex, decode(hex) must equal value, and every negative
 * case must be refused with {"error":...}.
 */
export async function runConformance(cases: readonly SourcedCase[], options: ConformanceOptions): Promise<ConformanceReport> {
  const report: ConformanceReport = { command: options.command, cases: cases.length, checks: 0, passed: 0, failed: 0, problems: [], subjects: [], failures: [] };
  const tallies = new Map<string, SubjectTally>();
  const tally = (layer: number, subject: string): SubjectTally => {
    const key = `${layer}|${subject}`;
    let t = tallies.get(key);
    if (!t) {
      t = { layer, subject, encode: { passed: 0, failed: 0 }, decode: { passed: 0, failed: 0 }, reject: { passed: 0, failed: 0 } };
      tallies.set(key, t);
      report.subjects.push(t);
    }
    return t;
  };
  const maxDiagnosed = options.maxDiagnosed ?? 20;
  const record = (layer: number, check: Check, subject: string, source: string, failure: (() => Omit<Failure, 'source' | 'layer' | 'check' | 'subject'>) | undefined): void => {
    report.checks++;
    const t = tally(layer, subject)[check];
    if (!failure) {
      t.passed++;
      report.passed++;
      return;
    }
    t.failed++;
    report.failed++;
    report.failures.push({ source, layer, check, subject, ...failure() });
  };

  const byLayer = new Map<number, { positive: { c: PositiveCase; source: string }[]; negative: { c: NegativeCase; source: string }[] }>();
  for (const { case: c, source } of cases) {
    const layer = layerOfSchema(c.schema)!;
    let group = byLayer.get(layer);
    if (!group) byLayer.set(layer, (group = { positive: [], negative: [] }));
    if (isPositive(c)) group.positive.push({ c, source });
    else group.negative.push({ c, source });
  }

  for (const [layerNumber, { positive, negative }] of byLayer) {
    const layer = await options.loadLayer(layerNumber);
    const diagnoser = new Diagnoser(layer, options.color ?? false);
    // Both directions at once: two peer processes in parallel.
    const encodeLines = positive.map(({ c }) => JSON.stringify(c.value));
    const decodeLines = [...positive.map(({ c }) => JSON.stringify({ hex: c.hex, type: c.name })), ...negative.map(({ c }) => JSON.stringify({ hex: c.hex, type: c.type }))];
    const [encodeRun, decodeRun] = await Promise.all([
      encodeLines.length ? runPeer(`${options.command} encode --layer ${layerNumber} --jsonl`, encodeLines, { timeoutMs: options.timeoutMs }) : undefined,
      decodeLines.length ? runPeer(`${options.command} decode --layer ${layerNumber} --jsonl`, decodeLines, { timeoutMs: options.timeoutMs }) : undefined,
    ]);
    const note = (run: PeerRun | undefined, expected: number): void => {
      const problem = run && runProblem(run, expected);
      if (problem) report.problems.push(`layer ${layerNumber}: ${problem}`);
    };
    note(encodeRun, encodeLines.length);
    note(decodeRun, decodeLines.length);

    const diagnose = (make: () => Diagnosis): Diagnosis | undefined => {
      if (report.failures.length >= maxDiagnosed) return undefined;
      try {
        return make();
      } catch (e) {
        // A hand-edited case whose value tlwire itself cannot encode: report the bare mismatch.
        if (e instanceof TlEncodeError || e instanceof TlDecodeError) return undefined;
        throw e;
      }
    };
    positive.forEach(({ c, source }, i) => {
      const answer = parseAnswer(encodeRun?.answers[i]);
      const wrong = wrongKind(answer, 'hex');
      const hex = answer.kind === 'hex' ? answer.hex : undefined;
      record(layerNumber, 'encode', c.name, source, wrong ? () => ({ summary: `encode: ${wrong}` }) : hex === c.hex ? undefined : () => {
        const diagnosis = diagnose(() => diagnoser.encodeMismatch(c.name, c.value, fromHex(c.hex), fromHex(hex!)));
        return { summary: `encode: ${diagnosis?.summary ?? `bytes differ (peer ${clip(hex!, 40)})`}`, diagnosis };
      });
    });
    positive.forEach(({ c, source }, i) => {
      const answer = parseAnswer(decodeRun?.answers[i]);
      const wrong = wrongKind(answer, 'value');
      const value = answer.kind === 'value' ? answer.value : undefined;
      const same = !wrong && JSON.stringify(canonicalOrder(value)) === JSON.stringify(canonicalOrder(c.value));
      record(layerNumber, 'decode', c.name, source, wrong ? () => ({ summary: `decode: ${wrong}` }) : same ? undefined : () => {
        const diagnosis = diagnose(() => diagnoser.decodeMismatch(c.name, c.value, value, fromHex(c.hex)));
        return { summary: `decode: ${diagnosis?.summary ?? 'decoded value differs'}`, diagnosis };
      });
    });
    negative.forEach(({ c, source }, i) => {
      const answer = parseAnswer(decodeRun?.answers[positive.length + i]);
      let failure: string | undefined;
      if (answer.kind === 'missing') failure = 'no answer (see the run problems above)';
      else if (answer.kind === 'garbage') failure = `unreadable answer: ${clip(answer.text)}`;
      else if (answer.kind !== 'error') failure = `accepted invalid bytes ${clip(c.hex, 40)} (${c.why}); tlwire refuses them: ${c.error}`;
      record(layerNumber, 'reject', c.type, source, failure ? () => ({ summary: `reject: ${failure}` }) : undefined);
    });
  }
  return report;
}

/** A JSON value with object keys sorted, so that key order does not count as a difference. */
function canonicalOrder(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonicalOrder);
  if (typeof v === 'object' && v !== null) {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, canonicalOrder((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}
