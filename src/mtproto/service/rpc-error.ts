/** What an RPC error message says once its number is taken out. */
export interface RpcErrorKind {
  /** `FLOOD_WAIT` for FLOOD_WAIT_30, `FILE_PART_X_MISSING` for FILE_PART_7_MISSING, else the whole message. */
  type: string;
  /** The number Telegram puts in the message (seconds to wait, a DC id, a part index), if any. */
  value: number | undefined;
}

const TRAILING_NUMBER = /^(.+)_(\d+)$/;
const INNER_NUMBER = /^(.+?)_(\d+)_([A-Z][A-Z0-9_]*)$/;

/**
 * Splits an RPC error message into its type and number. Telegram appends the number
 * (`FLOOD_WAIT_30`, `SLOWMODE_WAIT_10`, `PHONE_MIGRATE_2`, `2FA_CONFIRM_WAIT_3600`): a trailing
 * `_<digits>` becomes `value` and is dropped from `type`. A few messages carry it inside
 * (`FILE_PART_7_MISSING`): there it becomes `value` and `X` in `type`, as the API docs write it.
 */
export function parseRpcErrorMessage(message: string): RpcErrorKind {
  const trailing = TRAILING_NUMBER.exec(message);
  if (trailing) {
    const value = Number(trailing[2]);
    if (Number.isSafeInteger(value)) return { type: trailing[1], value };
  }
  const inner = INNER_NUMBER.exec(message);
  if (inner) {
    const value = Number(inner[2]);
    if (Number.isSafeInteger(value)) return { type: `${inner[1]}_X_${inner[3]}`, value };
  }
  return { type: message, value: undefined };
}

/**
 * An `rpc_error` the server answered a call with: `code` 400, `type` "PEER_ID_INVALID" and the
 * raw `message`; for FLOOD_WAIT_30, `type` "FLOOD_WAIT" and `value` 30.
 */
export class RpcError extends Error {
  override readonly name = 'RpcError';
  readonly type: string;
  readonly value: number | undefined;

  constructor(
    /** error_code: 303 migrate, 400 bad request, 401, 403, 420 flood, 500, or negative for internal ones. */
    readonly code: number,
    /** error_message exactly as received. */
    message: string,
    /** The msg_id of the call it answers, when it came in an rpc_result. */
    readonly reqMsgId?: bigint,
  ) {
    super(message);
    ({ type: this.type, value: this.value } = parseRpcErrorMessage(message));
  }

  /** The canonical JSON of the rpc_error object. */
  toJSON(): { _: 'rpc_error'; errorCode: number; errorMessage: string } {
    return { _: 'rpc_error', errorCode: this.code, errorMessage: this.message };
  }

  override toString(): string {
    return `RpcError ${this.code}: ${this.message}`;
  }
}
