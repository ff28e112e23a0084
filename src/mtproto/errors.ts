/** Why an MTProto operation was rejected. */
export type MtprotoErrorCode =
  /** The auth key is not 256 bytes long. */
  | 'BAD_AUTH_KEY'
  /** AES-IGE got a key, IV or data of the wrong size. */
  | 'BAD_AES_INPUT'
  /** The packet carries another auth_key_id than ours (or is not a plaintext packet). */
  | 'AUTH_KEY_ID_MISMATCH'
  /** The msg_key recomputed from the decrypted data differs from the received one. */
  | 'MSG_KEY_MISMATCH'
  /** The packet is too short, too long or not made of whole AES blocks. */
  | 'BAD_LENGTH'
  /** message_data_length is out of bounds or not a multiple of 4. */
  | 'BAD_DATA_LENGTH'
  /** The padding is outside the 12..1024 bytes MTProto 2.0 allows. */
  | 'BAD_PADDING'
  /** The message belongs to another session. */
  | 'SESSION_MISMATCH'
  /** msg_id has the wrong parity for its sender (or is not positive). */
  | 'BAD_MSG_ID'
  /** MsgIdGuard: msg_id more than the allowed age (300 s) older than the server time. */
  | 'MSG_ID_TOO_OLD'
  /** MsgIdGuard: msg_id more than the allowed lead (30 s) ahead of the server time. */
  | 'MSG_ID_TOO_NEW'
  /** MsgIdGuard: msg_id received before (a replay). */
  | 'MSG_ID_REPLAYED'
  /** MsgIdGuard: msg_id below every remembered one once the window is full: it may be a forgotten replay. */
  | 'MSG_ID_BELOW_FLOOR'
  /** A value passed to an encoder cannot be represented on the wire. */
  | 'BAD_ARGUMENT';

export class MtprotoError extends Error {
  override readonly name = 'MtprotoError';

  constructor(
    readonly code: MtprotoErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}
