import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  abridged,
  acceptObfuscatedClient,
  full,
  intermediate,
  listenWebSocket,
  paddedIntermediate,
  startObfuscatedClient,
  TransportError,
  WebSocketConnection,
  type Framing,
  type ObfuscatedWebSocketServer,
  type TransportErrorCode,
} from '../../src/transport/node.js';
import { rawServer as rawWsServer } from './raw-server.js';

const randomPacket = (length: number) => new Uint8Array(randomBytes(length));

/** Everything opened by a test, closed in afterEach so no socket or server outlives it. */
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function echoServer(options: { secret?: Uint8Array } = {}): Promise<ObfuscatedWebSocketServer> {
  const server = await listenWebSocket({
    ...options,
    onConnection: (connection) => {
      void (async () => {
        try {
          // padded intermediate hands over 0..15 padding bytes; resend whole words only
          for await (const packet of connection) connection.send(packet.subarray(0, packet.length & ~3));
        } catch {
          // a failing client is that test's concern
        }
      })();
    },
  });
  cleanups.push(() => server.close());
  return server;
}

async function connect(url: string, options: Parameters<typeof WebSocketConnection.connect>[1] = {}) {
  const connection = await WebSocketConnection.connect(url, options);
  cleanups.push(() => connection.close());
  return connection;
}

/** A bare `ws` server whose handler gets each raw socket (to misbehave on purpose). */
const rawServer = (onSocket: (socket: WebSocket) => void): Promise<string> => rawWsServer(cleanups, onSocket);

async function expectRejection(promise: Promise<unknown>, code: TransportErrorCode): Promise<TransportError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(TransportError);
  expect((error as TransportError).code).toBe(code);
  return error as TransportError;
}

async function nextPacket(connection: WebSocketConnection): Promise<Uint8Array> {
  const result = await connection[Symbol.asyncIterator]().next();
  if (result.done) throw new Error('connection ended');
  return result.value;
}

describe.each([abridged, intermediate, paddedIntermediate])('WebSocket round trip over $name', (framing: Framing) => {
  it('echoes packets through obfuscated2 on 127.0.0.1', async () => {
    const server = await echoServer();
    const client = await connect(server.url, { framing, dcId: 2 });
    expect(client.framing).toBe(framing);
    for (const size of [24, 1024, 200_000]) {
      const packet = randomPacket(size);
      client.send(packet);
      const echoed = await nextPacket(client);
      // padded intermediate keeps up to 15 padding bytes from each hop
      expect(echoed.subarray(0, size)).toEqual(packet);
      expect(echoed.length - size).toBeLessThan(framing === paddedIntermediate ? 31 : 1);
    }
  });
});

