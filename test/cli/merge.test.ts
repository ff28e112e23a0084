import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/cli/commands/check.js';
import { generate } from '../../src/cli/commands/generate.js';
import { merge } from '../../src/cli/commands/merge.js';
import { ROOT } from '../helpers.js';
import { runCommand } from './run-command.js';

const work = mkdtempSync(join(tmpdir(), 'tlwire-merge-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('tlwire merge of the shipped layer-228 files (tdesktop via gotd, TDLib)', () => {
  const tdesktop = join(ROOT, 'schema', 'api-layer-228-tdesktop-via-gotd.tl');
  const tdlib = join(ROOT, 'schema', 'api-layer-228-tdlib.tl');
  const merged = join(work, 'merged.tl');

  it('writes one schema, reports where each line came from, passes tlwire check and generates', async () => {
    const run = await runCommand(merge, [tdesktop, tdlib, '--out', merged]);
    expect(run.code).toBe(0);
    const lines = run.out.split('\n');
    expect(lines.slice(0, 3)).toEqual([`wrote ${merged}: 2 files, layer 228`, '2469 lines: 2447 in every file, 22 from some files only, 0 conflict(s)', `only in ${tdesktop}: null#56730bcc = Null;`]);
    expect(lines.filter((l) => l.startsWith(`only in ${tdlib}: `))).toHaveLength(21);
    expect(lines).toContain(`only in ${tdlib}: ephemeral.editMessage#13f250ee flags:# peer:InputPeer receiver_id:InputUser id:int message:flags.0?string media:flags.3?InputMedia entities:flags.1?Vector<MessageEntity> reply_markup:flags.2?ReplyMarkup = Updates;`);
    expect(readFileSync(merged, 'utf8').trimEnd().endsWith('// LAYER 228')).toBe(true);

    const checked = await runCommand(check, [merged, join(ROOT, 'schema', 'mtproto-tdesktop-layer-214.tl')]);
    expect(checked.code).toBe(0);
    expect(checked.out).toMatch(/^2 file\(s\), 2535 combinators, 1 schema set\(s\): .* 0 error\(s\)\n/);

    const out = join(work, 'gen');
    const generated = await runCommand(generate, ['--schema', merged, join(ROOT, 'schema', 'mtproto-tdesktop-layer-214.tl'), '--out', out]);
    expect(generated.code).toBe(0);
    expect(generated.out.split('\n').at(-2)).toBe(`wrote 5 files to ${out}: layer 228, 1690 constructors, 817 functions`);
  }, 120_000);

  it('refuses fewer than two files or no --out', async () => {
    expect(await runCommand(merge, [tdesktop, '--out', merged])).toMatchObject({ code: 1, err: 'tlwire merge: expected two or more schema files, got 1: tlwire merge A.tl B.tl --out MERGED.tl\n' });
    expect(await runCommand(merge, [tdesktop, tdlib])).toMatchObject({ code: 1, err: 'tlwire merge: no output file given: add --out MERGED.tl\n' });
  });

  it('says in one line why --out cannot be written', async () => {
    const missing = join(work, 'no-such-dir', 'merged.tl');
    expect(await runCommand(merge, [tdesktop, tdlib, '--out', missing])).toMatchObject({ code: 1, err: `tlwire merge: cannot write ${missing}: no such file\n` });
  });
});
