import WebSocket from 'ws';
import type { RandomBytes } from '../mtproto/crypto/random.js';
import { TransportError } from './errors.js';
import { ByteQueue } from './framing/byte-queue.js';
import {
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

/** The part of the WebSocket API used here, common to browsers and `ws`. */
export interface WebSocketLike {
  binaryType: string;
  readonly readyState: number;
  send(data: Uint8Array<ArrayBuffer>): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open' | 'message' | 'close' | 'error', listener: (event: any) => void): void;
}

export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => WebSocketLike;

const OPEN = 1;
const CLOSED = 3;
const NORMAL_CLOSURE = 1000;
const PROTOCOL_ERROR = 1002;

export interface ConnectOptions {
  /** Framing carried inside obfuscated2; defaults to intermediate. Full cannot be obfuscated. */
  framing?: Framing;
  dcId?: number;
  /** 16-byte MTProxy secret. */
  secret?: Uint8Array;
  /** Defaults to `ws`; pass `globalThis.WebSocket` in browsers. */
  WebSocket?: WebSocketConstructor;
  /** Telegram's web endpoints expect the "binary" subprotocol. */
  protocols?: string | string[];
  maxFrameSize?: number;
  random?: RandomBytes;
}

export interface AcceptOptions {
  secret?: Uint8Array;
  maxFrameSize?: number;
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
 * closes, or throws a TransportError (truncated frame, server error code, ...).
 */
export class WebSocketConnection implements AsyncIterable<Uint8Array> {
  /** Resolves once the socket is closed, however that happened. */
  readonly closed: Promise<void>;
  private readonly inbox = new PacketQueue();
  /** Server side: bytes of the 64-byte init received so far. */
  private readonly pendingInit = new ByteQueue();
  private closingLocally = false;

  private constructor(
    private readonly socket: WebSocketLike,
    private codec: Codec | undefined,
    private readonly acceptInit?: (init: Uint8Array) => Codec,
  ) {
    socket.binaryType = 'arraybuffer';
    this.closed = new Promise((resolve) => socket.addEventListener('close', () => resolve()));
    socket.addEventListener('message', (event: { data: unknown }) => this.onMessage(event.data));
    socket.addEventListener('close', () => this.onClose());
    socket.addEventListener('error', (event: { error?: unknown; message?: string }) => {
      const detail = event.message ?? 'WebSocket error';
      this.fail(new TransportError('SOCKET_ERROR', detail, undefined, { cause: event.error }));
    });
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
    const codec: Codec = {
      framing,
      cipher,
      encoder: framing.createEncoder({ random: options.random }),
      decoder: framing.createDecoder({ maxFrameSize: options.maxFrameSize }),
    };
    const Socket = options.WebSocket ?? WebSocket;
    let socket: WebSocketLike;
    try {
      socket = new Socket(url, options.protocols ?? 'binary');
    } catch (error) {
      const reason = `could not open ${url}: ${String(error)}`;
      throw new TransportError('CONNECT_FAILED', reason, undefined, { cause: error });
    }
    const connection = new WebSocketConnection(socket, codec);
    await new Promise<void>((resolve, reject) => {
      let cause: unknown;
      socket.addEventListener('error', (event: { error?: unknown }) => (cause = event.error ?? event));
      socket.addEventListener('open', () => resolve());
      socket.addEventListener('close', () =>
        reject(new TransportError('CONNECT_FAILED', `could not open ${url}`, undefined, { cause })),
      );
    });
    socket.send(init);
    return connection;
  }

  /** Server side: wraps an accepted socket; the framing is chosen by the client's init. */
  static accept(socket: WebSocketLike, options: AcceptOptions = {}): WebSocketConnection {
    return new WebSocketConnection(socket, undefined, (init) => {
      const { tag, cipher } = acceptObfuscatedClient(init, { secret: options.secret });
      const framing = framingForObfuscationTag(tag) as Framing; // the tag was validated by accept
      return {
        framing,
        cipher,
        encoder: framing.createEncoder({ random: options.random }),
        decoder: framing.createDecoder({ maxFrameSize: options.maxFrameSize }),
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
    if (!(data instanceof ArrayBuffer) && !ArrayBuffer.isView(data)) {
      this.fail(new TransportError('UNEXPECTED_MESSAGE', 'received a text frame; only binary frames are allowed'));
      return;
    }
    const bytes =
      data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    try {
      for (const packet of this.decode(bytes)) this.inbox.push(packet);
    } catch (error) {
      this.fail(error as TransportError); // decoders and the init parser only throw TransportError
    }
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

  /** Fatal errors end the packet stream and close the socket. */
  private fail(error: TransportError): void {
    if (this.inbox.ended) return;
    this.inbox.end(error);
    if (this.socket.readyState === OPEN) this.socket.close(PROTOCOL_ERROR);
  }
}