describe('WebSocketConnection', () => {
  it('works with a proxy secret and lets the server start talking', async () => {
    const secret = randomPacket(16);
    const received: Uint8Array[] = [];
    const server = await listenWebSocket({
      secret,
      onConnection: (connection) => {
        void (async () => {
          for await (const packet of connection) {
            received.push(packet);
            connection.send(Uint8Array.of(1, 2, 3, 4, ...packet));
          }
        })();
      },
    });
    cleanups.push(() => server.close());
    const client = await connect(server.url, { secret });
    client.send(Uint8Array.of(9, 9, 9, 9));
    expect(await nextPacket(client)).toEqual(Uint8Array.of(1, 2, 3, 4, 9, 9, 9, 9));
    expect(received).toEqual([Uint8Array.of(9, 9, 9, 9)]);
  });

  it('ends the server-side iteration cleanly when the client closes', async () => {
    let serverSide: Promise<Uint8Array[]> | undefined;
    const server = await listenWebSocket({
      onConnection: (connection) => {
        serverSide = (async () => {
          const packets: Uint8Array[] = [];
          for await (const packet of connection) packets.push(packet);
          return packets;
        })();
      },
    });
    cleanups.push(() => server.close());
    const client = await connect(server.url);
    client.send(randomPacket(8));
    client.send(randomPacket(8));
    await client.close(); // the close frame follows the data frames, so both still arrive
    expect(await serverSide).toHaveLength(2);
    expect(() => client.send(randomPacket(4))).toThrow(TransportError);
  });

  it('fails with TRUNCATED_FRAME when the server drops the connection mid-frame', async () => {
    const url = await rawServer((socket) => {
      socket.once('message', (data: Buffer) => {
        const { cipher } = acceptObfuscatedClient(new Uint8Array(data));
        const frame = intermediate.createEncoder().encode(randomPacket(64));
        socket.send(cipher.encrypt(frame.subarray(0, 30)), () => socket.terminate());
      });
    });
    const client = await connect(url, { framing: intermediate });
    await expectRejection(nextPacket(client), 'TRUNCATED_FRAME');
  });

  it('fails with TRUNCATED_FRAME on the server when a client drops mid-frame', async () => {
    let serverSide: Promise<unknown> | undefined;
    const server = await listenWebSocket({
      onConnection: (connection) => {
        serverSide = (async () => {
          for await (const packet of connection) void packet;
        })();
      },
    });
    cleanups.push(() => server.close());
    const socket = new WebSocket(server.url, 'binary');
    await new Promise((resolve) => socket.once('open', resolve));
    const { init, cipher } = startObfuscatedClient({ tag: abridged.obfuscationTag! });
    const frame = abridged.createEncoder().encode(randomPacket(400));
    socket.send(init);
    socket.send(cipher.encrypt(frame.subarray(0, 100)), () => socket.terminate());
    await new Promise((resolve) => socket.once('close', resolve));
    await expectRejection(serverSide!, 'TRUNCATED_FRAME');
  });

  it('surfaces a -404 transport error from the server', async () => {
    const url = await rawServer((socket) => {
      socket.once('message', (data: Buffer) => {
        const { cipher } = acceptObfuscatedClient(new Uint8Array(data));
        const packet = new Uint8Array(4);
        new DataView(packet.buffer).setInt32(0, -404, true);
        socket.send(cipher.encrypt(intermediate.createEncoder().encode(packet)));
      });
    });
    const client = await connect(url, { framing: intermediate });
    const error = await expectRejection(nextPacket(client), 'SERVER_ERROR');
    expect(error.serverCode).toBe(-404);
    await client.closed;
  });

  it('rejects an oversized frame announced by the peer', async () => {
    const url = await rawServer((socket) => {
      socket.once('message', (data: Buffer) => {
        const { cipher } = acceptObfuscatedClient(new Uint8Array(data));
        socket.send(cipher.encrypt(Uint8Array.of(0, 0, 0, 0x10)));
      });
    });
    const client = await connect(url, { framing: intermediate, maxFrameSize: 1 << 20 });
    await expectRejection(nextPacket(client), 'FRAME_TOO_LARGE');
  });

  it('reports CONNECT_FAILED when nothing listens', async () => {
    const url = await rawServer(() => undefined);
    const port = new URL(url).port;
    await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
    await expectRejection(WebSocketConnection.connect(`ws://127.0.0.1:${port}`), 'CONNECT_FAILED');
    await expectRejection(WebSocketConnection.connect('not a url'), 'CONNECT_FAILED');
  });

  it('uses an injected WebSocket constructor and the "binary" subprotocol', async () => {
    const server = await echoServer();
    const created: WebSocket[] = [];
    class RecordingWebSocket extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols);
        created.push(this);
      }
    }
    const client = await connect(server.url, { WebSocket: RecordingWebSocket });
    client.send(Uint8Array.of(1, 2, 3, 4));
    expect(await nextPacket(client)).toEqual(Uint8Array.of(1, 2, 3, 4));
    expect(created).toHaveLength(1);
    expect(created[0].protocol).toBe('binary');
  });

  it('refuses the full framing, which obfuscated2 cannot carry', async () => {
    await expectRejection(WebSocketConnection.connect('ws://127.0.0.1:1', { framing: full }), 'BAD_ARGUMENT');
  });
});

describe('resource cleanup', () => {
  it('leaves no TCP handles once connections and servers are closed', async () => {
    const server = await listenWebSocket({ onConnection: () => undefined });
    const client = await WebSocketConnection.connect(server.url);
    await client.close();
    await server.close();
    // libuv releases a closed handle a few loop turns after its close callback ran.
    const tcpHandles = () => process.getActiveResourcesInfo().filter((name) => name.startsWith('TCP'));
    for (let turn = 0; turn < 100 && tcpHandles().length > 0; turn++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(tcpHandles()).toEqual([]);
  });
});
