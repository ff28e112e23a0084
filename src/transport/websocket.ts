import type { RandomBytes } from '../mtproto/crypto/random.js';
import { TransportError } from './errors.js';
import { ByteQueue } from './framing/byte-queue.js';
import {
  DEFAULT_MAX_FRAME_SIZE,
  framingForObfuscationTag,
  intermediate,
  type FrameDecoder,
  type FrameEncoder,
  type Framing,
} from './framing/index.js';
import {
  acceptObfuscatedClient,
  OBFUSCATED_INIT_LENGTH,
  startObfuscatedClient,
  type ObfuscatedCipher,
} from './obfuscated2.js';
import { PacketQueue } from './packet-queue.js';
import { defaultWebSocket, messageBytes, type WebSocketConstructor, type WebSocketLike } from './socket.js';

export type { WebSocketConstructor, WebSocketLike } from './socket.js';

const OPEN = 1;
const CLOSED = 3;
const NORMAL_CLOSURE = 1000;
const PROTOCOL_ERROR = 1002;
const POLICY_VIOLATION = 1008;

/** What may come in one WebSocket message beside a frame's payload: the 64-byte init and a frame header with padding. */
const MESSAGE_OVERHEAD = 128;
export const DEFAULT_HANDSHAKE_TIMEOUT_MS = 10_000;
export const DEFAULT_IDLE_TIMEOUT_MS = 300_000;
/** Buffers default to this many maximum frames. */
const DEFAULT_BUFFERED_FRAMES = 4;

/**
 * Limits of one connection, on by default on both sides (docs/transport.md). Every received byte
 * is held by the connection until the consumer reads the packet it completes; these bound how
 * many, and for how long a peer may hold a connection without completing packets.
 */
export interface ConnectionLimits {
  /**
   * Largest packet accepted (default {@link DEFAULT_MAX_FRAME_SIZE}, 1 MiB + 64 KiB); a bigger
   * length in a frame header is refused before its body arrives. The WebSocket `maxPayload`
   * (`ws`) is this plus 128 bytes.
   */
  maxFrameSize?: number;
  /**
   * Most bytes received and not yet read (an incomplete frame plus packets waiting for the
   * consumer); default 4 maximum frames. Past half of it the socket is paused until the consumer
   * reads (`ws`); past all of it the connection is closed with BUFFER_LIMIT.
   */
  maxBufferedBytes?: number;
  /**
   * Server: the time a client has to send its 64-byte obfuscated2 init and a first complete
   * packet; client: the time the WebSocket has to open (default 10 s).
   */
  handshakeTimeoutMs?: number;
  /** Longest time without a complete packet received before the connection is closed (default 300 s; 0: no limit). */
  idleTimeoutMs?: number;
}

interface Limits {
  maxFrameSize: number;
  maxBufferedBytes: number;
  handshakeTimeoutMs: number;
  idleTimeoutMs: number;
}

function positive(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value <= 0) throw new TransportError('BAD_ARGUMENT', `${name} must be a whole number above 0, got ${value}`);
  return value;
}

/** The limits with their defaults, checked. */
export function connectionLimits(options: ConnectionLimits): Limits {
  const maxFrameSize = positive('maxFrameSize', options.maxFrameSize ?? DEFAULT_MAX_FRAME_SIZE);
  const limits = {
    maxFrameSize,
    maxBufferedBytes: positive('maxBufferedBytes', options.maxBufferedBytes ?? DEFAULT_BUFFERED_FRAMES * maxFrameSize),
    handshakeTimeoutMs: positive('handshakeTimeoutMs', options.handshakeTimeoutMs ?? DEFAULT_HANDSHAKE_TIMEOUT_MS),
    idleTimeoutMs: options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
  };
  if (limits.idleTimeoutMs !== 0) positive('idleTimeoutMs', limits.idleTimeoutMs);
  // An incomplete frame's buffer may be up to twice its size (ByteQueue grows by doubling).
  const least = 2 * (maxFrameSize + MESSAGE_OVERHEAD);
  if (limits.maxBufferedBytes < least) {
    throw new TransportError('BAD_ARGUMENT', `maxBufferedBytes (${limits.maxBufferedBytes}) must be at least twice maxFrameSize + ${MESSAGE_OVERHEAD} (${least})`);
  }
  return limits;
}

