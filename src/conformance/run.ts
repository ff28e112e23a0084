import { fromHex } from '../common/bytes.js';
import { TlDecodeError, TlEncodeError } from '../runtime/errors.js';
import type { TlLayer } from '../layer.js';
import { isPositive, layerOfSchema, type Case, type NegativeCase, type PositiveCase } from './cases.js';
import { decodeShape, encodeShape, negativeKind, refusalGist } from './classes.js';
import { Diagnoser, type Diagnosis } from './diagnose.js';
import { runPeer, runProblem, type PeerRun } from './peer.js';

/** A case and where it came from (`suite.jsonl:12`). */
export interface SourcedCase {
  case: Case;
  source: string;
}

/**
 * encode: value -> bytes; decode: bytes -> value; reject: invalid bytes must be refused;
 * recheck (with `interleave`): a valid case decodes again, the same, right after a negative case.
 */
export type Check = 'encode' | 'decode' | 'reject' | 'recheck';

export interface Failure {
  source: string;
  layer: number;
  check: Check;
  /** The constructor or function of a positive case; the decode type of a negative one. */
  subject: string;
  /** One line. */
  summary: string;
  /** What went wrong, in words shared by every failure of the same kind (`reject: accepts input cut short`). */
  class: string;
  /** For mismatches: where and in which field, explained. */
  diagnosis?: Diagnosis;
}

/** Failures of one class: how many, over how many constructors, and the first of them. */
export interface FailureClass {
  class: string;
  check: Check;
  count: number;
  subjects: number;
  first: Failure;
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
  recheck: Tally;
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
  /** The failures grouped by class, the largest first. */
  classes: FailureClass[];
  /** Whether each constructor's cases ran interleaved, a valid case again after each negative one. */
  interleaved: boolean;
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
  /**
   * Decode each constructor's cases together, and after each of its negative cases one of its
   * valid cases again: a peer that keeps state between calls (a refusal that breaks later
   * reads) fails the `recheck`. The whole-suite order (every valid case first) hides that.
   */
  interleave?: boolean;
}

type Answer =
  | { kind: 'hex'; hex: string }
  | { kind: 'value'; value: unknown }
  | { kind: 'error'; error: string }
  /** An adapter that contains its library's crash (out of memory, a call that never returns) says so: a failure, never a refusal. */
  | { kind: 'crash'; crash: string }
  | { kind: 'garbage'; text: string }
  | { kind: 'missing' };

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
    if (typeof a.crash === 'string') return { kind: 'crash', crash: a.crash };
    if (typeof a.hex === 'string' && /^(?:[0-9a-fA-F]{2})*$/.test(a.hex)) return { kind: 'hex', hex: a.hex.toLowerCase() };
    if ('value' in a) return { kind: 'value', value: a.value };
  }
  return { kind: 'garbage', text: line };
}

function clip(text: string, n = 80): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

/** Why an answer is not what the check needs (with its class), or undefined when it is of the right kind. */
function wrongKind(answer: Answer, wanted: 'hex' | 'value'): { summary: string; class: string } | undefined {
  switch (answer.kind) {
    case 'missing':
      return { summary: 'no answer (see the run problems above)', class: 'no answer' };
    case 'garbage':
      return { summary: `unreadable answer: ${clip(answer.text)}`, class: 'unreadable answer' };
    case 'crash':
      return { summary: `the peer crashed: ${clip(answer.crash, 200)}`, class: `crashes: ${refusalGist(answer.crash)}` };
    case 'error':
      return { summary: `refused: ${clip(answer.error, 200)}`, class: `refuses a valid case: ${refusalGist(answer.error)}` };
    default:
      return answer.kind === wanted ? undefined : { summary: `answered {"${answer.kind}":...} where {"${wanted}":...} belongs`, class: `answers {"${answer.kind}"} where {"${wanted}"} belongs` };
  }
}

/** The constructor a negative case was made from: its `why` starts with that name. */
function ownerOf(c: NegativeCase): string {
  const colon = c.why.indexOf(': ');
  return colon > 0 ? c.why.slice(0, colon) : c.type;
}

