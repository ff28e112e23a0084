/** bad_msg_notification error codes (core.telegram.org/mtproto/service_messages_about_messages). */
export const BAD_MSG = {
  MSG_ID_TOO_LOW: 16,
  MSG_ID_TOO_HIGH: 17,
  BAD_MSG_ID_PARITY: 18,
  EVEN_SEQNO_EXPECTED: 34,
  ODD_SEQNO_EXPECTED: 35,
  BAD_SERVER_SALT: 48,
  INVALID_CONTAINER: 64,
} as const;

/** Why a call on the loopback client failed without an answer from the server. */
export type SessionErrorCode =
  /** The connection ended (closed by either side) while the call was waiting for its answer. */
  | 'CONNECTION_CLOSED'
  /** No answer within the call's time limit. */
  | 'TIMEOUT'
  /** The server refused the message with a bad_msg_notification the client cannot fix by resending. */
  | 'BAD_MESSAGE'
  /** The server kept refusing the message after the client corrected salt or clock. */
  | 'TOO_MANY_RETRIES'
  /** A call on a client that was closed. */
  | 'CLOSED';

export class SessionError extends Error {
  override readonly name = 'SessionError';

  constructor(
    readonly code: SessionErrorCode,
    message: string,
    /** For BAD_MESSAGE: the bad_msg_notification error_code (16, 17, 32, 33, 34, 35, 64...). */
    readonly notificationCode?: number,
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${message}`, options);
  }
}
