import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/main.js';
import { ROOT } from '../helpers.js';

const STATS_JSON = '{"_":"messages.getStatsURL","dark":true,"peer":{"_":"inputPeerSelf"},"params":"abc"}';
const STATS_HEX = 'e62a2c8101000000c97ea07d03616263';

async function run(argv: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => (out += t), err: (t) => (err += t), readStdin: async () => stdin, color: false };
  const code = await runCli(argv, io);
  return { code, out, err };
}

describe('tlwire encode / decode', () => {
  it('encodes the README example', async () => {
    expect(await run(['encode', '--layer', '133', STATS_JSON])).toEqual({ code: 0, out: `${STATS_HEX}\n`, err: '' });
  });

  it('decodes it back', async () => {
    expect(await run(['decode', '--layer', '133', STATS_HEX])).toEqual({ code: 0, out: `${STATS_JSON}\n`, err: '' });
  });

  it('reads stdin when no argument is given', async () => {
    expect((await run(['encode', '--layer', '133'], `${STATS_JSON}\n`)).out).toBe(`${STATS_HEX}\n`);
    expect((await run(['decode', '--layer', '133'], ` ${STATS_HEX}\n`)).out).toBe(`${STATS_JSON}\n`);
  });

  it('decodes as a boxed type, a vector type or a function name', async () => {
    expect((await run(['decode', '--layer', '133', '--type', 'StatsURL', 'e071a947036162 63'.replace(' ', '')])).out).toBe('{"_":"statsURL","url":"abc"}\n');
    expect((await run(['decode', '--type', 'Vector<long>', '15c4b51c010000000100000000000000'])).out).toBe('["1"]\n');
    const wrong = await run(['decode', '--layer', '133', '--type', 'InputPeer', STATS_HEX]);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toBe('tlwire decode: decode error WRONG_CONSTRUCTOR: constructor id 0x812c2ae6 is not of type InputPeer (at offset 0, in messages.getStatsURL#812c2ae6)\n');
  });

  it('defaults to the newest layer and hints at the layer that has a name', async () => {
    const r = await run(['encode', STATS_JSON]);
    expect(r.code).toBe(1);
    expect(r.err).toBe('tlwire encode: messages.getStatsURL is not in layer 228: messages.getStatsURL is in layer 133: use --layer 133\n');
    const d = await run(['decode', '--type', 'messages.getStatsURL', STATS_HEX]);
    expect(d.err).toContain('messages.getStatsURL is in layer 133: use --layer 133');
  });

  it('requires the whole input to be consumed', async () => {
    const r = await run(['decode', '--layer', '133', `${STATS_HEX}00000000`]);
    expect(r).toMatchObject({ code: 1, out: '' });
    expect(r.err).toBe('tlwire decode: decode error TRAILING_BYTES: 4 bytes left after the value (at offset 16)\n');
  });

  it('names the field path of an encode error', async () => {
    const r = await run(['encode', '--layer', '133', '{"_":"messages.getStatsURL","peer":{"_":"inputPeerChannel","channelId":"1","accessHash":1.5},"params":"x"}']);
    expect(r.err).toBe('tlwire encode: encode error BAD_VALUE: expected a long as a decimal string, got 1.5 (field peer.accessHash)\n');
    const missing = await run(['encode', '--layer', '133', '{"_":"messages.getStatsURL","peer":{"_":"inputPeerSelf"}}']);
    expect(missing.err).toBe('tlwire encode: encode error MISSING_FIELD: missing required value, expected a string (in messages.getStatsURL, field params)\n');
  });

  it('answers line by line with --jsonl and goes on after a failure', async () => {
    const r = await run(['encode', '--layer', '133', '--jsonl'], `${STATS_JSON}\n{"_":"nope"}\n\n{"_":"statsURL","url":"abc"}\n`);
    expect(r.code).toBe(1);
    expect(r.out.split('\n')).toEqual([
      `{"hex":"${STATS_HEX}"}`,
      '{"error":"encode error UNKNOWN_CONSTRUCTOR: unknown constructor nope in layer 133"}',
      '{"hex":"e071a94703616263"}',
      '',
    ]);
    const d = await run(['decode', '--layer', '133', '--jsonl'], `${STATS_HEX}\n{"hex":"e071a94703616263","type":"StatsURL"}\nzz\n`);
    expect(d.out.split('\n')).toEqual([`{"value":${STATS_JSON}}`, '{"value":{"_":"statsURL","url":"abc"}}', '{"error":"input is not hex: expected pairs of hex digits, got \\"zz\\""}', '']);
  });

  it('gives one clear line for wrong use', async () => {
    expect((await run(['frobnicate'])).err).toBe('tlwire: unknown command "frobnicate"; commands: encode, decode, check (tlwire --help)\n'.replace('encode, decode, check', (await import('../../src/cli/commands/index.js')).COMMANDS.map((c) => c.name).join(', ')));
    expect((await run(['encode', '--layer', '133'])).err).toBe('tlwire encode: no JSON given: pass it as an argument or on stdin\n');
    expect((await run(['encode', '--layer', '999', '{}'])).err).toBe('tlwire encode: layer 999 is not shipped; tlwire ships 133 and 228 (tlwire generate builds others)\n');
    expect((await run(['encode', '--bogus'])).err).toBe('tlwire encode: unknown option --bogus (tlwire encode --help)\n');
    expect((await run(['encode', '--layer', '133', '{not json'])).err).toMatch(/^tlwire encode: invalid JSON: .*\n$/);
    expect((await run(['decode', 'xyz'])).err).toBe('tlwire decode: input is not hex: expected pairs of hex digits, got "xyz"\n');
    for (const r of [await run(['frobnicate']), await run(['encode', '--bogus'])]) expect(r.err.split('\n')).toHaveLength(2);
  });

  it('suggests the field a JSON key meant', async () => {
    const sent = '{"_":"messages.sendMessage","peer":{"_":"inputPeerSelf"},"message":"hi","random_id":"1"}';
    expect((await run(['encode', '--layer', '133', sent])).err).toBe('tlwire encode: encode error BAD_VALUE: messages.sendMessage has no field random_id: did you mean randomId? (in messages.sendMessage)\n');
  });

  it('prints a command\'s help for tlwire help COMMAND', async () => {
    const decodeHelp = await run(['decode', '--help']);
    expect(decodeHelp.out).toMatch(/^Usage: tlwire decode /);
    expect(await run(['help', 'decode'])).toEqual(decodeHelp);
    expect((await run(['help', 'frobnicate'])).err).toMatch(/^tlwire: unknown command "frobnicate"/);
  });

  it('prints help with an example for each command', async () => {
    const top = await run(['--help']);
    expect(top.code).toBe(0);
    for (const { name } of (await import('../../src/cli/commands/index.js')).COMMANDS) {
      expect(top.out).toContain(`  ${name}`);
      const help = await run([name, '--help']);
      expect(help.code).toBe(0);
      expect(help.out).toMatch(/^Usage: tlwire /);
      expect(help.out).toContain('Example');
    }
  });
});

