/** Why the service layer refused a message or an argument. */
export type ServiceErrorCode =
  /** A typed result was asked for, but the body is not an rpc_result. */
  | 'NOT_RPC_RESULT'
  /** The layer has no function of that name. */
  | 'UNKNOWN_METHOD'
  /** A wrapper such as invokeWithLayer returns what its query returns: pass the call or the inner method. */
  | 'GENERIC_METHOD'
  /** A msg_container inside a msg_container, which MTProto forbids. */
  | 'NESTED_CONTAINER'
  /** A gzip_packed anywhere below another gzip_packed (also through rpc_result or msg_container). */
  | 'NESTED_GZIP'
  /** gzip data that inflates to more than the configured limit (for a message: all its gzip_packed together). */
  | 'INFLATE_LIMIT'
  /** A msg_container holding more messages than the configured maximum. */
  | 'CONTAINER_TOO_LARGE'
  /** Two messages of one msg_container share a msg_id. */
  | 'DUPLICATE_MSG_ID'
  /** A message of a msg_container has a msg_id not below the container's own. */
  | 'MSG_ID_NOT_BELOW_CONTAINER'
  /** A message of a msg_container has a msg_id of the other side's parity. */
  | 'BAD_MSG_ID_PARITY'
  /** gzip data that is malformed, truncated or fails its CRC-32 / length check. */
  | 'BAD_GZIP'
  /** A value passed to an encoder or an option that cannot be used. */
  | 'BAD_ARGUMENT';

/** A typed failure of the MTProto service layer (RPC errors from the server are {@link RpcError}). */
export class ServiceError extends Error {
  override readonly name = 'ServiceError';

  constructor(
    readonly code: ServiceErrorCode,
    readonly detail: string,
    /** The index of the msg_container message the error is about, when it is about one. */
    readonly item?: number,
  ) {
    super(item === undefined ? `${code}: ${detail}` : `${code}: message ${item} of msg_container: ${detail}`);
  }
}
