import type { bad_msg_notification, bad_server_salt, Methods, TlObject } from '../generated/layer133/types.js';
import { randomBytes } from '../common/bytes.js';
import { decryptMessage, encryptMessage } from '../mtproto/envelope.js';
import { MtprotoError } from '../mtproto/errors.js';
import { MessageIdGenerator, SeqNoCounter } from '../mtproto/msg-id.js';
import { MsgIdGuard } from '../mtproto/msg-id-guard.js';
import { encodeContainer, type CallOf, type Incoming as AnyIncoming, type IncomingBody, type ResultIn } from '../mtproto/service/index.js';
import { paddedIntermediate, type Framing } from '../transport/framing/index.js';
import { WebSocketConnection, type ConnectionLimits, type WebSocketConstructor } from '../transport/websocket.js';
import { BAD_MSG, SessionError } from './errors.js';
import { DEMO_AUTH_KEY, DEMO_SERVER_SALT } from './fixtures.js';
import { LAYER_133, SERVICE_133 } from './layer.js';

export interface LoopbackClientOptions {
  /** Defaults to DEMO_AUTH_KEY. */
  authKey?: Uint8Array;
  /** The salt of the first message; a bad_server_salt answer replaces it. Defaults to DEMO_SERVER_SALT. */
  salt?: bigint;
  /** Framing inside obfuscated2 (default intermediate). */
  framing?: Framing;
  /** WebSocket implementation (default `ws`); the demo passes one that records the wire bytes. */
  WebSocket?: WebSocketConstructor;
  /** Time limit of each call, in ms (default 10 s). */
  timeoutMs?: number;
  /** The transport's limits (docs/transport.md), each defaulting to the library's. */
  limits?: ConnectionLimits;
  /** Clock in ms, for msg_ids. */
  now?: () => number;
  /** Called for each message the msg_id guard refused: it was not acked, acted on or its salt taken. */
  onRefused?: (msgId: bigint, error: MtprotoError) => void;
}

type Call = CallOf<Methods>;
type Incoming = IncomingBody<Methods, TlObject>;
type Decoded = AnyIncoming<Methods, TlObject>;

interface PendingCall {
  call: Call;
  body: Uint8Array;
  resolve: (result: unknown) => void;
  reject: (error: unknown) => void;
  timer: ReturnType<typeof setTimeout>;
  /** Times the call was sent again after bad_server_salt or a msg_id out of the server's window. */
  resends: number;
  msgId?: bigint;
  /** Set when the call went out inside a msg_container (beside acknowledgments). */
  containerMsgId?: bigint;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_RESENDS = 3;
/** A msgs_ack carries at most 8192 ids. */
const MAX_ACKS = 8192;

/**
 * A minimal MTProto client for the loopback server: one session over one WebSocket connection.
 * It encrypts each call, acknowledges the server's content-related messages (in a msg_container
 * with the next call), follows bad_server_salt and msg_id clock corrections by resending, and
 * settles each call with its typed result, an {@link RpcError}, or a typed failure
 * (SessionError, TransportError, MtprotoError, TlDecodeError). Every server msg_id (a
 * container's and those inside it) goes through the library's {@link MsgIdGuard} first: a
 * refused message is not acked, acted on or its salt taken. No DH exchange, reconnection or
 * message resend requests: it exists to exercise the stack end to end.
 */
export class LoopbackClient {
  /** Random, as MTProto requires of a new session. */
  readonly sessionId: bigint;
  private salt: bigint;
  private readonly authKey: Uint8Array;
  private readonly timeoutMs: number;
  private readonly msgIds: MessageIdGenerator;
  private readonly seqNo = new SeqNoCounter();
  private readonly pending = new Map<bigint, PendingCall>();
  private readonly containers = new Map<bigint, bigint>();
  private readonly acks: bigint[] = [];
  private readonly received: MsgIdGuard;
  private readonly onRefused: (msgId: bigint, error: MtprotoError) => void;
  private readonly receiving: Promise<void>;
  private ended: Error | undefined;

  private constructor(
    private readonly connection: WebSocketConnection,
    options: LoopbackClientOptions,
  ) {
    this.authKey = options.authKey ?? DEMO_AUTH_KEY;
    this.salt = options.salt ?? DEMO_SERVER_SALT;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.msgIds = new MessageIdGenerator({ now: options.now });
    this.received = new MsgIdGuard({ from: 'server', serverTimeMs: () => this.msgIds.serverTimeMs() });
    this.onRefused = options.onRefused ?? (() => undefined);
    this.sessionId = new DataView(randomBytes(8).buffer).getBigInt64(0, true);
    this.receiving = this.receive();
  }