describe('shipped layers', () => {
  it('can load every layer the generator ships', async () => {
    const { LAYER_MODULES } = await import('../../src/cli/layers.js');
    const { SHIPPED_LAYERS } = await import('../../src/codegen/layers.js');
    expect(Object.keys(LAYER_MODULES).map(Number)).toEqual(SHIPPED_LAYERS.map((s) => s.layer));
  });
});

describe('tlwire check', () => {
  it('verifies every schema file and lists the exceptions it allowed', async () => {
    const files = ['api-layer-133.tl', 'mtproto-tdesktop-layer-133.tl', 'mtproto-service-official.tl'].map((f) => join(ROOT, 'schema', f));
    const r = await run(['check', ...files]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ids verified/);
    expect(r.out).toContain('ipPortSecret#37982646');
  });
});

describe('the installed bin', () => {
  const bin = join(ROOT, 'bin', 'tlwire.js');
  it('runs the README example from the built package', () => {
    // npm ci builds dist/ (the prepare script); a missing build is a failure, never a skip.
    expect(existsSync(join(ROOT, 'dist', 'cli', 'main.js')), 'dist/ is not built: run npm run build').toBe(true);
    expect(execFileSync(process.execPath, [bin, 'encode', '--layer', '133', STATS_JSON], { encoding: 'utf8' })).toBe(`${STATS_HEX}\n`);
    const failed = spawnSync(process.execPath, [bin, 'decode', '--layer', '133', '00'], { encoding: 'utf8' });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toBe('tlwire decode: decode error TRUNCATED: truncated constructor id: need 4 bytes, 1 left (at offset 0)\n');
  });
});
