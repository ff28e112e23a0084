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
  /** A gzip_packed whose inflated bytes are gzip_packed again. */
  | 'NESTED_GZIP'
  /** gzip data that inflates to more than the configured limit. */
  | 'INFLATE_LIMIT'
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
  ) {
    super(`${code}: ${detail}`);
  }
}