type DecodeItem = { kind: 'positive'; i: number } | { kind: 'negative'; i: number } | { kind: 'recheck'; i: number; after: number };

/** The decode requests in order: every valid case then every negative one, or each constructor's together, interleaved. */
function decodeOrder(positive: readonly { c: PositiveCase }[], negative: readonly { c: NegativeCase }[], interleave: boolean): DecodeItem[] {
  if (!interleave) return [...positive.map((_, i) => ({ kind: 'positive' as const, i })), ...negative.map((_, i) => ({ kind: 'negative' as const, i }))];
  const groups = new Map<string, { positive: number[]; negative: number[] }>();
  const group = (name: string): { positive: number[]; negative: number[] } => {
    let g = groups.get(name);
    if (!g) groups.set(name, (g = { positive: [], negative: [] }));
    return g;
  };
  positive.forEach(({ c }, i) => group(c.name).positive.push(i));
  negative.forEach(({ c }, i) => group(ownerOf(c)).negative.push(i));
  const order: DecodeItem[] = [];
  for (const g of groups.values()) {
    for (const i of g.positive) order.push({ kind: 'positive', i });
    for (const i of g.negative) {
      order.push({ kind: 'negative', i });
      if (g.positive.length) order.push({ kind: 'recheck', i: g.positive[0], after: i });
    }
  }
  return order;
}

/**
 * Runs cases through a peer implementation, one process per layer and direction, and checks
 * every answer: encode(value) must equal hex, decode(hex) must equal value, and every negative
 * case must be refused with {"error":...}.
 */
