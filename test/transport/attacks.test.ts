/**
 * Pre-auth denial of service on the WebSocket transport (issue 12), as a hostile peer does it over
 * loopback: half-open and trickled handshakes, connection floods, oversized messages, a consumer
 * that does not read, one byte per message. Each asserts the refusal, the bytes the connection
 * holds (bufferedBytes) and a generous time bound; limits are configured small so tests stay fast.
 */
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { decryptMessage, encryptMessage } from '../../src/mtproto/index.js';
import {
  DEFAULT_MAX_FRAME_SIZE,
  intermediate,
  listenWebSocket,
  startObfuscatedClient,
  WebSocketConnection,
  type ListenOptions,
  type ObfuscatedWebSocketServer,
} from '../../src/transport/node.js';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Far above what each step takes on a loaded machine, far below a hang. */
const BOUND_MS = 10_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Listening {
  server: ObfuscatedWebSocketServer;
  connections: WebSocketConnection[];
}

/** A library server whose connections are kept, unread until a test reads them. */
async function listen(options: Omit<ListenOptions, 'onConnection'> = {}): Promise<Listening> {
  const connections: WebSocketConnection[] = [];
  const server = await listenWebSocket({
    ...options,
    onConnection: (connection) => connections.push(connection),
  });
  cleanups.push(() => server.close());
  return { server, connections };
}

/** A raw `ws` client: the attacker, sending whatever bytes it likes. */
async function rawClient(url: string): Promise<{ socket: WebSocket; closed: Promise<number>; init: Uint8Array; encrypt: (b: Uint8Array) => Uint8Array }> {
  const socket = new WebSocket(url, 'binary');
  cleanups.push(() => socket.terminate());
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  socket.on('error', () => undefined);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('close', reject);
  });
  const { init, cipher } = startObfuscatedClient({ tag: intermediate.obfuscationTag! });
  return { socket, closed, init, encrypt: (bytes) => cipher.encrypt(bytes) };
}

/** The error a connection's packet stream ends with. */
async function endOf(connection: WebSocketConnection): Promise<unknown> {
  try {
    for await (const packet of connection) void packet;
  } catch (error) {
    return error;
  }
  return undefined;
}

function frame(size: number): Uint8Array {
  return intermediate.createEncoder().encode(new Uint8Array(size));
}

