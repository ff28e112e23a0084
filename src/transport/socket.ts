/**
 * The one adapter between the transport and a WebSocket: any standard one (browsers, Deno, Bun,
 * Node 22+) or the `ws` package, which Node takes by default for its limits (maxPayload refuses a
 * big message from its header; pause/resume give backpressure).
 */
import type { default as NodeWebSocket } from 'ws';
import { TransportError } from './errors.js';

/** The part of the WebSocket API used here, common to the standard one and `ws`. */
export interface WebSocketLike {
  binaryType: string;
  readonly readyState: number;
  send(data: Uint8Array<ArrayBuffer>): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open' | 'message' | 'close' | 'error', listener: (event: any) => void): void;
  /** `ws` only: stop reading from the socket (backpressure); without it a lagging consumer is disconnected at the buffer limit. */
  pause?(): void;
  resume?(): void;
  /** `ws` only: drop the connection without waiting for the peer's close frame. */
  terminate?(): void;
}

/** `options.maxPayload` is passed for `ws`; the standard constructor ignores the third argument. */
export type WebSocketConstructor = new (url: string, protocols?: string | string[], options?: { maxPayload?: number }) => WebSocketLike;

/**
 * The WebSocket a connection opens when none is given: `ws` on Node, loaded through
 * process.getBuiltinModule rather than an import so that a browser bundle holds neither it nor a
 * node: module; elsewhere the runtime's own.
 */
export function defaultWebSocket(): WebSocketConstructor {
  const onNode = typeof process === 'object' && typeof process.versions?.node === 'string' && !('Bun' in globalThis) && !('Deno' in globalThis);
  if (onNode && typeof process.getBuiltinModule === 'function') {
    const { createRequire } = process.getBuiltinModule('node:module');
    return createRequire(import.meta.url)('ws') as typeof NodeWebSocket;
  }
  const standard = (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  if (standard === undefined) throw new TransportError('BAD_ARGUMENT', 'this runtime has no WebSocket: pass options.WebSocket (e.g. the `ws` package)');
  return standard;
}

/** The message's bytes: an ArrayBuffer (binaryType "arraybuffer") or a view (`ws` fragments); undefined for a text frame. */
export function messageBytes(data: unknown): Uint8Array | undefined {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return undefined;
}
