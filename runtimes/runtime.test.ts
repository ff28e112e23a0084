import { describe, expect, it } from 'vitest';
import { cryptoBackend } from '../src/mtproto/index.js';
import { defaultWebSocket } from '../src/transport/socket.js';

/** The runtime run.ts started this run in; the tests below fail if vitest fell back to Node. */
const expected = process.env.TLWIRE_RUNTIME;

describe(`running under ${expected}`, () => {
  it('is that runtime', () => {
    const runtime = 'Deno' in globalThis ? 'deno' : 'Bun' in globalThis ? 'bun' : 'node';
    expect(runtime).toBe(expected);
  });

  it('takes the portable crypto path and the runtime\'s own WebSocket', () => {
    expect(cryptoBackend).toBe('portable');
    expect(defaultWebSocket()).toBe((globalThis as { WebSocket?: unknown }).WebSocket);
  });
});
