import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SessionError } from '../../src/demo/errors.js';
import { DEMO_AUTH_KEY, DEMO_CHANNEL } from '../../src/demo/fixtures.js';
import { LAYER_133 } from '../../src/demo/layer.js';
import type { messages_getStatsURL } from '../../src/generated/layer133/types.js';
import { MtprotoError } from '../../src/mtproto/errors.js';
import { intermediate, startObfuscatedClient, TransportError } from '../../src/transport/index.js';
import { answerTo, connectClient, RawSession, rejection, scriptedServer, startServer, tcpHandlesAfterClose, type ServerUnderTest } from './helpers.js';

const call: messages_getStatsURL = { _: 'messages.getStatsURL', dark: true, peer: DEMO_CHANNEL, params: '' };
const body = () => LAYER_133.encode(call);

/** The server still serves a well-behaved client after the misbehaving one. */
async function expectStillServing(server: ServerUnderTest): Promise<void> {
  const client = await connectClient(server.url);
  expect((await client.call(call)).url).toBe('https://t.me/stats/1001234567890?dark=1');
}

async function droppedWith(server: ServerUnderTest) {
  return (await server.event((e): e is Extract<typeof e, { kind: 'dropped' }> => e.kind === 'dropped')).error;
}

describe('a client packet the server cannot trust', () => {
  it('tampered msg_key: MtprotoError MSG_KEY_MISMATCH, answered with transport error -404 and a closed connection', async () => {
    const server = await startServer();
    const session = await RawSession.open(server.url);
    const packet = session.packet(body());
    packet[8] ^= 0x01; // first byte of msg_key
    session.send(packet);
    const error = await droppedWith(server);
    expect(error).toBeInstanceOf(MtprotoError);
    expect((error as MtprotoError).code).toBe('MSG_KEY_MISMATCH');
    const answer = await rejection(session.nextRaw(), TransportError);
    expect([answer.code, answer.serverCode]).toEqual(['SERVER_ERROR', -404]);
    await session.connection.closed;
    expect(server.events.filter((e) => e.kind === 'answered')).toEqual([]);
    await expectStillServing(server);
  });

  it('a LoopbackClient with another auth key: its call fails with the -404 of the server', async () => {
    const server = await startServer();
    const client = await connectClient(server.url, { authKey: DEMO_AUTH_KEY.map((byte) => byte ^ 1) });
    const error = await rejection(client.call(call), TransportError);
    expect([error.code, error.serverCode]).toEqual(['SERVER_ERROR', -404]);
  });

  it('tampered ciphertext: the recomputed msg_key does not match either', async () => {
    const server = await startServer();
    const session = await RawSession.open(server.url);
    const packet = session.packet(body());
    packet[packet.length - 1] ^= 0x80;
    session.send(packet);
    expect((await droppedWith(server)) as MtprotoError).toMatchObject({ code: 'MSG_KEY_MISMATCH' });
  });

  it('wrong auth_key_id (another key): MtprotoError AUTH_KEY_ID_MISMATCH, -404 and a closed connection', async () => {
    const server = await startServer();
    const session = await RawSession.open(server.url);
    const otherKey = DEMO_AUTH_KEY.map((byte) => byte ^ 0xff);
    session.send(session.packet(body(), { authKey: otherKey }));
    expect((await droppedWith(server)) as MtprotoError).toMatchObject({ code: 'AUTH_KEY_ID_MISMATCH' });
    expect((await rejection(session.nextRaw(), TransportError)).serverCode).toBe(-404);
    await expectStillServing(server);
  });

  it('a packet shorter than the smallest encrypted message: MtprotoError BAD_LENGTH', async () => {
    const server = await startServer();
    const session = await RawSession.open(server.url);
    session.send(session.packet(body()).subarray(0, 64));
    expect((await droppedWith(server)) as MtprotoError).toMatchObject({ code: 'BAD_LENGTH' });
  });

  it('another session on the same connection: MtprotoError SESSION_MISMATCH', async () => {
    const server = await startServer();
    const first = await RawSession.open(server.url);
    first.send(first.packet(body()));
    await first.next();
    const intruder = await RawSession.open(server.url);
    // The intruder's packet travels on the first session's connection.
    first.send(intruder.packet(body()));
    expect((await droppedWith(server)) as MtprotoError).toMatchObject({ code: 'SESSION_MISMATCH' });
  });
});