  static async connect(url: string, options: LoopbackClientOptions = {}): Promise<LoopbackClient> {
    const connection = await WebSocketConnection.connect(url, {
      framing: options.framing,
      WebSocket: options.WebSocket,
      ...options.limits,
    });
    return new LoopbackClient(connection, options);
  }

  /** Sends a call (wrapped or not) and resolves with what its innermost method returns. */
  call<F extends Call>(call: F): Promise<ResultIn<Methods, F>> {
    return new Promise((resolve, reject) => {
      if (this.ended) {
        reject(new SessionError('CLOSED', 'the client is closed', undefined, { cause: this.ended }));
        return;
      }
      const entry: PendingCall = {
        call,
        body: LAYER_133.encode(call),
        resolve: resolve as (result: unknown) => void,
        reject,
        timer: setTimeout(() => this.settle(entry, () => reject(new SessionError('TIMEOUT', `no answer within ${this.timeoutMs} ms`))), this.timeoutMs),
        resends: 0,
      };
      this.transmit(entry);
    });
  }

  /** Closes the connection; calls still waiting fail with CONNECTION_CLOSED. */
  async close(): Promise<void> {
    await this.connection.close();
    await this.receiving;
  }

  /** Sends a call under a fresh msg_id, with the pending acknowledgments beside it in a container. */
  private transmit(entry: PendingCall): void {
    const msgId = this.msgIds.next('client');
    const seqNo = this.seqNo.next(true);
    let outer = { msgId, seqNo, body: entry.body };
    entry.msgId = msgId;
    entry.containerMsgId = undefined;
    if (this.acks.length > 0) {
      const ack = LAYER_133.encode({ _: 'msgs_ack', msgIds: this.acks.splice(0, MAX_ACKS) });
      const ackMsgId = this.msgIds.next('client');
      const ackSeqNo = this.seqNo.next(false);
      // The container's msg_id must exceed those of the messages inside it.
      const containerMsgId = this.msgIds.next('client');
      const body = encodeContainer([
        { msgId, seqno: seqNo, body: entry.body },
        { msgId: ackMsgId, seqno: ackSeqNo, body: ack },
      ]);
      outer = { msgId: containerMsgId, seqNo: this.seqNo.next(false), body };
      entry.containerMsgId = containerMsgId;
      this.containers.set(containerMsgId, msgId);
    }
    this.pending.set(msgId, entry);
    const packet = encryptMessage({ authKey: this.authKey, salt: this.salt, sessionId: this.sessionId, ...outer, side: 'client' });
    try {
      this.connection.send(packet);
    } catch (error) {
      this.settle(entry, () => entry.reject(error));
    }
  }

  private async receive(): Promise<void> {
    let failure: Error | undefined;
    try {
      for await (const packet of this.connection) this.onPacket(packet);
    } catch (error) {
      // TransportError from the connection, or a packet that failed decryption or decoding:
      // either way the connection can no longer be trusted.
      failure = error as Error;
      await this.connection.close();
    }
    this.ended = failure ?? new SessionError('CONNECTION_CLOSED', 'the connection closed');
    for (const entry of [...this.pending.values()]) {
      this.settle(entry, () => entry.reject(failure ?? new SessionError('CONNECTION_CLOSED', 'the connection closed before the answer arrived')));
    }
  }

  private onPacket(packet: Uint8Array): void {
    const message = decryptMessage({
      authKey: this.authKey,
      data: packet,
      side: 'client',
      expectedSessionId: this.sessionId,
      transportPadding: this.connection.framing === paddedIntermediate,
    });
    const refusal = this.refusal(message.msgId);
    if (refusal !== undefined) {
      if (refusal.code === 'MSG_ID_TOO_OLD' || refusal.code === 'MSG_ID_TOO_NEW') this.onClockRefusal(message.msgId, message.body);
      return;
    }
    // Content-related messages (odd seq_no) must be acknowledged.
    if (message.seqNo % 2 === 1) this.acks.push(message.msgId);
    const incoming = this.decode(message.body, message.msgId);
    if (incoming.kind === 'container') {
      for (const inner of incoming.messages) {
        if (this.refusal(inner.msgId) !== undefined) continue;
        if (inner.seqno % 2 === 1) this.acks.push(inner.msgId);
        this.onIncoming(inner.message, inner.msgId);
      }
    } else {
      this.onIncoming(incoming, message.msgId);
    }
  }

