import type { inputPeerChannel, messages_getStatsURL, StatsURL, TlObject } from '../generated/layer133/types.js';
import { TlDecodeError } from '../runtime/errors.js';
import { decryptMessage, encryptMessage, type DecryptedMessage } from '../mtproto/envelope.js';
import { MtprotoError } from '../mtproto/errors.js';
import { MessageIdGenerator, SeqNoCounter } from '../mtproto/msg-id.js';
import { MsgIdGuard } from '../mtproto/msg-id-guard.js';
import { gunzipLimited, MSG_CONTAINER_ID, readContainerFrames, ServiceError } from '../mtproto/service/index.js';
import { TransportError } from '../transport/errors.js';
import { paddedIntermediate } from '../transport/framing/index.js';
import { listenWebSocket, type ObfuscatedWebSocketServer } from '../transport/websocket-server.js';
import type { ConnectionLimits, WebSocketConnection } from '../transport/websocket.js';
import { BAD_MSG } from './errors.js';
import { DEMO_AUTH_KEY, DEMO_CHANNEL, DEMO_SERVER_SALT } from './fixtures.js';
import { LAYER_133 } from './layer.js';

/** A channel the server has statistics for. */
export interface KnownChannel {
  channelId: bigint;
  accessHash: bigint;
}

export interface LoopbackServerOptions {
  /** Defaults to DEMO_AUTH_KEY. */
  authKey?: Uint8Array;
  /** The server salt; messages with another get bad_server_salt. Defaults to DEMO_SERVER_SALT. */
  salt?: bigint;
  /** Defaults to DEMO_CHANNEL alone. */
  channels?: readonly KnownChannel[];
  /**
   * The transport's limits (docs/transport.md): maximum frame, buffered bytes, handshake and idle
   * timeouts, connections at once; each defaults to the library's.
   */
  limits?: ConnectionLimits & { maxConnections?: number };
  /** Clock in ms, for msg_id checks and the server's own msg_ids. */
  now?: () => number;
  /** What the server did with each message and why it dropped a connection. */
  onEvent?: (event: ServerEvent) => void;
}

export type ServerEvent =
  /** A call got its answer: rpc_result with the result, or with rpc_error. */
  | { kind: 'answered'; reqMsgId: bigint; method: string; error?: { code: number; message: string } }
  /** A message was refused with bad_server_salt or bad_msg_notification (`errorCode` as above). */
  | { kind: 'refused'; msgId: bigint; errorCode: number }
  /** A message that needs no answer (msgs_ack, a replayed msg_id, a constructor that is no call). */
  | { kind: 'ignored'; msgId: bigint; reason: string }
  /** The connection was closed because of this error; the server keeps serving other connections. */
  | { kind: 'dropped'; error: MtprotoError | TransportError };

export interface LoopbackServer {
  /** ws:// URL of the server, on 127.0.0.1 and a free port. */
  readonly url: string;
  /** Closes every connection, stops listening and waits for the connection handlers to finish. */
  close(): Promise<void>;
}

/** -404: what Telegram sends for a packet it cannot decrypt (unknown auth key, bad msg_key). */
const TRANSPORT_ERROR_AUTH_KEY = -404;
/** Messages a client must never mark content-related: their seq_no must be even (core.telegram.org/mtproto/description). */
const NOT_CONTENT_RELATED = new Set(['msgs_ack', 'msg_container', 'msg_copy', 'gzip_packed', 'http_wait']);
/** Largest call the server inflates from gzip_packed. */
const MAX_INFLATED_CALL = 1024 * 1024;
/** The bad_msg_notification answering each refusal of the msg_id guard; replays get none. */
const GUARD_REFUSALS: Partial<Record<MtprotoError['code'], number>> = {
  MSG_ID_TOO_OLD: BAD_MSG.MSG_ID_TOO_LOW,
  MSG_ID_TOO_NEW: BAD_MSG.MSG_ID_TOO_HIGH,
  BAD_MSG_ID: BAD_MSG.BAD_MSG_ID_PARITY,
};

interface ServerConfig {
  authKey: Uint8Array;
  salt: bigint;
  channels: readonly KnownChannel[];
  now: () => number;
  emit: (event: ServerEvent) => void;
}

/**
 * Starts a loopback MTProto server over WebSocket (obfuscated2, any of the three framings it
 * can carry) on 127.0.0.1. It decrypts each message with the shared auth key, applies the
 * receiver's checks, and answers messages.getStatsURL (also inside invokeWithLayer,
 * initConnection and msg_container) with rpc_result(statsURL) for a known channel and
 * rpc_error 400 PEER_ID_INVALID for any other peer.
 */
export async function startLoopbackServer(options: LoopbackServerOptions = {}): Promise<LoopbackServer> {
  const config: ServerConfig = {
    authKey: options.authKey ?? DEMO_AUTH_KEY,
    salt: options.salt ?? DEMO_SERVER_SALT,
    channels: options.channels ?? [DEMO_CHANNEL],
    now: options.now ?? Date.now,
    emit: options.onEvent ?? (() => undefined),
  };
  const handlers = new Set<Promise<void>>();
  const server: ObfuscatedWebSocketServer = await listenWebSocket({
    ...options.limits,
    onConnection: (connection) => {
      const handler = new ConnectionHandler(connection, config).run();
      handlers.add(handler);
      void handler.then(() => handlers.delete(handler));
    },
  });
  return {
    url: server.url,
    async close() {
      await server.close();
      await Promise.all(handlers);
    },
  };
}