/** The WebSocket maxPayload that goes with a maximum frame: one frame and the init in one message. */
export function maxPayloadFor(maxFrameSize: number): number {
  return maxFrameSize + MESSAGE_OVERHEAD;
}

export interface ConnectOptions extends ConnectionLimits {
  /** Framing carried inside obfuscated2; defaults to intermediate. Full cannot be obfuscated. */
  framing?: Framing;
  dcId?: number;
  /** 16-byte MTProxy secret. */
  secret?: Uint8Array;
  /** Defaults to `ws` on Node and to the runtime's own WebSocket elsewhere (browsers, Deno, Bun). */
  WebSocket?: WebSocketConstructor;
  /** Telegram's web endpoints expect the "binary" subprotocol. */
  protocols?: string | string[];
  random?: RandomBytes;
}

export interface AcceptOptions extends ConnectionLimits {
  secret?: Uint8Array;
  random?: RandomBytes;
}

interface Codec {
  framing: Framing;
  cipher: ObfuscatedCipher;
  encoder: FrameEncoder;
  decoder: FrameDecoder;
}

/**
 * MTProto packets over a WebSocket carrying obfuscated2 and a framing, as Telegram's
 * web endpoints do. Iterate it to receive packets; the iteration ends when the socket
 * closes, or throws a TransportError (truncated frame, server error code, a limit of
 * {@link ConnectionLimits} exceeded, ...).
 */
export class WebSocketConnection implements AsyncIterable<Uint8Array> {
  /** Resolves once the socket is closed, however that happened. */
  readonly closed: Promise<void>;
  private readonly inbox = new PacketQueue(() => this.onRead());
  /** Server side: bytes of the 64-byte init received so far. */
  private readonly pendingInit = new ByteQueue();
  private closingLocally = false;
  private paused = false;
  /** Server side: runs until the init and a first packet arrived. */
  private handshakeTimer: ReturnType<typeof setTimeout> | undefined;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  private constructor(
    private readonly socket: WebSocketLike,
    private codec: Codec | undefined,
    private readonly limits: Limits,
    private readonly acceptInit?: (init: Uint8Array) => Codec,
  ) {
    socket.binaryType = 'arraybuffer';
    this.closed = new Promise((resolve) => socket.addEventListener('close', () => resolve()));
    socket.addEventListener('message', (event: { data: unknown }) => this.onMessage(event.data));
    socket.addEventListener('close', () => this.onClose());
    socket.addEventListener('error', (event: { error?: { code?: unknown }; message?: string }) => {
      const detail = event.message ?? 'WebSocket error';
      if (event.error?.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
        // ws refuses a message over maxPayload from its header, before buffering its body; dropping
        // the socket spares reading (and discarding) the rest of it.
        this.fail(new TransportError('FRAME_TOO_LARGE', `WebSocket message over ${maxPayloadFor(limits.maxFrameSize)} bytes (${detail})`, undefined, { cause: event.error }));
        dropSocket(socket);
        return;
      }
      this.fail(new TransportError('SOCKET_ERROR', detail, undefined, { cause: event.error }));
    });
    if (acceptInit !== undefined) {
      const seconds = limits.handshakeTimeoutMs / 1000;
      this.handshakeTimer = unrefTimer(setTimeout(() => this.fail(new TransportError('HANDSHAKE_TIMEOUT', `no obfuscated2 init and first packet within ${seconds} s`)), limits.handshakeTimeoutMs));
    } else {
      this.touch();
    }
  }

  /**
   * Bytes this connection holds for the consumer: the incomplete frame (its buffer's whole
   * capacity) and the packets received and not yet read.
   */
  get bufferedBytes(): number {
    return this.pendingInit.capacity + (this.codec?.decoder.heldBytes ?? 0) + this.inbox.queuedBytes;
  }

