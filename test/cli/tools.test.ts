import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Command } from '../../src/cli/command.js';
import { check } from '../../src/cli/commands/check.js';
import { diff } from '../../src/cli/commands/diff.js';
import { explain } from '../../src/cli/commands/explain.js';
import { generate } from '../../src/cli/commands/generate.js';
import { id } from '../../src/cli/commands/id.js';
import { ROOT } from '../helpers.js';
import { runCommand } from './run-command.js';

const STATS_HEX = 'e62a2c8101000000c97ea07d03616263';
const work = mkdtempSync(join(tmpdir(), 'tlwire-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs a command from the repository root, where the help examples' paths point. */
async function inRoot<T>(f: () => Promise<T>): Promise<T> {
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    return await f();
  } finally {
    process.chdir(cwd);
  }
}

/** The `$ tlwire NAME args` line of a help text's example, and the output lines under it. */
function helpExample(command: Command): { argv: string[]; grep?: string; output: string[] } {
  const lines = command.help.slice(command.help.indexOf('Example:')).split('\n').slice(1);
  const [commandLine, ...output] = lines.map((l) => l.slice(2));
  const [invocation, grep] = commandLine.split(' | grep ');
  // Arguments are separated by spaces; a quoted one may hold spaces.
  const argv = [...invocation.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]).slice(3);
  expect(commandLine.startsWith(`$ tlwire ${command.name} `)).toBe(true);
  return { argv, grep, output };
}

describe('help', () => {
  for (const command of [explain, check, diff, id, generate]) {
    it(`${command.name}: usage, options and an example`, async () => {
      expect(command.help.startsWith(`Usage: tlwire ${command.name}`)).toBe(true);
      expect(command.help).toContain('Example:\n  $ tlwire ');
      expect(command.summary.length).toBeLessThan(80);
      // The text fits a terminal; example lines are as wide as the real output.
      const text = command.help.slice(0, command.help.indexOf('Example:'));
      expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
      expect(await runCommand(command, ['--help'])).toEqual({ code: 0, out: `${command.help}\n`, err: '' });
    });
  }

  for (const command of [explain, check, diff, id]) {
    it(`${command.name}: the example prints what the help shows`, async () => {
      const example = helpExample(command);
      const run = await inRoot(() => runCommand(command, example.argv));
      expect(run.err).toBe('');
      let lines = run.out.trimEnd().split('\n');
      if (example.grep) lines = lines.filter((l) => l.includes(example.grep!));
      // An example ending in `...` shows the first lines only.
      const shown = example.output.at(-1) === '...' ? example.output.slice(0, -1) : example.output;
      expect(example.output.at(-1) === '...' ? lines.slice(0, shown.length) : lines).toEqual(shown);
    });
  }
});

describe('tlwire explain', () => {
  it('explains the README bytes, without colour when stdout is not a terminal', async () => {
    const run = await runCommand(explain, ['--layer', '133', STATS_HEX]);
    expect(run.code).toBe(0);
    expect(run.out).toContain('flags.0  bit 0      1  (dark)');
    expect(run.out).not.toContain('\x1b[');
  });

  it('colours when the Io says stdout is a terminal', async () => {
    const run = await runCommand(explain, ['--layer', '133', STATS_HEX], '', true);
    expect(run.out).toContain('\x1b[');
  });

  it('reads stdin, and shows how far bad bytes decoded (exit 1)', async () => {
    const run = await runCommand(explain, ['--layer', '133'], `${STATS_HEX.slice(0, -2)}\n`);
    expect(run.code).toBe(1);
    expect(run.out.trimEnd().split('\n').slice(-2)).toEqual([
      '    12  036162    params                  not decoded',
      'decode error TRUNCATED: truncated string: length 3 needs 4 bytes with prefix and padding, 3 left (at offset 12, in messages.getStatsURL#812c2ae6, field params)',
    ]);
  });

  it('explains an rpc_result with --method', async () => {
    const run = await runCommand(explain, ['--layer', '133', '--method', 'messages.getStatsURL', '016d5cf30100000000000000e071a94703616263']);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/ 12 +e071a947 +result +StatsURL \(messages\.getStatsURL\) +statsURL#47a971e0\n/);
  });

  it('answers mistakes with one line', async () => {
    const cases: [string[], string, string][] = [
      [[], '', 'tlwire explain: no HEX given: pass it as an argument or on stdin\n'],
      [[], ' \n', 'tlwire explain: no HEX given: pass it as an argument or on stdin\n'],
      [['00', '11'], '', 'tlwire explain: expected one HEX argument, got 2 (quote it, or pipe it on stdin)\n'],
      [['xyz'], '', 'tlwire explain: input is not hex: expected pairs of hex digits, got "xyz"\n'],
      [['--type', 'messages.getStatsURL', STATS_HEX], '', 'tlwire explain: layer 228 has no type messages.getStatsURL: messages.getStatsURL is in layer 133: use --layer 133\n'],
      [['--method', 'messages.getStatsURL', '00'], '', 'tlwire explain: layer 228 has no function messages.getStatsURL: messages.getStatsURL is in layer 133: use --layer 133\n'],
      [['--type', 'StatsURL', '--method', 'messages.getStatsURL', '00'], '', 'tlwire explain: --type and --method exclude each other: --method reads an rpc_result\n'],
      [['--layer', '99', '00'], '', 'tlwire explain: layer 99 is not shipped; tlwire ships 133 and 228 (tlwire generate builds others)\n'],
    ];
    for (const [argv, stdin, err] of cases) expect(await runCommand(explain, argv, stdin), argv.join(' ')).toEqual({ code: 1, out: '', err });
    expect((await runCommand(explain, ['--colour'])).err).toBe('tlwire explain: unknown option --colour (tlwire explain --help)\n');
  });
});

