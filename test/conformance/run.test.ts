import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCase, type NegativeCase, type PositiveCase } from '../../src/conformance/cases.js';
import { formatReport } from '../../src/conformance/report.js';
import { runConformance, type ConformanceReport, type SourcedCase } from '../../src/conformance/run.js';
import { SuiteGenerator } from '../../src/conformance/suite.js';
import { fromHex } from '../../src/common/bytes.js';
import { LAYERS, readJsonl, ROOT } from '../helpers.js';

const FIXTURES = join(ROOT, 'test', 'conformance', 'fixtures');
const TLWIRE = `node --import tsx ${join(FIXTURES, 'tlwire-peer.mts')}`;
const modelPeer = (bug?: string): string => `node --import tsx ${join(FIXTURES, 'model-peer.mts')}${bug ? ` --bug ${bug}` : ''}`;
const misbehaving = (how: string): string => `node ${join(FIXTURES, 'misbehaving-peer.mjs')} ${how}`;

/** Generated cases of a few combinators, as `tlwire vectors --only` writes them. */
function suite(layer: 133 | 228, names: string[], per = 12): SourcedCase[] {
  const generator = new SuiteGenerator(LAYERS[layer], { seed: 'run-test', per });
  const cases = generator.combinators().filter((c) => names.includes(c.name)).flatMap((c) => [...generator.positive(c), ...generator.negative(c)]);
  expect(new Set(cases.map((c) => ('name' in c ? c.name : c.type))).size).toBeGreaterThanOrEqual(names.length);
  return cases.map((c, i) => ({ case: c, source: `suite:${i + 1}` }));
}

function run(cases: SourcedCase[], command: string, timeoutMs = 60_000, interleave = false): Promise<ConformanceReport> {
  return runConformance(cases, { command, timeoutMs, loadLayer: async (n) => LAYERS[n as 133 | 228], maxDiagnosed: 1000, interleave });
}

const positives = (cases: SourcedCase[]): PositiveCase[] => cases.map((s) => s.case).filter((c): c is PositiveCase => 'value' in c);
const negatives = (cases: SourcedCase[]): NegativeCase[] => cases.map((s) => s.case).filter((c): c is NegativeCase => !('value' in c));

/** Shapes worth a full run: flags of every kind, strings, bytes, int128/256, vectors bare and boxed, Object, !X, the MTProto envelope. */
const VARIED_133 = [
  'messages.getStatsURL',
  'statsURL',
  'statsGraph',
  'message',
  'channelFull',
  'peerNotifySettings',
  'msg_container',
  'future_salts',
  'msgs_ack',
  'rpc_result',
  'gzip_packed',
  'invokeWithLayer',
  'resPQ',
  'p_q_inner_data_dc',
  'boolTrue',
  'help.getConfig',
  'inputGeoPoint',
  'upload.saveFilePart',
  'messages.getMessages',
  'account.updateStatus',
];

describe('tlwire conformance, against implementations that get everything right', () => {
  const cases = [
    ...suite(133, VARIED_133),
    ...suite(228, ['messages.sendMessage', 'updateShortMessage', 'inputMediaUploadedDocument']),
    ...readJsonl<unknown>('negative.jsonl').map((c, i) => ({ case: parseCase(JSON.stringify(c), `negative.jsonl:${i + 1}`), source: `negative.jsonl:${i + 1}` })),
  ];

  it('tlwire itself, through its CLI, passes every case', async () => {
    const report = await run(cases, TLWIRE);
    expect(report.problems).toEqual([]);
    expect(report.failures.map((f) => f.summary)).toEqual([]);
    expect(report.checks).toBe(cases.length + positives(cases).length);
    expect(report.passed).toBe(report.checks);
    expect(formatReport(report)).toMatch(/^PASS: /);
  });

  it('an encoder written apart from the generated codec (model-driven) passes every case too', async () => {
    const report = await run(cases, modelPeer());
    expect(report.failures.map((f) => f.summary)).toEqual([]);
    expect(report.problems).toEqual([]);
  });
});

/** The first offset where two byte strings differ, by hand. */
function firstDiff(a: Uint8Array, b: Uint8Array): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

