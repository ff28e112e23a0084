import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { UsageError } from '../../src/cli/io.js';
import { conformance } from '../../src/cli/commands/conformance.js';
import { vectors } from '../../src/cli/commands/vectors.js';
import { parseCase } from '../../src/conformance/cases.js';
import { ROOT } from '../helpers.js';

function fakeIo(): Io & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out(text: string) {
      io.stdout += text;
    },
    err(text: string) {
      io.stderr += text;
    },
    readStdin: async () => '',
    color: false,
  };
  return io;
}

async function cli(command: typeof vectors, argv: string[]): Promise<{ code: number; stdout: string }> {
  const io = fakeIo();
  const code = await command.run(argv, io);
  return { code, stdout: io.stdout };
}

const dir = mkdtempSync(join(tmpdir(), 'tlwire-conformance-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FIXTURES = join(ROOT, 'test', 'conformance', 'fixtures');

describe('tlwire vectors', () => {
  it('writes JSONL cases for the chosen combinators, the same for the same seed', async () => {
    const args = ['--layer', '133', '--only', 'statsURL,messages.getStatsURL', '--per', '4'];
    const first = await cli(vectors, args);
    const again = await cli(vectors, args);
    const other = await cli(vectors, [...args, '--seed', '7']);
    expect(first.code).toBe(0);
    expect(again.stdout).toBe(first.stdout);
    expect(other.stdout).not.toBe(first.stdout);
    const cases = first.stdout.trimEnd().split('\n').map((line, i) => parseCase(line, `line ${i + 1}`));
    const names = cases.filter((c) => 'value' in c).map((c) => ('name' in c ? c.name : ''));
    expect(names).toEqual([...Array(4).fill('statsURL'), ...Array(4).fill('messages.getStatsURL')]);
    expect(cases.filter((c) => !('value' in c)).map((c) => ('type' in c ? c.type : ''))).toEqual(expect.arrayContaining(['StatsURL', 'messages.getStatsURL']));
    // A combinator's cases do not depend on which others are generated with it.
    const alone = await cli(vectors, ['--layer', '133', '--only', 'messages.getStatsURL', '--per', '4']);
    expect(first.stdout.endsWith(alone.stdout)).toBe(true);
  });

  it('--out writes the file and says what it wrote', async () => {
    const out = join(dir, 'suite.jsonl');
    const { code, stdout } = await cli(vectors, ['--layer', '133', '--only', 'statsURL', '--out', out]);
    expect(code).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    const positive = lines.filter((l) => l.includes('"value"')).length;
    expect(positive).toBe(12);
    expect(stdout).toBe(`wrote ${lines.length} cases (12 positive, ${lines.length - 12} negative) for 1 combinator of layer 133 to ${out}\n`);
  });

  it('refuses bad options with a one-line reason', async () => {
    await expect(cli(vectors, ['--layer', '133', '--per', '0'])).rejects.toThrow(new UsageError('--per takes a number from 1 to 1000, got "0"'));
    await expect(cli(vectors, ['--layer', '133', '--only', 'noSuchThing'])).rejects.toThrow('layer 133 has no constructor or function noSuchThing');
    // A name of the other shipped layer comes with a hint.
    await expect(cli(vectors, ['--layer', '228', '--only', 'messages.getStatsURL'])).rejects.toThrow('use --layer 133');
    await expect(cli(vectors, ['--layer', '133', '--only', 'statsURL', '--out', join(dir, 'missing', 'x.jsonl')])).rejects.toThrow(/cannot write .*: no such file$/);
  });
});

describe('tlwire conformance', () => {
  it('passes tlwire against its own suite, and exits 0', async () => {
    const suite = join(dir, 'self.jsonl');
    await cli(vectors, ['--layer', '133', '--only', 'statsGraph,dataJSON', '--out', suite]);
    const { code, stdout } = await cli(conformance, ['--cmd', `node --import tsx ${join(FIXTURES, 'tlwire-peer.mts')}`, suite]);
    expect(stdout).toMatch(/^PASS: `node --import tsx .*tlwire-peer\.mts`: (\d+) of \1 checks passed, 0 failed/);
    expect(code).toBe(0);
  });

  it('reports a broken stand-in per constructor with the field, and exits 1', async () => {
    const suite = join(dir, 'broken.jsonl');
    await cli(vectors, ['--layer', '133', '--only', 'statsGraph', '--out', suite]);
    const { code, stdout } = await cli(conformance, ['--cmd', `node --import tsx ${join(FIXTURES, 'model-peer.mts')} --bug absent-field`, '--show', '1', suite]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^FAIL: /);
    expect(stdout).toMatch(/Constructors and types with failures:\n {2}statsGraph {2}encode \d+\/12 FAILED, decode 12 ok, reject -\n/);
    expect(stdout).toMatch(/Failure 1 of \d+: statsGraph, encode \(.*broken\.jsonl:\d+\)/);
    expect(stdout).toMatch(/constructor statsGraph, offset \d+, field zoomToken \(flags\.0\?string\)/);
    expect(stdout).toMatch(/more failure\(s\) not shown \(--show N\)/);
  });

  it('refuses missing options and malformed case files, naming the line', async () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"schema":"layer-133","name":"statsURL","id":"47a971e0","value":{},"hex":"00"}\n{"schema":"layer-133","hex":"zz"}\n');
    await expect(cli(conformance, [bad])).rejects.toThrow("no implementation given: --cmd 'COMMAND ...'");
    await expect(cli(conformance, ['--cmd', 'true'])).rejects.toThrow('no case files given');
    await expect(cli(conformance, ['--cmd', 'true', bad])).rejects.toThrow(`${bad}:2: "hex" must be lowercase hex pairs`);
    await expect(cli(conformance, ['--cmd', 'true', join(dir, 'nope.jsonl')])).rejects.toThrow(/cannot read .*nope\.jsonl: no such file$/);
    await expect(cli(conformance, ['--cmd', 'true', '--timeout', 'soon', bad])).rejects.toThrow('--timeout takes a positive whole number, got "soon"');
    const unshipped = join(dir, 'unshipped.jsonl');
    writeFileSync(unshipped, '{"schema":"layer-999","type":"StatsURL","hex":"","error":"truncated","why":"x"}\n');
    await expect(cli(conformance, ['--cmd', 'true', unshipped])).rejects.toThrow('layer 999 is not shipped');
  });
});