describe('tlwire check', () => {
  it('passes schema/*.tl, listing the sets, what it kept apart and what it allowed', async () => {
    const run = await inRoot(() =>
      runCommand(check, [
        'schema/api-layer-133.tl', 'schema/api-layer-214.tl', 'schema/api-layer-228-tdesktop-via-gotd.tl', 'schema/api-layer-228-tdlib.tl',
        'schema/mtproto-service-official.tl', 'schema/mtproto-tdesktop-layer-133.tl', 'schema/mtproto-tdesktop-layer-214.tl', 'schema/mtproto-tdlib-layer-228.tl',
      ]),
    );
    expect(run.code).toBe(0);
    const lines = run.out.trimEnd().split('\n');
    expect(lines[0]).toBe('8 file(s), 8630 combinators, 3 schema set(s): 8565 ids verified, 49 lines without an id, 16 known exception(s) allowed, 4 shared id(s) allowed, 0 error(s)');
    expect(lines).toContain("apart: schema/mtproto-tdlib-layer-228.tl redefines 1 name(s) or id(s) of schema/api-layer-133.tl's set: gzip_packed");
    expect(lines.filter((l) => l.startsWith('allowed '))).toHaveLength(20);
    expect(lines).toContain('allowed schema/api-layer-228-tdlib.tl:2289:1: invokeWithBusinessConnection shares #dd289f8e with invokeWithBusinessConnectionPrefix (schema/api-layer-228-tdlib.tl:31): tdlib-only prefix of invokeWithBusinessConnection, reuses its id');
  });

  it('lists every problem of a bad file and exits 1', async () => {
    const bad = join(work, 'bad.tl');
    writeFileSync(bad, ['statsURL#47a971e0 url:string = StatsURL;', 'statsURL#a9f868f4 url:int = StatsURL;', 'broken#1 = ;', 'user#b5204b47 flags:# name:flags.0?string photo:Photo = User;', ''].join('\n'));
    const run = await runCommand(check, [bad]);
    expect(run.code).toBe(1);
    expect(run.out.split('\n').filter((l) => l.startsWith('error '))).toEqual([
      `error ${bad}:2:1: statsURL is already defined at ${bad}:1:1 with another line`,
      `error ${bad}:3:12: expected a type name, found ';'`,
      `error ${bad}:4:43: type Photo used by field photo of user is not defined`,
    ]);
  });

  it('with --one-schema, a name two files define differently is an error', async () => {
    const a = join(work, 'a.tl');
    const b = join(work, 'b.tl');
    writeFileSync(a, 'statsURL#47a971e0 url:string = StatsURL;\n');
    writeFileSync(b, 'statsURL#a9f868f4 url:int = StatsURL;\n');
    expect((await runCommand(check, [a, b])).code).toBe(0);
    const together = await runCommand(check, ['--one-schema', a, b]);
    expect(together.code).toBe(1);
    expect(together.out).toContain(`error ${b}:1:1: statsURL is already defined at ${a}:1:1 with another line\n`);
  });

  it('answers missing files and missing arguments with one line', async () => {
    expect(await runCommand(check, [])).toEqual({ code: 1, out: '', err: 'tlwire check: no schema files given: tlwire check FILE...\n' });
    expect(await runCommand(check, [join(work, 'none.tl')])).toEqual({ code: 1, out: '', err: `tlwire check: cannot read ${join(work, 'none.tl')}: no such file\n` });
    expect(await runCommand(check, [work])).toEqual({ code: 1, out: '', err: `tlwire check: cannot read ${work}: it is a directory\n` });
  });
});