  private decode(body: Uint8Array, msgId: bigint): Decoded {
    return SERVICE_133.decodeMessage(body, (reqMsgId) => this.pending.get(reqMsgId)?.call, { msgId });
  }

  /** Undefined when the guard accepts (and remembers) a server msg_id; else its reported refusal. */
  private refusal(msgId: bigint): MtprotoError | undefined {
    try {
      this.received.accept(msgId);
      return undefined;
    } catch (error) {
      if (!(error instanceof MtprotoError)) throw error;
      this.onRefused(msgId, error);
      return error;
    }
  }

  /**
   * The one refused message a client may read: bad_msg_notification 16 or 17 about a call still
   * waiting says our clock is off, so its msg_id cannot be in our time window. msg_key and the
   * session id authenticate it and the pending msg_id binds it to this call; all it may do is
   * sync the clock and resend (at most MAX_RESENDS times). It is not acked (not content-related)
   * and no salt is taken from it.
   */
  private onClockRefusal(msgId: bigint, body: Uint8Array): void {
    if (this.pending.size === 0) return;
    const incoming = this.decode(body, msgId);
    if (incoming.kind !== 'service' || incoming.body._ !== 'bad_msg_notification') return;
    const code = incoming.body.errorCode;
    if (code === BAD_MSG.MSG_ID_TOO_LOW || code === BAD_MSG.MSG_ID_TOO_HIGH) this.onRefusal(incoming.body, msgId);
  }

  private onIncoming(incoming: Incoming, serverMsgId: bigint): void {
    switch (incoming.kind) {
      case 'result': {
        const entry = this.pending.get(incoming.reqMsgId);
        if (entry) this.settle(entry, () => entry.resolve(incoming.result));
        return;
      }
      case 'error': {
        const entry = incoming.reqMsgId === undefined ? undefined : this.pending.get(incoming.reqMsgId);
        if (entry) this.settle(entry, () => entry.reject(incoming.error));
        return;
      }
      case 'service':
        if (incoming.body._ === 'bad_server_salt' || incoming.body._ === 'bad_msg_notification') {
          this.onRefusal(incoming.body, serverMsgId);
        } else if (incoming.body._ === 'new_session_created') {
          this.salt = incoming.body.serverSalt;
        }
        return;
      default:
        // Answers to calls no longer pending, updates: nothing waits for them.
        return;
    }
  }

  /** bad_server_salt and msg_id clock errors are fixed and the call resent; other refusals fail it. */
  private onRefusal(notification: bad_server_salt | bad_msg_notification, serverMsgId: bigint): void {
    const callMsgId = this.containers.get(notification.badMsgId) ?? notification.badMsgId;
    const entry = this.pending.get(callMsgId);
    if (!entry) return;
    const code = notification.errorCode;
    if (notification._ === 'bad_server_salt') {
      this.salt = notification.newServerSalt;
    } else if (code === BAD_MSG.MSG_ID_TOO_LOW || code === BAD_MSG.MSG_ID_TOO_HIGH) {
      this.msgIds.syncWithServerMsgId(serverMsgId);
    } else {
      this.settle(entry, () => entry.reject(new SessionError('BAD_MESSAGE', `the server refused the message: bad_msg_notification ${code}`, code)));
      return;
    }
    if (entry.resends === MAX_RESENDS) {
      this.settle(entry, () => entry.reject(new SessionError('TOO_MANY_RETRIES', `refused ${MAX_RESENDS + 1} times, last with error ${code}`, code)));
      return;
    }
    entry.resends++;
    this.forget(entry);
    this.transmit(entry);
  }

  /** Runs `outcome` once for a call and forgets it. */
  private settle(entry: PendingCall, outcome: () => void): void {
    if (entry.msgId === undefined || this.pending.get(entry.msgId) !== entry) return;
    clearTimeout(entry.timer);
    this.forget(entry);
    outcome();
  }

  private forget(entry: PendingCall): void {
    if (entry.msgId !== undefined) this.pending.delete(entry.msgId);
    if (entry.containerMsgId !== undefined) this.containers.delete(entry.containerMsgId);
  }
}