  /** Client side: opens `url`, sends the obfuscated2 init and resolves once ready to send. */
  static async connect(url: string, options: ConnectOptions = {}): Promise<WebSocketConnection> {
    const framing = options.framing ?? intermediate;
    if (framing.obfuscationTag === undefined) {
      throw new TransportError('BAD_ARGUMENT', `the ${framing.name} framing cannot be carried over obfuscated2`);
    }
    const { init, cipher } = startObfuscatedClient({
      tag: framing.obfuscationTag,
      dcId: options.dcId,
      secret: options.secret,
      random: options.random,
    });
    const limits = connectionLimits(options);
    const codec: Codec = {
      framing,
      cipher,
      encoder: framing.createEncoder({ random: options.random }),
      decoder: framing.createDecoder({ maxFrameSize: limits.maxFrameSize }),
    };
    const Socket = options.WebSocket ?? defaultWebSocket();
    let socket: WebSocketLike;
    try {
      socket = new Socket(url, options.protocols ?? 'binary', { maxPayload: maxPayloadFor(limits.maxFrameSize) });
    } catch (error) {
      const reason = `could not open ${url}: ${String(error)}`;
      throw new TransportError('CONNECT_FAILED', reason, undefined, { cause: error });
    }
    await new Promise<void>((resolve, reject) => {
      let cause: unknown;
      const timer = setTimeout(() => {
        reject(new TransportError('HANDSHAKE_TIMEOUT', `${url} did not open within ${limits.handshakeTimeoutMs / 1000} s`));
        dropSocket(socket);
      }, limits.handshakeTimeoutMs);
      socket.addEventListener('error', (event: { error?: unknown }) => (cause = event.error ?? event));
      socket.addEventListener('open', () => {
        clearTimeout(timer);
        resolve();
      });
      socket.addEventListener('close', () => {
        clearTimeout(timer);
        reject(new TransportError('CONNECT_FAILED', `could not open ${url}`, undefined, { cause }));
      });
    });
    const connection = new WebSocketConnection(socket, codec, limits);
    socket.send(init);
    return connection;
  }

  /** Server side: wraps an accepted socket; the framing is chosen by the client's init. */
  static accept(socket: WebSocketLike, options: AcceptOptions = {}): WebSocketConnection {
    const limits = connectionLimits(options);
    return new WebSocketConnection(socket, undefined, limits, (init) => {
      const { tag, cipher } = acceptObfuscatedClient(init, { secret: options.secret });
      const framing = framingForObfuscationTag(tag) as Framing; // the tag was validated by accept
      return {
        framing,
        cipher,
        encoder: framing.createEncoder({ random: options.random }),
        decoder: framing.createDecoder({ maxFrameSize: limits.maxFrameSize }),
      };
    });
  }

  /** Undefined on the server side until the client's init has arrived. */
  get framing(): Framing | undefined {
    return this.codec?.framing;
  }

  send(packet: Uint8Array): void {
    if (this.codec === undefined || this.socket.readyState !== OPEN || this.closingLocally) {
      throw new TransportError('NOT_OPEN', 'connection is not open (or the obfuscation handshake is not done)');
    }
    this.socket.send(this.codec.cipher.encrypt(this.codec.encoder.encode(packet)));
  }

  [Symbol.asyncIterator](): AsyncIterator<Uint8Array, undefined> {
    return this.inbox;
  }

  /** Closes the socket; received packets not yet consumed can still be iterated. */
  async close(): Promise<void> {
    if (this.socket.readyState !== CLOSED && !this.closingLocally) {
      this.closingLocally = true;
      this.socket.close(NORMAL_CLOSURE);
    }
    await this.closed;
  }