describe('tlwire diff', () => {
  it('takes several files per side, joined by commas', async () => {
    const run = await inRoot(() => runCommand(diff, ['schema/api-layer-133.tl,schema/mtproto-tdesktop-layer-133.tl', 'schema/api-layer-228-tdesktop-via-gotd.tl,schema/mtproto-tdesktop-layer-214.tl']));
    expect(run.code).toBe(0);
    const lines = run.out.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('15 removed, 0 renamed, 232 changed, 1424 added');
    expect(lines).toContain('added constructor tlsBlockPermutation: entries:Vector<Vector<TlsBlock>> = TlsBlock');
  });

  it('flags a ?true field added under the same id, on two small schema files', async () => {
    const run = await inRoot(() => runCommand(diff, ['test/tl/fixtures/same-id-old.tl', 'test/tl/fixtures/same-id-new.tl']));
    expect(run).toEqual({
      code: 0,
      out: 'changed constructor user#bbc54020: added field premium:flags.2?true; same id bbc54020 for two definitions (a ?true field does not count in the id): bytes with this id do not say which one they follow\n0 removed, 0 renamed, 1 changed, 0 added\n',
      err: '',
    });
  });

  it('answers mistakes with one line', async () => {
    const api = join(ROOT, 'schema', 'api-layer-133.tl');
    expect(await runCommand(diff, [api])).toEqual({ code: 1, out: '', err: 'tlwire diff: expected two schemas, OLD and NEW, got 1: tlwire diff OLD.tl NEW.tl\n' });
    expect(await runCommand(diff, [api, ','])).toEqual({ code: 1, out: '', err: 'tlwire diff: no schema file in ","\n' });
    expect(await runCommand(diff, [api, join(work, 'gone.tl')])).toEqual({ code: 1, out: '', err: `tlwire diff: cannot read ${join(work, 'gone.tl')}: no such file\n` });
    const broken = join(work, 'broken-diff.tl');
    writeFileSync(broken, 'x#1 = ;\n');
    expect(await runCommand(diff, [api, broken])).toEqual({ code: 1, out: '', err: `tlwire diff: ${broken}:1:7: expected a type name, found ';'\n` });
  });
});

describe('tlwire id', () => {
  it('reads the line from stdin and shows a line without an id', async () => {
    expect(await runCommand(id, [], 'statsURL url:string = StatsURL;\n')).toEqual({ code: 0, out: '#47a971e0 = crc32("statsURL url:string = StatsURL")\nno #id declared\n', err: '' });
  });

  it('exits 1 when the declared id is wrong, 0 for a known exception', async () => {
    expect(await runCommand(id, ['statsURL#12345678 url:string = StatsURL'])).toEqual({
      code: 1,
      out: '#47a971e0 = crc32("statsURL url:string = StatsURL")\ndeclared #12345678: does not match the line\n',
      err: '',
    });
    const exception = await runCommand(id, ['ipPortSecret#37982646 ipv4:int port:int secret:bytes = IpPort;']);
    expect(exception.code).toBe(0);
    expect(exception.out).toBe('#402d9b47 = crc32("ipPortSecret ipv4:int port:int secret:string = IpPort")\ndeclared #37982646: differs, a known exception: historical id, fixed before the CRC32 rule (help.configSimple payload)\n');
  });

  it('answers mistakes with one line', async () => {
    expect(await runCommand(id, [])).toEqual({ code: 1, out: '', err: 'tlwire id: no LINE given: pass it as an argument or on stdin\n' });
    expect(await runCommand(id, ['a', 'b'])).toEqual({ code: 1, out: '', err: 'tlwire id: expected one LINE argument, got 2 (quote it, or pipe it on stdin)\n' });
    expect(await runCommand(id, ['a#1 = A; b = B;'])).toEqual({ code: 1, out: '', err: 'tlwire id: <line>:1:1: expected exactly one combinator, found 2\n' });
    expect(await runCommand(id, ['user = '])).toEqual({ code: 1, out: '', err: 'tlwire id: <line>:1:7: expected a type name, found the end of the line\n' });
    // The `;` a line may lack is added for the parser: it is never reported as the user's.
    expect(await runCommand(id, ['garbage line'])).toEqual({ code: 1, out: '', err: "tlwire id: <line>:1:13: expected a field or '=', found the end of the line\n" });
    expect(await runCommand(id, ['user = ;'])).toEqual({ code: 1, out: '', err: "tlwire id: <line>:1:8: expected a type name, found ';'\n" });
  });
});