describe('handshake and idle timeouts', () => {
  it('closes a half-open peer (32 bytes of the 64-byte init) within the handshake timeout', async () => {
    const { server, connections } = await listen({ handshakeTimeoutMs: 300 });
    const attacker = await rawClient(server.url);
    const started = performance.now();
    attacker.socket.send(attacker.init.subarray(0, 32));
    // ws sends its close frame (1009) and the socket is dropped at once: either may reach the peer first.
    expect([1006, 1009]).toContain(await attacker.closed); // dropped, no close handshake to wait for
    expect(performance.now() - started).toBeLessThan(BOUND_MS);
    expect(await endOf(connections[0])).toMatchObject({ code: 'HANDSHAKE_TIMEOUT' });
  });

  it('closes a peer trickling one byte at a time: the init and first packet must arrive within the timeout', async () => {
    const { server, connections } = await listen({ handshakeTimeoutMs: 500 });
    const attacker = await rawClient(server.url);
    const bytes = new Uint8Array([...attacker.init, ...attacker.encrypt(frame(8))]);
    let sent = 0;
    const started = performance.now();
    const closedAt = attacker.closed.then(() => performance.now());
    // 1 byte every 50 ms (a 20x faster "1 byte per second"); the loop is bounded by the bytes.
    for (; sent < bytes.length && attacker.socket.readyState === WebSocket.OPEN; sent++) {
      attacker.socket.send(bytes.subarray(sent, sent + 1));
      await sleep(50);
    }
    expect(sent).toBeLessThan(bytes.length);
    expect((await closedAt) - started).toBeLessThan(BOUND_MS);
    expect(await endOf(connections[0])).toMatchObject({ code: 'HANDSHAKE_TIMEOUT' });
  });

  it('closes a connection that completed no packet for the idle timeout', async () => {
    const { server, connections } = await listen({ idleTimeoutMs: 300 });
    const client = await WebSocketConnection.connect(server.url, { idleTimeoutMs: 60_000 });
    cleanups.push(() => client.close());
    client.send(new Uint8Array(8));
    await client.closed;
    const error = await endOf(connections[0]);
    expect(error).toMatchObject({ code: 'IDLE_TIMEOUT' });
  });

  it('the client side: a server that never opens the WebSocket fails connect with HANDSHAKE_TIMEOUT', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => silent.close(resolve)));
    cleanups.push(() => sockets.forEach((socket) => socket.destroy()));
    const url = `ws://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const started = performance.now();
    await expect(WebSocketConnection.connect(url, { handshakeTimeoutMs: 300 })).rejects.toMatchObject({ code: 'HANDSHAKE_TIMEOUT' });
    expect(performance.now() - started).toBeLessThan(BOUND_MS);
  });
});

describe('sizes and counts', () => {
  it('drops connections over the cap at once', async () => {
    const { server, connections } = await listen({ maxConnections: 5, handshakeTimeoutMs: 60_000 });
    const attackers = await Promise.allSettled(Array.from({ length: 8 }, () => rawClient(server.url)));
    const codes = await Promise.all(
      attackers.map((a) => (a.status === 'fulfilled' ? Promise.race([a.value.closed, sleep(500).then(() => 'open')]) : 'refused')),
    );
    expect(connections).toHaveLength(5);
    expect(codes.filter((c) => c === 'open')).toHaveLength(5);
  });

  it('refuses a 90 MiB WebSocket message from its header (FRAME_TOO_LARGE, the socket dropped), holding none of it', async () => {
    const { server, connections } = await listen();
    const attacker = await rawClient(server.url);
    attacker.socket.send(attacker.init);
    const started = performance.now();
    attacker.socket.send(new Uint8Array(90 * 1024 * 1024));
    // ws sends its close frame (1009) and the socket is dropped at once: either may reach the peer first.
    expect([1006, 1009]).toContain(await attacker.closed);
    expect(performance.now() - started).toBeLessThan(BOUND_MS);
    expect(connections[0].bufferedBytes).toBeLessThan(8192);
    expect(await endOf(connections[0])).toMatchObject({ code: 'FRAME_TOO_LARGE' });
  });

  it('the default maximum frame is sized for a 1 MiB file part, not 16 MiB', () => {
    expect(DEFAULT_MAX_FRAME_SIZE).toBeGreaterThan(1024 * 1024 + 2048);
    expect(DEFAULT_MAX_FRAME_SIZE).toBeLessThanOrEqual(2 * 1024 * 1024);
  });

  it('a frame sent one byte per WebSocket message costs at most twice its size', async () => {
    const { server, connections } = await listen();
    const attacker = await rawClient(server.url);
    attacker.socket.send(attacker.init);
    const bytes = attacker.encrypt(frame(4096));
    for (let i = 0; i < bytes.length - 1; i++) attacker.socket.send(bytes.subarray(i, i + 1));
    const deadline = performance.now() + BOUND_MS;
    while (connections[0]?.bufferedBytes < 4096 && performance.now() < deadline) await sleep(20);
    expect(connections[0].bufferedBytes).toBeGreaterThanOrEqual(4096);
    expect(connections[0].bufferedBytes).toBeLessThanOrEqual(2 * 4100 + 4096);
    attacker.socket.send(bytes.subarray(bytes.length - 1));
    const [packet] = await Promise.all([connections[0][Symbol.asyncIterator]().next()]);
    expect(packet.value).toHaveLength(4096);
  });
});

describe('CPU per forged packet', () => {
  it('a forged packet of the largest default frame under a known auth_key_id costs one decryption; a 16 MiB one is refused from its frame header', () => {
    const authKey = Uint8Array.from({ length: 256 }, (_, i) => i);
    const body = new Uint8Array(DEFAULT_MAX_FRAME_SIZE - 2048);
    const packet = encryptMessage({ authKey, salt: 1n, sessionId: 1n, msgId: 4n << 32n, seqNo: 1, body, side: 'client' });
    expect(packet.length).toBeLessThanOrEqual(DEFAULT_MAX_FRAME_SIZE);
    packet[8] ^= 1;
    const started = performance.now();
    expect(() => decryptMessage({ authKey, data: packet, side: 'server', expectedSessionId: 'any' })).toThrow(expect.objectContaining({ code: 'MSG_KEY_MISMATCH' }));
    expect(performance.now() - started).toBeLessThan(BOUND_MS);
    const decoder = intermediate.createDecoder();
    expect(() => decoder.push(Uint8Array.of(0x00, 0x00, 0x00, 0x01))).toThrow(expect.objectContaining({ code: 'FRAME_TOO_LARGE' }));
  });
});

describe('the frame decoder, over its public API', () => {
  it('a 1 MiB frame pushed one byte at a time holds at most about twice its size', () => {
    const decoder = intermediate.createDecoder({ maxFrameSize: 1024 * 1024 });
    const bytes = frame(1024 * 1024);
    let peak = 0;
    for (let i = 0; i < bytes.length - 1; i++) {
      expect(decoder.push(bytes.subarray(i, i + 1))).toEqual([]);
      if ((i & 0xfff) === 0) peak = Math.max(peak, decoder.heldBytes);
    }
    peak = Math.max(peak, decoder.heldBytes);
    expect(peak).toBeLessThanOrEqual(2 * bytes.length);
    expect(decoder.push(bytes.subarray(bytes.length - 1))).toHaveLength(1);
    expect(decoder.heldBytes).toBeLessThanOrEqual(4096); // released once the frame is out
  });
});

describe('backpressure', () => {
  it('an unread connection holds at most its buffer: the socket is paused, nothing is lost', async () => {
    const limits = { maxFrameSize: 64 * 1024, maxBufferedBytes: 256 * 1024 };
    const { server, connections } = await listen(limits);
    const client = await WebSocketConnection.connect(server.url, limits);
    cleanups.push(() => client.close());
    const count = 100;
    for (let i = 0; i < count; i++) client.send(new Uint8Array(60 * 1024).fill(i));
    // 6 MiB sent; let it arrive while nobody reads.
    const deadline = performance.now() + BOUND_MS;
    let peak = 0;
    while (performance.now() < deadline) {
      peak = Math.max(peak, connections[0]?.bufferedBytes ?? 0);
      if (peak > limits.maxBufferedBytes / 2) break;
      await sleep(20);
    }
    await sleep(300);
    peak = Math.max(peak, connections[0].bufferedBytes);
    expect(peak).toBeGreaterThan(limits.maxBufferedBytes / 2);
    expect(peak).toBeLessThanOrEqual(limits.maxBufferedBytes);
    let received = 0;
    for await (const packet of connections[0]) {
      expect(packet[0]).toBe(received % 256);
      peak = Math.max(peak, connections[0].bufferedBytes);
      if (++received === count) break;
    }
    expect(received).toBe(count);
    expect(peak).toBeLessThanOrEqual(limits.maxBufferedBytes);
  });

  it('without pause (a browser WebSocket), a lagging consumer is disconnected at the limit: BUFFER_LIMIT', async () => {
    const limits = { maxFrameSize: 64 * 1024, maxBufferedBytes: 256 * 1024 };
    const { server, connections } = await listen();
    const client = await WebSocketConnection.connect(server.url, {
      ...limits,
      WebSocket: class extends WebSocket {
        constructor(url: string, protocols?: string | string[], options?: { maxPayload?: number }) {
          super(url, protocols, options);
          (this as unknown as { pause: undefined }).pause = undefined;
        }
      } as never,
    });
    cleanups.push(() => client.close());
    client.send(new Uint8Array(8)); // the init and a first packet: the server side can send
    const deadline = performance.now() + BOUND_MS;
    while (connections[0]?.framing === undefined && performance.now() < deadline) await sleep(10);
    // Bounded: 40 packets of 60 KiB are ten times the limit.
    for (let i = 0; i < 40; i++) {
      try {
        connections[0].send(new Uint8Array(60 * 1024));
      } catch {
        break;
      }
    }
    await client.closed; // without reading a packet
    expect(client.bufferedBytes).toBeLessThanOrEqual(limits.maxBufferedBytes);
    expect(await endOf(client)).toMatchObject({ code: 'BUFFER_LIMIT' });
  });
});
