/**
 * tlwire/transport: MTProto packets over any WebSocket (obfuscated2 and the framings), in every
 * runtime. On Node the entry is node.ts, which adds the server.
 */
export { TransportError, type TransportErrorCode } from './errors.js';
export {
  abridged,
  DEFAULT_MAX_FRAME_SIZE,
  framingForObfuscationTag,
  full,
  intermediate,
  paddedIntermediate,
  type DecoderOptions,
  type EncoderOptions,
  type FrameDecoder,
  type FrameEncoder,
  type Framing,
  type FramingName,
} from './framing/index.js';
export { AesCtrStream } from './aes-ctr-stream.js';
export {
  acceptObfuscatedClient,
  OBFUSCATED_INIT_LENGTH,
  startObfuscatedClient,
  type ObfuscatedCipher,
  type ObfuscatedClientOptions,
  type ObfuscatedClientStart,
  type ObfuscatedServerStart,
} from './obfuscated2.js';
export {
  WebSocketConnection,
  DEFAULT_HANDSHAKE_TIMEOUT_MS,
  DEFAULT_IDLE_TIMEOUT_MS,
  type AcceptOptions,
  type ConnectionLimits,
  type ConnectOptions,
  type WebSocketConstructor,
  type WebSocketLike,
} from './websocket.js';