/** One client connection: one MTProto session, bound by the first message that decrypts. */
class ConnectionHandler {
  private sessionId: bigint | undefined;
  private readonly msgIds: MessageIdGenerator;
  private readonly seqNo = new SeqNoCounter();
  private readonly received: MsgIdGuard;
  private dropped = false;

  constructor(
    private readonly connection: WebSocketConnection,
    private readonly config: ServerConfig,
  ) {
    this.msgIds = new MessageIdGenerator({ now: config.now });
    this.received = new MsgIdGuard({ from: 'client', serverTimeMs: config.now });
  }

  async run(): Promise<void> {
    try {
      for await (const packet of this.connection) {
        if (this.dropped) break;
        this.onPacket(packet);
      }
    } catch (error) {
      // Truncated or oversized frames, a bad obfuscation init: the transport already closed the socket.
      if (!(error instanceof TransportError)) throw error;
      this.config.emit({ kind: 'dropped', error });
    }
  }

  private onPacket(packet: Uint8Array): void {
    let message: DecryptedMessage;
    try {
      message = decryptMessage({
        authKey: this.config.authKey,
        data: packet,
        side: 'server',
        // The first message that decrypts binds the connection's session.
        expectedSessionId: this.sessionId ?? 'any',
        transportPadding: this.connection.framing === paddedIntermediate,
      });
    } catch (error) {
      if (!(error instanceof MtprotoError)) throw error;
      this.drop(error);
      return;
    }
    this.sessionId ??= message.sessionId;
    if (!this.acceptMsgId(message.msgId, message.seqNo, !isContainer(message.body))) return;
    if (BigInt.asUintN(64, message.salt) !== BigInt.asUintN(64, this.config.salt)) {
      const refusal = { _: 'bad_server_salt', badMsgId: message.msgId, badMsgSeqno: message.seqNo, errorCode: BAD_MSG.BAD_SERVER_SALT, newServerSalt: this.config.salt } as const;
      this.refuse(message.msgId, refusal);
      return;
    }
    this.onMessage(message.msgId, message.seqNo, message.body, false);
    if (isContainer(message.body)) this.received.remember(message.msgId);
  }

  /**
   * The library's guard decides: replays (and ids below its window) are ignored, msg_ids far
   * from the server clock refused (16, 17), the wrong parity refused (18). An accepted id is
   * remembered unless `remember` is false: a container's own id is remembered after the
   * messages inside it.
   */
  private acceptMsgId(msgId: bigint, seqNo: number, remember = true): boolean {
    try {
      this.received.check(msgId);
    } catch (error) {
      if (!(error instanceof MtprotoError)) throw error;
      const errorCode = GUARD_REFUSALS[error.code];
      if (errorCode === undefined) {
        this.config.emit({ kind: 'ignored', msgId, reason: 'replayed msg_id' });
      } else {
        this.refuse(msgId, { _: 'bad_msg_notification', badMsgId: msgId, badMsgSeqno: seqNo, errorCode });
      }
      return false;
    }
    if (remember) this.received.remember(msgId);
    return true;
  }

  private onMessage(msgId: bigint, seqNo: number, body: Uint8Array, inContainer: boolean): void {
    const id = constructorId(body);
    const name = id === undefined ? undefined : LAYER_133.nameOf(id);
    const contentRelated = name === undefined || !NOT_CONTENT_RELATED.has(name);
    if (contentRelated !== (seqNo % 2 === 1)) {
      const errorCode = contentRelated ? BAD_MSG.ODD_SEQNO_EXPECTED : BAD_MSG.EVEN_SEQNO_EXPECTED;
      this.refuse(msgId, { _: 'bad_msg_notification', badMsgId: msgId, badMsgSeqno: seqNo, errorCode });
      return;
    }
    if (id === MSG_CONTAINER_ID) {
      this.onContainer(msgId, seqNo, body, inContainer);
      return;
    }
    const value = this.decodeBody(msgId, body);
    if (value === undefined) return;
    if (value._ === 'msgs_ack') {
      this.config.emit({ kind: 'ignored', msgId, reason: 'acknowledgment' });
      return;
    }
    const call = innermostCall(value);
    if (call === undefined) {
      this.config.emit({ kind: 'ignored', msgId, reason: `${value._} is not a call` });
      return;
    }
    if (call._ !== 'messages.getStatsURL') {
      this.answer(msgId, call._, { _: 'rpc_error', errorCode: 400, errorMessage: 'INPUT_METHOD_INVALID' });
      return;
    }
    const { peer, dark, params } = call as messages_getStatsURL;
    if (peer._ === 'inputPeerChannel' && this.knows(peer)) {
      this.answer(msgId, call._, statsUrl(peer.channelId, dark === true, params));
    } else {
      this.answer(msgId, call._, { _: 'rpc_error', errorCode: 400, errorMessage: 'PEER_ID_INVALID' });
    }
  }