describe('tlwire conformance, against broken stand-ins: the report names the constructor, the offset and the field', () => {
  it('a conditional field written although its flag bit is clear', async () => {
    const cases = suite(133, ['statsGraph', 'updateReadChannelInbox']);
    const report = await run(cases, modelPeer('absent-field'));
    const broken = positives(cases).filter((c) => (c.name === 'statsGraph' ? !('zoomToken' in (c.value as object)) : !('folderId' in (c.value as object))));
    expect(broken.length).toBeGreaterThanOrEqual(2);
    expect(report.failures.map((f) => `${f.subject} ${f.check}`).sort()).toEqual(broken.map((c) => `${c.name} encode`).sort());
    for (const f of report.failures) {
      const c = positives(cases).find((p) => p.name === f.subject && cases.find((s) => s.case === p)!.source === f.source)!;
      const expected = fromHex(c.hex);
      // What the bug writes: 4 zero bytes where the absent field goes (statsGraph: at the end; updateReadChannelInbox: after flags).
      const at = c.name === 'statsGraph' ? expected.length : 8;
      const peer = new Uint8Array([...expected.subarray(0, at), 0, 0, 0, 0, ...expected.subarray(at)]);
      expect(f.diagnosis).toMatchObject({
        owner: c.name,
        field: c.name === 'statsGraph' ? 'zoomToken' : 'folderId',
        tlType: c.name === 'statsGraph' ? 'flags.0?string' : 'flags.0?int',
        offset: firstDiff(expected, peer),
      });
      expect(f.summary).toContain('is absent (bit flags.0 is clear)');
    }
    const text = formatReport(report);
    expect(text).toMatch(/statsGraph\s+encode \d+\/12 FAILED, decode 12 ok/);
    expect(text).toMatch(/constructor statsGraph, offset \d+, field zoomToken \(flags\.0\?string\)/);
    expect(text).toContain('tlwire explain');
  });

  it('strings padded counting the payload only', async () => {
    const cases = suite(133, ['statsURL']);
    const report = await run(cases, modelPeer('string-padding'));
    let expectedFailures = 0;
    for (const c of positives(cases)) {
      const n = new TextEncoder().encode((c.value as { url: string }).url).length;
      const prefix = n <= 253 ? 1 : 4;
      const right = (4 - ((prefix + n) % 4)) % 4;
      const wrong = (4 - (n % 4)) % 4;
      const failure = report.failures.find((f) => f.check === 'encode' && f.source === cases.find((s) => s.case === c)!.source);
      if (right === wrong) {
        expect(failure, `url of ${n} bytes`).toBeUndefined();
        continue;
      }
      expectedFailures++;
      // The bytes agree up to the shorter padding; url is the last field of statsURL, after its 4-byte id.
      expect(failure?.diagnosis, `url of ${n} bytes`).toMatchObject({ owner: 'statsURL', field: 'url', tlType: 'string', part: 'padding', offset: 4 + prefix + n + Math.min(right, wrong) });
    }
    expect(expectedFailures).toBeGreaterThanOrEqual(6);
    expect(report.failures).toHaveLength(expectedFailures);
    expect(formatReport(report)).toMatch(/constructor statsURL, offset \d+, field url \(string\), its padding/);
  });

  it('a decoder that loses flags.N?true fields: the decode check names the field and its flags word', async () => {
    const cases = suite(133, ['messages.getStatsURL']);
    const report = await run(cases, modelPeer('drop-true-flags'));
    const dark = positives(cases).filter((c) => (c.value as { dark?: boolean }).dark === true);
    expect(dark.length).toBeGreaterThanOrEqual(2);
    expect(report.failures).toHaveLength(dark.length);
    for (const f of report.failures) {
      expect(f.check).toBe('decode');
      expect(f.diagnosis).toMatchObject({ owner: 'messages.getStatsURL', field: 'dark', tlType: 'flags.0?true', offset: 4 });
      expect(f.summary).toContain('the peer leaves it out, tlwire has true');
    }
  });
});

describe('tlwire conformance, against peers that break the line protocol: a clear report, never a hang', () => {
  const cases = suite(133, ['statsURL'], 3);
  const lines = { encode: 3, decode: cases.length };

  it('a peer that crashes part way', async () => {
    const report = await run(cases, misbehaving('crash'));
    expect(report.problems).toEqual([
      expect.stringMatching(new RegExp(`encode --layer 133 --jsonl\` exited with code 3 after 2 answer line\\(s\\) for ${lines.encode} case\\(s\\); its stderr ends with: peer: segmentation fault`)),
      expect.stringMatching(new RegExp(`decode --layer 133 --jsonl\` exited with code 3 after 2 answer line\\(s\\) for ${lines.decode} case\\(s\\)`)),
    ]);
    expect(report.failures.filter((f) => f.summary.includes('no answer'))).toHaveLength(1 + (lines.decode - 2));
    expect(report.passed).toBe(0);
  });

  it('a peer that hangs is killed at the timeout', async () => {
    const started = Date.now();
    const report = await run(cases, misbehaving('hang'), 1500);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(report.problems).toHaveLength(2);
    for (const p of report.problems) expect(p).toMatch(/timed out: killed with 0 answer line\(s\)/);
    expect(report.failed).toBe(report.checks);
  });

  it('a peer that answers with garbage, too many lines, or lingers after answering', async () => {
    const garbage = await run(cases, misbehaving('garbage'));
    expect(garbage.failed).toBe(garbage.checks);
    expect(garbage.failures[0].summary).toBe('encode: unreadable answer: hello, world');

    const extra = await run(cases, misbehaving('extra'));
    expect(extra.problems).toEqual([expect.stringContaining(`printed ${2 * lines.encode} answer line(s) for ${lines.encode} case(s)`), expect.stringContaining(`printed ${2 * lines.decode} answer line(s)`)]);

    const linger = await run(cases, misbehaving('linger'));
    expect(linger.problems).toEqual([expect.stringContaining('did not exit after its stdin closed (killed)'), expect.stringContaining('did not exit')]);
    // Refusing everything passes exactly the negative cases.
    expect(linger.passed).toBe(cases.length - positives(cases).length);
    expect(linger.failures[0].summary).toBe('encode: refused: not implemented');
  });

  it('a command that does not exist', async () => {
    const report = await run(cases, join(FIXTURES, 'no-such-peer'));
    expect(report.problems[0]).toMatch(/exited with code 127 after 0 answer line\(s\)/);
    expect(formatReport(report)).toMatch(/^FAIL: /);
  });
});