export async function runConformance(cases: readonly SourcedCase[], options: ConformanceOptions): Promise<ConformanceReport> {
  const interleave = options.interleave ?? false;
  const report: ConformanceReport = { command: options.command, cases: cases.length, checks: 0, passed: 0, failed: 0, problems: [], subjects: [], failures: [], classes: [], interleaved: interleave };
  const tallies = new Map<string, SubjectTally>();
  const tally = (layer: number, subject: string): SubjectTally => {
    const key = `${layer}|${subject}`;
    let t = tallies.get(key);
    if (!t) {
      t = { layer, subject, encode: { passed: 0, failed: 0 }, decode: { passed: 0, failed: 0 }, reject: { passed: 0, failed: 0 }, recheck: { passed: 0, failed: 0 } };
      tallies.set(key, t);
      report.subjects.push(t);
    }
    return t;
  };
  const maxDiagnosed = options.maxDiagnosed ?? 20;
  type Found = Omit<Failure, 'source' | 'layer' | 'check' | 'subject'>;
  const record = (layer: number, check: Check, subject: string, source: string, failure: (() => Found) | undefined): void => {
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
    const order = decodeOrder(positive, negative, interleave);
    const decodeLines = order.map((item) => {
      if (item.kind === 'negative') return JSON.stringify({ hex: negative[item.i].c.hex, type: negative[item.i].c.type });
      const { c } = positive[item.i];
      return JSON.stringify({ hex: c.hex, type: c.name });
    });
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

    // Every mismatch is diagnosed for its class; the first few keep their diagnosis for the report.
    let diagnosed = 0;
    const diagnose = (make: () => Diagnosis): Diagnosis | undefined => {
      try {
        return make();
      } catch (e) {
        // A hand-edited case whose value tlwire itself cannot encode: report the bare mismatch.
        if (e instanceof TlEncodeError || e instanceof TlDecodeError) return undefined;
        throw e;
      }
    };
    const keep = (d: Diagnosis | undefined): Diagnosis | undefined => (d && diagnosed++ < maxDiagnosed ? d : undefined);

    positive.forEach(({ c, source }, i) => {
      const answer = parseAnswer(encodeRun?.answers[i]);
      const wrong = wrongKind(answer, 'hex');
      const hex = answer.kind === 'hex' ? answer.hex : undefined;
      record(layerNumber, 'encode', c.name, source, wrong ? () => ({ summary: `encode: ${wrong.summary}`, class: `encode: ${wrong.class}` }) : hex === c.hex ? undefined : () => {
        const diagnosis = diagnose(() => diagnoser.encodeMismatch(c.name, c.value, fromHex(c.hex), fromHex(hex!)));
        return { summary: `encode: ${diagnosis?.summary ?? `bytes differ (peer ${clip(hex!, 40)})`}`, class: `encode: ${encodeShape(diagnosis, c.hex.length / 2, hex!.length / 2)}`, diagnosis: keep(diagnosis) };
      });
    });
    /** Why a decode answer is not the case's value, or undefined when it is. */
    const decodeFailure = (c: PositiveCase, answer: Answer): (() => Found) | undefined => {
      const wrong = wrongKind(answer, 'value');
      if (wrong) return () => ({ summary: wrong.summary, class: wrong.class });
      const value = (answer as { value: unknown }).value;
      if (JSON.stringify(canonicalOrder(value)) === JSON.stringify(canonicalOrder(c.value))) return undefined;
      return () => {
        const diagnosis = diagnose(() => diagnoser.decodeMismatch(c.name, c.value, value, fromHex(c.hex)));
        return { summary: diagnosis?.summary ?? 'decoded value differs', class: decodeShape(diagnosis), diagnosis: keep(diagnosis) };
      };
    };
    const decodedOk = new Set<number>();
    order.forEach((item, at) => {
      const answer = parseAnswer(decodeRun?.answers[at]);
      if (item.kind === 'positive') {
        const { c, source } = positive[item.i];
        const failure = decodeFailure(c, answer);
        if (!failure) decodedOk.add(item.i);
        record(layerNumber, 'decode', c.name, source, failure && (() => prefixed('decode', failure())));
      } else if (item.kind === 'recheck') {
        // Only a case that decoded right in its own place tells state kept between calls.
        if (!decodedOk.has(item.i)) return;
        const { c, source } = positive[item.i];
        const before = negative[item.after];
        const failure = decodeFailure(c, answer);
        const after = `after ${before.source} (${negativeKind(before.c)})`;
        record(layerNumber, 'recheck', c.name, source, failure && (() => {
          const f = failure();
          return { ...f, summary: `decode again ${after}, it no longer decodes as it did: ${f.summary}`, class: `recheck: a valid case decodes otherwise after ${negativeKind(before.c)}` };
        }));
      } else {
        const { c, source } = negative[item.i];
        let failure: Found | undefined;
        if (answer.kind === 'missing') failure = { summary: 'no answer (see the run problems above)', class: 'no answer' };
        else if (answer.kind === 'garbage') failure = { summary: `unreadable answer: ${clip(answer.text)}`, class: 'unreadable answer' };
        else if (answer.kind === 'crash') failure = { summary: `the peer crashed on invalid bytes ${clip(c.hex, 40)} (${c.why}): ${clip(answer.crash, 200)}`, class: `crashes on ${negativeKind(c)}` };
        else if (answer.kind !== 'error') failure = { summary: `accepted invalid bytes ${clip(c.hex, 40)} (${c.why}); tlwire refuses them: ${c.error}`, class: `accepts ${negativeKind(c)}` };
        record(layerNumber, 'reject', c.type, source, failure && (() => prefixed('reject', failure)));
      }
    });
  }
  report.classes = classify(report.failures);
  return report;
}

function prefixed(check: Check, f: Omit<Failure, 'source' | 'layer' | 'check' | 'subject'>): Omit<Failure, 'source' | 'layer' | 'check' | 'subject'> {
  return { ...f, summary: `${check}: ${f.summary}`, class: f.class.startsWith(`${check}: `) ? f.class : `${check}: ${f.class}` };
}

/** Failures grouped by class, the largest first (then in the order first seen). */
export function classify(failures: readonly Failure[]): FailureClass[] {
  const classes = new Map<string, FailureClass & { names: Set<string> }>();
  for (const f of failures) {
    let c = classes.get(f.class);
    if (!c) classes.set(f.class, (c = { class: f.class, check: f.check, count: 0, subjects: 0, first: f, names: new Set() }));
    c.count++;
    c.names.add(`${f.layer}|${f.subject}`);
  }
  return [...classes.values()].map(({ names, ...c }) => ({ ...c, subjects: names.size })).sort((a, b) => b.count - a.count);
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
