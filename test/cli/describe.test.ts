import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as suite, expect, it } from 'vitest';
import { describe } from '../../src/cli/commands/describe.js';
import { ROOT } from '../helpers.js';
import { runCommand } from './run-command.js';

/** The bytes the README's first example encodes (the line after its first `tlwire encode`). */
function readmeFirstExampleHex(): string {
  const lines = readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n');
  return lines[lines.findIndex((l) => l.includes('tlwire encode --layer 133')) + 1].trim();
}

suite('tlwire describe', () => {
  it('states every fact of the seed page for messages.getStatsURL, with the README example bytes', async () => {
    const { code, out, err } = await runCommand(describe, ['messages.getStatsURL', '--layer', '133']);
    expect([code, err]).toEqual([0, '']);
    const seed = readFileSync(join(ROOT, 'reference', 'seed-messages.getStatsURL.md'), 'utf8');
    expect(out).toContain('Returns URL with the chat statistics. Currently this method can be used only for channels');
    // Every parameter's description, as the seed page writes it.
    for (const row of seed.split('\n').filter((l) => l.startsWith('| **'))) {
      const description = row.split('|')[3].trim();
      expect(out).toContain(description);
    }
    expect(out).toContain('| **dark** | `flags.0?true` | Pass true if a URL with the dark theme must be returned |');
    expect(out).toContain('Bits: 0 `dark`');
    expect(out).toMatch(/## Result\n\n`StatsURL`: `statsURL`/);
    expect(out).toContain('| 400 | PEER_ID_INVALID | The provided peer id is invalid |');
    expect(out).toMatch(/## Can bots use this method\?\n\nNo /);
    expect(readmeFirstExampleHex()).toBe('e62a2c8101000000c97ea07d03616263');
    expect(out).toContain(`$ tlwire encode --layer 133 '{"_":"messages.getStatsURL","dark":true,"peer":{"_":"inputPeerSelf"},"params":"abc"}'\n${readmeFirstExampleHex()}\n`);
    expect(out).toContain('crc32("messages.getStatsURL flags:# peer:InputPeer params:string = StatsURL") = #812c2ae6, the declared id');
    expect(out).toContain('- layer 133: #812c2ae6');
    expect(out).not.toContain('- layer 228');
  });

  it('lists the errors of messages.getHistory (layer 228) with their descriptions, and says users only', async () => {
    const { code, out } = await runCommand(describe, ['messages.getHistory']);
    expect(code).toBe(0);
    expect(out).toContain("| 406 | CHANNEL_PRIVATE | You haven't joined this channel/supergroup. |");
    expect(out).toContain('| 400 | PEER_ID_INVALID | The provided peer id is invalid. |');
    expect(out).toContain('No (users only; bots cannot call it).');
    expect(out).toContain('| **offset_id** (`offsetId`) | `int` | Only return messages starting from the specified message ID |');
    expect(out).toContain('- layer 133: #4423e6c5\n- layer 228: #4423e6c5');
  });

  it('gives the sections as JSON', async () => {
    const { code, out } = await runCommand(describe, ['messages.sendMessage', '--json']);
    expect(code).toBe(0);
    const d = JSON.parse(out) as { kind: string; callers: { bots: string; callers: string }; result: { type: string }; params: { name: string; bits?: unknown[] }[]; example: { hex: string } };
    expect(d.kind).toBe('method');
    expect(d.callers).toMatchObject({ bots: 'yes', callers: 'both' });
    expect(d.result.type).toBe('Updates');
    expect(d.params.find((p) => p.name === 'flags')!.bits!.length).toBeGreaterThan(5);
    expect(d.example.hex).toMatch(/^[0-9a-f]+$/);
  });

  it('describes types and constructors, and says when the data has no description', async () => {
    const type = await runCommand(describe, ['StatsURL', '--layer', '133']);
    expect(type.out).toContain('| `statsURL` | #47a971e0 | URL with chat statistics |');
    expect(type.out).toContain('Returned by: `messages.getStatsURL`.');
    const service = await runCommand(describe, ['req_pq_multi']);
    expect(service.out).toContain('no description in the reference data');
    expect(service.out).toContain('Not stated in the reference data.');
  });

  it('suggests the name meant, and the layer that has it', async () => {
    expect((await runCommand(describe, ['messages.getStatsUrl', '--layer', '133'])).err).toBe(
      'tlwire describe: layer 133 has no method, constructor or type messages.getStatsUrl: did you mean messages.getStatsURL?\n',
    );
    expect((await runCommand(describe, ['messages.getStatsUrl'])).err).toBe(
      'tlwire describe: layer 228 has no method, constructor or type messages.getStatsUrl: did you mean messages.getStatsURL (layer 133: --layer 133)?\n',
    );
    const other = await runCommand(describe, ['messages.getStatsURL']);
    expect([other.code, other.err]).toEqual([1, 'tlwire describe: layer 228 has no method, constructor or type messages.getStatsURL: messages.getStatsURL is in layer 133: use --layer 133\n']);
    expect((await runCommand(describe, [])).code).toBe(1);
  });
});