  private onMessage(data: unknown): void {
    if (this.inbox.ended) return;
    const bytes = messageBytes(data);
    if (bytes === undefined) {
      this.fail(new TransportError('UNEXPECTED_MESSAGE', 'received a text frame; only binary frames are allowed'));
      return;
    }
    let packets: Uint8Array[];
    try {
      packets = this.decode(bytes);
    } catch (error) {
      this.fail(error as TransportError); // decoders and the init parser only throw TransportError
      return;
    }
    if (packets.length > 0) {
      clearTimeout(this.handshakeTimer);
      this.touch();
    }
    const held = this.bufferedBytes + packets.reduce((sum, packet) => sum + packet.length, 0);
    if (held > this.limits.maxBufferedBytes) {
      // The new packets are not kept: what the connection holds stays within the limit.
      this.fail(new TransportError('BUFFER_LIMIT', `${held} bytes received and not read, more than the limit of ${this.limits.maxBufferedBytes}`));
      return;
    }
    for (const packet of packets) this.inbox.push(packet);
    this.applyBackpressure();
  }

  /** Pauses the socket while the consumer lags behind by more than half the buffer limit. */
  private applyBackpressure(): void {
    const held = this.bufferedBytes;
    if (held > this.limits.maxBufferedBytes / 2 && this.inbox.queuedBytes > 0 && !this.paused && this.socket.pause) {
      this.paused = true;
      this.socket.pause();
    }
  }

  /** The consumer took a packet: read from the socket again once below half the limit. */
  private onRead(): void {
    if (this.paused && this.bufferedBytes <= this.limits.maxBufferedBytes / 2) {
      this.paused = false;
      this.socket.resume?.();
    }
  }

  /** (Re)starts the idle timer: a packet arrived. */
  private touch(): void {
    if (this.limits.idleTimeoutMs === 0) return;
    clearTimeout(this.idleTimer);
    const seconds = this.limits.idleTimeoutMs / 1000;
    this.idleTimer = unrefTimer(setTimeout(() => this.fail(new TransportError('IDLE_TIMEOUT', `no packet received for ${seconds} s`)), this.limits.idleTimeoutMs));
  }

  private decode(bytes: Uint8Array): Uint8Array[] {
    if (this.codec === undefined) {
      this.pendingInit.push(bytes);
      if (this.pendingInit.length < OBFUSCATED_INIT_LENGTH) return [];
      this.codec = this.acceptInit!(this.pendingInit.take(OBFUSCATED_INIT_LENGTH));
      bytes = this.pendingInit.take(this.pendingInit.length);
    }
    return this.codec.decoder.push(this.codec.cipher.decrypt(bytes));
  }

  private onClose(): void {
    clearTimeout(this.handshakeTimer);
    clearTimeout(this.idleTimer);
    if (this.inbox.ended || this.closingLocally) {
      this.inbox.end();
      return;
    }
    if (this.codec === undefined) {
      if (this.pendingInit.length > 0) {
        this.inbox.end(new TransportError('TRUNCATED_FRAME', 'connection closed during the obfuscation init'));
      } else {
        this.inbox.end();
      }
      return;
    }
    try {
      this.codec.decoder.finish();
      this.inbox.end();
    } catch (error) {
      this.inbox.end(error as TransportError);
    }
  }

  /** Fatal errors end the packet stream and close the socket; a peer over a limit is not waited for. */
  private fail(error: TransportError): void {
    clearTimeout(this.handshakeTimer);
    clearTimeout(this.idleTimer);
    if (this.inbox.ended) return;
    this.inbox.end(error);
    if (LIMIT_ERRORS.has(error.code)) dropSocket(this.socket);
    else if (this.socket.readyState === OPEN) this.socket.close(PROTOCOL_ERROR);
  }
}

const LIMIT_ERRORS: ReadonlySet<string> = new Set(['HANDSHAKE_TIMEOUT', 'IDLE_TIMEOUT', 'BUFFER_LIMIT']);

/** Closes at once where the socket allows it (`ws`), else with a close frame. */
function dropSocket(socket: WebSocketLike): void {
  if (socket.terminate) socket.terminate();
  else if (socket.readyState !== CLOSED) socket.close(POLICY_VIOLATION);
}

/** Timers of a connection must not keep a Node process alive on their own. */
function unrefTimer<T>(timer: T): T {
  (timer as { unref?: () => void }).unref?.();
  return timer;
}
