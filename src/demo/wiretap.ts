import WebSocket from 'ws';
import { acceptObfuscatedClient, type ObfuscatedCipher } from '../transport/obfuscated2.js';
import { framingForObfuscationTag, type FrameDecoder, type Framing } from '../transport/framing/index.js';
import { TransportError } from '../transport/errors.js';
import type { WebSocketConstructor, WebSocketLike } from '../transport/websocket.js';

/** A copy of a WebSocket message payload (ws hands out ArrayBuffers, Buffers or Buffer lists). */
function bytesOf(data: unknown): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data.slice(0));
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice();
  if (Array.isArray(data)) {
    const parts = data.map(bytesOf);
    const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
    let offset = 0;
    for (const part of parts) {
      out.set(part, offset);
      offset += part.length;
    }
    return out;
  }
  throw new TransportError('UNEXPECTED_MESSAGE', 'received a text frame; only binary frames are allowed');
}

/**
 * Records the binary WebSocket messages of the client connections it opens, in order, as the
 * demo's view of the wire. Pass `recorder.WebSocket` as the connection's WebSocket constructor.
 */
export class WireRecorder {
  /** Client -> server messages; the first is the 64-byte obfuscated2 init. */
  readonly sent: Uint8Array[] = [];
  /** Server -> client messages. */
  readonly received: Uint8Array[] = [];
  readonly WebSocket: WebSocketConstructor;

  constructor() {
    const recorder = this;
    this.WebSocket = class RecordingWebSocket implements WebSocketLike {
      private readonly socket: WebSocket;

      constructor(url: string, protocols?: string | string[], options?: { maxPayload?: number }) {
        this.socket = new WebSocket(url, protocols, options);
        this.socket.on('message', (data: unknown) => recorder.received.push(bytesOf(data)));
      }

      get binaryType(): string {
        return this.socket.binaryType;
      }

      set binaryType(type: string) {
        this.socket.binaryType = type as WebSocket['binaryType'];
      }

      get readyState(): number {
        return this.socket.readyState;
      }

      send(data: Uint8Array<ArrayBuffer>): void {
        recorder.sent.push(data.slice());
        this.socket.send(data);
      }

      close(code?: number, reason?: string): void {
        this.socket.close(code, reason);
      }

      addEventListener(type: 'open' | 'message' | 'close' | 'error', listener: (event: any) => void): void {
        this.socket.addEventListener(type, listener);
      }
    };
  }
}

/** One recorded WebSocket message with the obfuscation taken off, and the packets it completes. */
export interface TappedMessage {
  /** The bytes as they went over the socket. */
  wire: Uint8Array;
  /** The same bytes with obfuscated2's AES-256-CTR removed: transport frames. */
  frames: Uint8Array;
  /** The MTProto packets these frames complete (usually one). */
  packets: Uint8Array[];
}

/**
 * Reads a recorded obfuscated2 connection back. Without a proxy secret, obfuscation only hides
 * the protocol from middleboxes: whoever sees the 64-byte init can derive both AES-CTR streams,
 * which is what this does (the auth key is what protects the messages).
 */
export class WireTap {
  readonly framing: Framing;
  /** The protocol tag, decrypted from bytes 56..60 of the init. */
  readonly tag: Uint8Array;
  private readonly cipher: ObfuscatedCipher;
  private readonly up: FrameDecoder;
  private readonly down: FrameDecoder;

  constructor(readonly init: Uint8Array) {
    const { tag, cipher } = acceptObfuscatedClient(init);
    this.tag = tag;
    this.cipher = cipher;
    this.framing = framingForObfuscationTag(tag) as Framing; // acceptObfuscatedClient checked the tag
    this.up = this.framing.createDecoder();
    this.down = this.framing.createDecoder();
  }

  /** The next client -> server message after the init (messages must be fed in order). */
  fromClient(wire: Uint8Array): TappedMessage {
    const frames = this.cipher.decrypt(wire);
    return { wire, frames, packets: this.up.push(frames) };
  }

  /** The next server -> client message; CTR is symmetric, so the server's encrypting stream decrypts it. */
  fromServer(wire: Uint8Array): TappedMessage {
    const frames = this.cipher.encrypt(wire);
    return { wire, frames, packets: this.down.push(frames) };
  }
}
