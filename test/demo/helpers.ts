import { afterEach, expect } from 'vitest';
import { LoopbackClient, type LoopbackClientOptions } from '../../src/demo/client.js';
import { DEMO_AUTH_KEY, DEMO_SERVER_SALT } from '../../src/demo/fixtures.js';
import { LAYER_133 } from '../../src/demo/layer.js';
import { startLoopbackServer, type LoopbackServer, type LoopbackServerOptions, type ServerEvent } from '../../src/demo/server.js';
import type { TlObject } from '../../src/generated/layer133/types.js';
import { secureRandomBytes } from '../../src/mtproto/crypto/random.js';
import { decryptMessage, encryptMessage } from '../../src/mtproto/envelope.js';
import { MessageIdGenerator, SeqNoCounter } from '../../src/mtproto/msg-id.js';
import { acceptObfuscatedClient, intermediate, WebSocketConnection, type ObfuscatedCipher } from '../../src/transport/index.js';
import { rawServer } from '../transport/raw-server.js';

/** Everything a test opens, closed after it so no socket outlives it. */
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

export interface ServerUnderTest extends LoopbackServer {
  events: ServerEvent[];
  /** Resolves with the first event that `match` accepts (already recorded or still to come). */
  event<E extends ServerEvent>(match: (event: ServerEvent) => event is E): Promise<E>;
}

export async function startServer(options: Omit<LoopbackServerOptions, 'onEvent'> = {}): Promise<ServerUnderTest> {
  const events: ServerEvent[] = [];
  const waiters: Array<() => void> = [];
  const server = await startLoopbackServer({
    ...options,
    onEvent: (event) => {
      events.push(event);
      for (const wake of waiters.splice(0)) wake();
    },
  });
  cleanups.push(() => server.close());
  return {
    ...server,
    events,
    async event(match) {
      for (;;) {
        const found = events.find(match);
        if (found) return found;
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
  };
}

export async function connectClient(url: string, options: LoopbackClientOptions = {}): Promise<LoopbackClient> {
  const client = await LoopbackClient.connect(url, options);
  cleanups.push(() => client.close());
  return client;
}

/** The rejection of `promise`, checked to be an instance of `type` (fails the test if it resolves). */
export async function rejection<T>(promise: Promise<unknown>, type: abstract new (...args: never[]) => T): Promise<T> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  expect(outcome).toHaveProperty('error');
  const { error } = outcome as { error: unknown };
  expect(error).toBeInstanceOf(type);
  return error as T;
}

export function randomLong(): bigint {
  return new DataView(secureRandomBytes(8).buffer).getBigInt64(0, true);
}

export interface RawMessage {
  msgId: bigint;
  seqNo: number;
  body: TlObject;
}

/**
 * A hand-driven client session on a plain WebSocketConnection: the test chooses every field
 * of each message (msg_id, seq_no, salt, auth key, raw body bytes) to break one rule at a time.
 */
export class RawSession {
  readonly sessionId = randomLong();
  readonly msgIds = new MessageIdGenerator();
  readonly seqNo = new SeqNoCounter();
  private readonly inbox: AsyncIterator<Uint8Array>;

  private constructor(readonly connection: WebSocketConnection) {
    this.inbox = connection[Symbol.asyncIterator]();
  }

  static async open(url: string): Promise<RawSession> {
    const connection = await WebSocketConnection.connect(url);
    cleanups.push(() => connection.close());
    return new RawSession(connection);
  }

  /** An encrypted client message; unset fields follow the rules. */
  packet(body: Uint8Array, fields: { msgId?: bigint; seqNo?: number; salt?: bigint; authKey?: Uint8Array } = {}): Uint8Array {
    return encryptMessage({
      authKey: fields.authKey ?? DEMO_AUTH_KEY,
      salt: fields.salt ?? DEMO_SERVER_SALT,
      sessionId: this.sessionId,
      msgId: fields.msgId ?? this.msgIds.next('client'),
      seqNo: fields.seqNo ?? this.seqNo.next(true),
      body,
      side: 'client',
    });
  }

  send(packet: Uint8Array): void {
    this.connection.send(packet);
  }

  /** The next server message, decrypted and decoded. */
  async next(): Promise<RawMessage> {
    const result = await this.inbox.next();
    if (result.done) throw new Error('the connection ended');
    const message = decryptMessage({ authKey: DEMO_AUTH_KEY, data: result.value, side: 'client', expectedSessionId: this.sessionId });
    return { msgId: message.msgId, seqNo: message.seqNo, body: LAYER_133.decode(message.body) as TlObject };
  }

  /** What the next read gives: a packet, the end of the stream, or an error. */
  async nextRaw(): Promise<IteratorResult<Uint8Array>> {
    return this.inbox.next();
  }
}

/** Controls a scripted server gets for each packet the client sends. */
export interface ScriptedReply {
  /** Sends these bytes framed (intermediate) and obfuscated, possibly only `cut` bytes of the frame. */
  sendFrame(packet: Uint8Array, cut?: number): Promise<void>;
  /** Drops the TCP connection at once, without a WebSocket close frame. */
  terminate(): void;
}

/**
 * A server written against the bare `ws` API, that misbehaves on purpose: it undoes the
 * obfuscation and framing of what the client sends and lets the test answer anything.
 */
export function scriptedServer(onPacket: (packet: Uint8Array, reply: ScriptedReply) => void): Promise<string> {
  return rawServer(cleanups, (socket) => {
    let cipher: ObfuscatedCipher | undefined;
    const decoder = intermediate.createDecoder();
    const encoder = intermediate.createEncoder();
    const reply: ScriptedReply = {
      sendFrame: (packet, cut) =>
        new Promise((resolve) => {
          const frame = encoder.encode(packet);
          socket.send(cipher!.encrypt(frame.subarray(0, cut ?? frame.length)), () => resolve());
        }),
      terminate: () => socket.terminate(),
    };
    socket.on('message', (data: Buffer) => {
      let bytes = new Uint8Array(data);
      if (cipher === undefined) {
        cipher = acceptObfuscatedClient(bytes.subarray(0, 64)).cipher;
        bytes = bytes.subarray(64);
      }
      for (const packet of decoder.push(cipher.decrypt(bytes))) onPacket(packet, reply);
    });
  });
}

/**
 * A server-side encrypted answer to `request` (a client packet of the demo key): rpc_result(result),
 * in the request's session unless `sessionId` says otherwise; `tamper` may then change its bytes.
 */
export function answerTo(request: Uint8Array, result: TlObject, options: { sessionId?: bigint; tamper?: (packet: Uint8Array) => void } = {}): Uint8Array {
  const message = decryptMessage({ authKey: DEMO_AUTH_KEY, data: request, side: 'server', expectedSessionId: 'any' });
  const packet = encryptMessage({
    authKey: DEMO_AUTH_KEY,
    salt: message.salt,
    sessionId: options.sessionId ?? message.sessionId,
    msgId: new MessageIdGenerator().next('server-response'),
    seqNo: 1,
    body: LAYER_133.encode({ _: 'rpc_result', reqMsgId: message.msgId, result }),
    side: 'server',
  });
  options.tamper?.(packet);
  return packet;
}

/** Waits until libuv has released every TCP handle (it does so a few loop turns after close). */
export async function tcpHandlesAfterClose(): Promise<string[]> {
  const tcp = () => process.getActiveResourcesInfo().filter((name) => name.startsWith('TCP'));
  for (let turn = 0; turn < 100 && tcp().length > 0; turn++) await new Promise((resolve) => setTimeout(resolve, 10));
  return tcp();
}