describe('tlwire conformance, failure classes: one bug is one class, whatever the constructors', () => {
  it('a peer with two bugs gets two kinds of class, each counting its failures over every constructor', async () => {
    const cases = suite(133, ['statsURL', 'statsGraph', 'dataJSON']);
    const report = await run(cases, modelPeer('string-padding,ignore-trailing'));
    const trailing = negatives(cases).filter((c) => c.why.includes('zero bytes after the'));
    expect(trailing).toHaveLength(3);
    // Every trailing-bytes case, over the three types, in one class.
    const accepts = report.classes.find((c) => c.class === 'reject: accepts bytes after the value');
    expect(accepts).toMatchObject({ check: 'reject', count: 3, subjects: 3 });
    expect(report.failures.filter((f) => f.check === 'reject').every((f) => f.class === accepts!.class)).toBe(true);
    // Every encode failure, longer or shorter, is one padding class (strings are all the three have).
    expect(report.classes.filter((c) => c.check === 'encode').map((c) => [c.class, c.count, c.subjects])).toEqual([
      ['encode: other padding after a string field', report.failures.filter((f) => f.check === 'encode').length, 3],
    ]);
    // The classes account for every failure, the largest first, and the report lists them.
    expect(report.classes.reduce((n, c) => n + c.count, 0)).toBe(report.failed);
    expect(report.classes.map((c) => c.count)).toEqual([...report.classes.map((c) => c.count)].sort((a, b) => b - a));
    expect(formatReport(report)).toMatch(/Failure classes[^\n]*\n\s+\d+  encode: other padding after a string field  \(3 constructor\(s\) and type\(s\); first: \w+, suite:\d+\)\n\s+3  reject: accepts bytes after the value  \(3 constructor\(s\) and type\(s\); first: \w+, suite:\d+\)\n/);
  });

  it('a refusal of valid cases is classed by its message without the particulars', async () => {
    const cases = suite(133, ['statsURL', 'statsGraph']);
    const report = await run(cases, misbehaving('refuse'));
    expect(report.classes.map((c) => [c.class, c.subjects])).toEqual([
      ['encode: refuses a valid case: not implemented', 2],
      ['decode: refuses a valid case: not implemented', 2],
    ]);
  });
});

describe('tlwire conformance --interleave: a valid case again after each negative one catches state kept between calls', () => {
  const cases = suite(133, ['statsURL', 'inputPhoneContact', 'messages.getStatsURL']);

  it('a peer that stays broken after a refusal passes the whole-suite order and fails the interleaved one', async () => {
    const whole = await run(cases, modelPeer('sticky-refusal'));
    expect(whole.failures.map((f) => f.summary)).toEqual([]);

    const report = await run(cases, modelPeer('sticky-refusal'), 60_000, true);
    expect(report.interleaved).toBe(true);
    // Valid cases in their own place still pass: every failure is a valid case decoded again after a negative one.
    expect(new Set(report.failures.map((f) => f.check))).toEqual(new Set(['recheck']));
    expect(new Set(report.failures.map((f) => f.subject))).toEqual(new Set(['statsURL', 'inputPhoneContact', 'messages.getStatsURL']));
    expect(report.failures[0].summary).toMatch(/^decode again after suite:\d+ \(.+\), it no longer decodes as it did: refused: cannot read [0-9a-f]{8} since an earlier refusal$/);
    expect(report.classes[0].class).toMatch(/^recheck: a valid case decodes otherwise after /);
    expect(formatReport(report)).toMatch(/layer 133: encode \d+ ok, decode \d+ ok, reject \d+ ok, again after a negative case \d+\/\d+ FAILED/);
  });

  it('tlwire itself passes interleaved, with one recheck per negative case', async () => {
    const report = await run(cases, TLWIRE, 60_000, true);
    expect(report.failures.map((f) => f.summary)).toEqual([]);
    expect(report.checks).toBe(2 * positives(cases).length + 2 * negatives(cases).length);
  });
});
