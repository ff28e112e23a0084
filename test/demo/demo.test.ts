import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/io.js';
import { demo } from '../../src/cli/commands/demo.js';
import { runDemo } from '../../src/demo/run.js';
import { ROOT } from '../helpers.js';
import { tcpHandlesAfterClose } from './helpers.js';

const ANSI = /\x1b\[/;

async function demoOutput(color: boolean): Promise<string> {
  let text = '';
  await runDemo({ out: (chunk) => (text += chunk), color });
  return text;
}

describe('the demo', () => {
  it('prints every layer of the call and of the answer, the StatsURL and the RpcError, without colour when asked', async () => {
    const text = await demoOutput(false);
    expect(text).not.toMatch(ANSI);
    for (const heading of [
      '1. The call, serialized with layer 133 (40 bytes)',
      '2. The plaintext message (128 bytes)',
      '3. The encrypted message, MTProto 2.0 (152 bytes)',
      '4. The transport frame, intermediate (156 bytes)',
      '5. On the wire: obfuscated2',
      '6. The answer, layer by layer',
      '7. The error case',
    ]) {
      expect(text).toContain(heading);
    }
    for (const field of ['query.flags.0', 'salt', 'session_id', 'msg_id', 'seq_no', 'padding', 'auth_key_id', 'msg_key', 'aes_iv', 'protocol tag']) {
      expect(text).toContain(field);
    }
    expect(text).toContain('Result (typed StatsURL): {"_":"statsURL","url":"https://t.me/stats/1001234567890?dark=1"}');
    expect(text).toMatch(/The call rejects with RpcError 400 PEER_ID_INVALID: code 400, pattern PEER_ID_INVALID/);
    expect(text).toMatch(/Client and server closed: \d+ bytes sent and \d+ bytes received in 5 WebSocket messages/);
  });

  it('colours its output for a terminal', async () => {
    expect(await demoOutput(true)).toMatch(ANSI);
  });

  it('leaves no socket, server or timer behind', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;
    expect(await tcpHandlesAfterClose()).toEqual([]);
    const timersBefore = timers();
    await demoOutput(false);
    expect(await tcpHandlesAfterClose()).toEqual([]);
    expect(timers()).toBeLessThanOrEqual(timersBefore);
  });

  it('runs as a CLI command that takes no arguments', async () => {
    let out = '';
    const io = { out: (text: string) => (out += text), err: () => undefined, readStdin: async () => '', color: false };
    expect(await demo.run([], io)).toBe(0);
    expect(out).toContain('PEER_ID_INVALID');
    await expect(demo.run(['--layer', '228'], io)).rejects.toThrow(UsageError);
  });
});

describe('npm run demo', () => {
  it('exits 0 on its own, printing the result and the error case', async () => {
    const child = spawn('npm', ['run', '--silent', 'demo'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    clearTimeout(timer);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('https://t.me/stats/1001234567890?dark=1');
    expect(stdout).toContain('RpcError 400 PEER_ID_INVALID');
    expect(stdout).not.toMatch(ANSI);
  });
});
