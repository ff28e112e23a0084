/** Why a transport operation failed. */
export type TransportErrorCode =
  /** A frame header announces more than the configured maximum frame size. */
  | 'FRAME_TOO_LARGE'
  /** A frame header is malformed (unaligned, below the minimum, or a flag we never asked for). */
  | 'BAD_FRAME_LENGTH'
  /** An outgoing packet cannot be framed (not a multiple of 4 bytes, or too long for the framing). */
  | 'BAD_PACKET'
  /** Full transport: the CRC32 of a frame does not match. */
  | 'CRC_MISMATCH'
  /** Full transport: frames arrived out of sequence. */
  | 'SEQ_MISMATCH'
  /** The peer sent a transport error code such as -404 instead of a packet. */
  | 'SERVER_ERROR'
  /** The stream ended in the middle of a frame (or of the obfuscation init). */
  | 'TRUNCATED_FRAME'
  /** The 64-byte obfuscated2 init is malformed or was sealed with another secret. */
  | 'BAD_OBFUSCATION_INIT'
  /** An option or argument is invalid. */
  | 'BAD_ARGUMENT'
  /** The WebSocket could not be opened. */
  | 'CONNECT_FAILED'
  /** Sending on a connection that is not (or no longer) open. */
  | 'NOT_OPEN'
  /** The underlying socket reported an error. */
  | 'SOCKET_ERROR'
  /** A WebSocket text frame arrived where only binary frames are allowed. */
  | 'UNEXPECTED_MESSAGE'
  /** Server: no obfuscated2 init and first packet in time; client: the WebSocket did not open in time. */
  | 'HANDSHAKE_TIMEOUT'
  /** No packet received for the idle timeout. */
  | 'IDLE_TIMEOUT'
  /** More bytes received and not read than the connection's buffer limit. */
  | 'BUFFER_LIMIT';

/** Meanings of the transport error codes documented by Telegram. */
const SERVER_ERROR_MEANINGS: Record<number, string> = {
  [-404]: 'auth key not found or packet malformed',
  [-429]: 'too many connections or transport flood',
  [-444]: 'invalid DC',
};

export class TransportError extends Error {
  override readonly name = 'TransportError';

  constructor(
    readonly code: TransportErrorCode,
    message: string,
    /** For SERVER_ERROR: the negative code the peer sent. */
    readonly serverCode?: number,
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${message}`, options);
  }

  static fromServerCode(serverCode: number): TransportError {
    const meaning = SERVER_ERROR_MEANINGS[serverCode] ?? 'unknown transport error';
    return new TransportError('SERVER_ERROR', `peer sent transport error ${serverCode} (${meaning})`, serverCode);
  }
}
