import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

/**
 * A minimal LSP client of the TypeScript language server (`tsc --lsp --stdio`, TypeScript 7):
 * what an editor asks for when the pointer rests on a name is textDocument/hover, the quick info.
 */
class LanguageServer {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly waiting = new Map<number, (result: unknown) => void>();

  constructor() {
    const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
    this.child = spawn(process.execPath, [tsc, '--lsp', '--stdio'], { cwd: ROOT });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())![1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString()) as { id?: number; method?: string; result?: unknown };
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      if (message.method !== undefined && message.id !== undefined) this.send({ id: message.id, result: null });
      else if (message.id !== undefined) this.waiting.get(message.id)?.(message.result);
    }
  }

  private send(message: object): void {
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    this.child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }

  request(method: string, params?: unknown): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.send({ id, method, params });
    });
  }

  notify(method: string, params?: unknown): void {
    this.send({ method, params });
  }

  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    await this.request('shutdown');
    this.notify('exit');
    this.child.stdin.end();
    await exited;
  }
}

let server: LanguageServer;

beforeAll(async () => {
  server = new LanguageServer();
  await server.request('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(ROOT).href,
    capabilities: { textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] } } },
  });
  server.notify('initialized', {});
});

afterAll(() => server?.close());

/** The quick info the language server gives for `field` of `iface` (or `iface` itself) in a generated types.ts. */
async function hover(layer: number, iface: string, field?: string): Promise<string> {
  const path = join(ROOT, 'src', 'generated', `layer${layer}`, 'types.ts');
  const text = readFileSync(path, 'utf8');
  const uri = pathToFileURL(path).href;
  const lines = text.split('\n');
  const start = lines.indexOf(`export interface ${iface} {`);
  expect(start, iface).toBeGreaterThan(0);
  const line = field === undefined ? start : lines.findIndex((l, i) => i > start && (l.startsWith(`  ${field}:`) || l.startsWith(`  ${field}?:`)));
  const character = field === undefined ? 'export interface '.length : 2;
  server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text } });
  const result = (await server.request('textDocument/hover', { textDocument: { uri }, position: { line, character } })) as { contents: { value: string } } | null;
  server.notify('textDocument/didClose', { textDocument: { uri } });
  return result?.contents.value ?? '';
}

describe('the generated types in an editor', () => {
  it('shows the description and the flag bit of dark in messages_getStatsURL (layer 133)', async () => {
    const info = await hover(133, 'messages_getStatsURL', 'dark');
    expect(info).toContain('dark?: true');
    expect(info).toContain('Pass true if a URL with the dark theme must be returned');
    expect(info).toContain('Flag bit: flags.0');
  });

  it('shows the description of offsetId in messages_getHistory (layer 228)', async () => {
    const info = await hover(228, 'messages_getHistory', 'offsetId');
    expect(info).toContain('offsetId: number');
    expect(info).toContain('Only return messages starting from the specified message ID');
  });

  it('shows a method with its errors, who may call it and its page', async () => {
    const info = await hover(228, 'messages_getHistory');
    expect(info).toContain('Returns the message history in a peer.');
    expect(info).toContain("406 CHANNEL_PRIVATE: You haven't joined this channel/supergroup.");
    expect(info).toContain('users only; bots cannot call it');
    expect(info).toContain('https://core.telegram.org/method/messages.getHistory');
  });
});