describe('frames the server refuses', () => {
  /** A raw WebSocket that has sent the obfuscated2 init and can send anything after it. */
  async function rawSocket(url: string) {
    const socket = new WebSocket(url, 'binary');
    await new Promise((resolve) => socket.once('open', resolve));
    const { init, cipher } = startObfuscatedClient({ tag: intermediate.obfuscationTag! });
    socket.send(init);
    const closed = new Promise<number>((resolve) => socket.once('close', resolve));
    return { socket, cipher, closed };
  }

  it('a client dropping the connection mid-frame: TransportError TRUNCATED_FRAME on the server', async () => {
    const server = await startServer();
    const { socket, cipher } = await rawSocket(server.url);
    const session = await RawSession.open(server.url); // only to build a valid packet
    const frame = intermediate.createEncoder().encode(session.packet(body()));
    socket.send(cipher.encrypt(frame.subarray(0, frame.length - 10)), () => socket.terminate());
    const error = await droppedWith(server);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).code).toBe('TRUNCATED_FRAME');
    await expectStillServing(server);
  });

  it('a frame header announcing more than the limit: FRAME_TOO_LARGE before any of its body arrives', async () => {
    const server = await startServer();
    const { socket, cipher, closed } = await rawSocket(server.url);
    socket.send(cipher.encrypt(Uint8Array.of(0x00, 0x00, 0x00, 0x02))); // 32 MiB
    expect((await droppedWith(server)) as TransportError).toMatchObject({ code: 'FRAME_TOO_LARGE' });
    expect(await closed).toBe(1002); // protocol error
    await expectStillServing(server);
  });

  it('a call over the configured frame limit: the server drops the connection, the call fails CONNECTION_CLOSED', async () => {
    const server = await startServer({ limits: { maxFrameSize: 1024, maxBufferedBytes: 4096 } });
    const client = await connectClient(server.url);
    const error = await rejection(client.call({ ...call, params: 'x'.repeat(2000) }), SessionError);
    expect(error.code).toBe('CONNECTION_CLOSED');
    expect((await droppedWith(server)) as TransportError).toMatchObject({ code: 'FRAME_TOO_LARGE' });
    // Later calls on the closed client fail at once, with the same kind of error.
    expect((await rejection(client.call(call), SessionError)).code).toBe('CLOSED');
  });

  it('a garbage init (not obfuscated2): BAD_OBFUSCATION_INIT', async () => {
    const server = await startServer();
    const socket = new WebSocket(server.url, 'binary');
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(new Uint8Array(64));
    expect((await droppedWith(server)) as TransportError).toMatchObject({ code: 'BAD_OBFUSCATION_INIT' });
    socket.terminate();
  });
});

describe('a server the client cannot trust', () => {
  it('drops the connection in the middle of the answer frame: the call fails with TRUNCATED_FRAME', async () => {
    const url = await scriptedServer((packet, reply) => {
      const answer = answerTo(packet, { _: 'statsURL', url: 'https://t.me/stats/1' });
      void reply.sendFrame(answer, 20).then(() => reply.terminate());
    });
    const client = await connectClient(url);
    const error = await rejection(client.call(call), TransportError);
    expect(error.code).toBe('TRUNCATED_FRAME');
  });

  it('answers with a tampered msg_key: the call fails with MSG_KEY_MISMATCH and the client hangs up', async () => {
    const url = await scriptedServer((packet, reply) => {
      void reply.sendFrame(answerTo(packet, { _: 'statsURL', url: 'https://t.me/stats/1' }, { tamper: (answer) => (answer[10] ^= 1) }));
    });
    const client = await connectClient(url);
    const error = await rejection(client.call(call), MtprotoError);
    expect(error.code).toBe('MSG_KEY_MISMATCH');
    expect((await rejection(client.call(call), SessionError)).code).toBe('CLOSED');
  });

  it('answers for another session: the call fails with SESSION_MISMATCH', async () => {
    const url = await scriptedServer((packet, reply) => {
      void reply.sendFrame(answerTo(packet, { _: 'statsURL', url: 'https://t.me/stats/1' }, { sessionId: 7n }));
    });
    const client = await connectClient(url);
    expect((await rejection(client.call(call), MtprotoError)).code).toBe('SESSION_MISMATCH');
  });

  it('answers honestly: the same scripted server gives the result (a control for the two tests above)', async () => {
    const url = await scriptedServer((packet, reply) => void reply.sendFrame(answerTo(packet, { _: 'statsURL', url: 'https://t.me/stats/1' })));
    const client = await connectClient(url);
    expect((await client.call(call)).url).toBe('https://t.me/stats/1');
  });

  it('never answers: the call fails with TIMEOUT', async () => {
    const url = await scriptedServer(() => undefined);
    const client = await connectClient(url, { timeoutMs: 200 });
    const started = Date.now();
    expect((await rejection(client.call(call), SessionError)).code).toBe('TIMEOUT');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('closes cleanly while a call waits: CONNECTION_CLOSED, not a hang', async () => {
    const url = await scriptedServer((_packet, reply) => reply.terminate());
    const client = await connectClient(url);
    expect((await rejection(client.call(call), SessionError)).code).toBe('CONNECTION_CLOSED');
  });
});

describe('after all of the above', () => {
  it('no TCP socket or server is left open', async () => {
    expect(await tcpHandlesAfterClose()).toEqual([]);
  });
});