  /**
   * The message body as a TL object, through gzip_packed (a client may pack its calls);
   * undefined, after answering INPUT_FETCH_ERROR, when it does not decode or inflate.
   */
  private decodeBody(msgId: bigint, body: Uint8Array): TlObject | undefined {
    try {
      const value = LAYER_133.decode(body) as TlObject;
      if (value._ !== 'gzip_packed') return value;
      return LAYER_133.decode(gunzipLimited(value.packedData, { maxBytes: MAX_INFLATED_CALL })) as TlObject;
    } catch (error) {
      if (!(error instanceof TlDecodeError) && !(error instanceof ServiceError)) throw error;
      this.answer(msgId, 'unknown', { _: 'rpc_error', errorCode: 400, errorMessage: 'INPUT_FETCH_ERROR' });
      return undefined;
    }
  }

  private knows(peer: inputPeerChannel): boolean {
    return this.config.channels.some((channel) => channel.channelId === peer.channelId && channel.accessHash === peer.accessHash);
  }

  /** A container is accepted or refused whole (64) and its messages handled one by one. */
  private onContainer(msgId: bigint, seqNo: number, body: Uint8Array, inContainer: boolean): void {
    const refuse = () =>
      this.refuse(msgId, { _: 'bad_msg_notification', badMsgId: msgId, badMsgSeqno: seqNo, errorCode: BAD_MSG.INVALID_CONTAINER });
    if (inContainer) return refuse();
    let frames;
    try {
      // At most 1,024 messages, with unique client msg_ids below the container's own.
      frames = readContainerFrames(body, { msgId, sender: 'client' });
    } catch (error) {
      if (!(error instanceof TlDecodeError) && !(error instanceof ServiceError)) throw error;
      return refuse();
    }
    for (const frame of frames) {
      if (this.acceptMsgId(frame.msgId, frame.seqno)) this.onMessage(frame.msgId, frame.seqno, frame.body, true);
    }
  }

  private answer(reqMsgId: bigint, method: string, result: StatsURL | { _: 'rpc_error'; errorCode: number; errorMessage: string }): void {
    const answered = { kind: 'answered', reqMsgId, method } as const;
    this.config.emit(result._ === 'rpc_error' ? { ...answered, error: { code: result.errorCode, message: result.errorMessage } } : answered);
    this.send({ _: 'rpc_result', reqMsgId, result }, true);
  }

  private refuse(msgId: bigint, notification: TlObject & { errorCode: number }): void {
    this.config.emit({ kind: 'refused', msgId, errorCode: notification.errorCode });
    this.send(notification, false);
  }

  private send(body: TlObject, contentRelated: boolean): void {
    const packet = encryptMessage({
      authKey: this.config.authKey,
      salt: this.config.salt,
      sessionId: this.sessionId!,
      msgId: this.msgIds.next('server-response'),
      seqNo: this.seqNo.next(contentRelated),
      body: LAYER_133.encode(body),
      side: 'server',
    });
    this.sendPacket(packet);
  }

  private sendPacket(packet: Uint8Array): void {
    try {
      this.connection.send(packet);
    } catch (error) {
      // The client went away between its message and our answer: nothing left to answer.
      if (!(error instanceof TransportError)) throw error;
    }
  }

  /** Answers an undecryptable packet as Telegram does, with transport error -404, and hangs up. */
  private drop(error: MtprotoError): void {
    this.dropped = true;
    this.config.emit({ kind: 'dropped', error });
    const code = new Uint8Array(4);
    new DataView(code.buffer).setInt32(0, TRANSPORT_ERROR_AUTH_KEY, true);
    this.sendPacket(code);
    void this.connection.close();
  }
}

function constructorId(body: Uint8Array): number | undefined {
  return body.length >= 4 ? new DataView(body.buffer, body.byteOffset, 4).getUint32(0, true) : undefined;
}

function isContainer(body: Uint8Array): boolean {
  return constructorId(body) === MSG_CONTAINER_ID;
}

/** The call inside invokeWithLayer, initConnection and the other `{X:Type}` wrappers; undefined for a constructor. */
function innermostCall(value: TlObject): { _: string } | undefined {
  let current: { _: string; query?: unknown } = value;
  // The decoder's depth limit bounds this loop.
  for (;;) {
    const reader = LAYER_133.resultReader(current._);
    if (reader === undefined) return undefined;
    if (reader !== 'query') return current;
    current = current.query as { _: string; query?: unknown };
  }
}

function statsUrl(channelId: bigint, dark: boolean, params: string): StatsURL {
  const query = new URLSearchParams();
  if (dark) query.set('dark', '1');
  if (params !== '') query.set('params', params);
  const search = query.toString();
  const suffix = search === '' ? '' : `?${search}`;
  return { _: 'statsURL', url: `https://t.me/stats/${channelId}${suffix}` };
}
