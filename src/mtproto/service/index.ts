/** The MTProto service layer: typed RPC results and errors, gzip_packed, msg_container, call wrappers. */
export { ServiceCodec, packIfSmaller, GZIP_PACKED_ID, RPC_ERROR_ID, RPC_RESULT_ID, type MessageEnvelope, type ServiceCodecOptions } from './codec.js';
export {
  encodeContainer,
  readContainerFrames,
  DEFAULT_MAX_CONTAINER_MESSAGES,
  MSG_CONTAINER_ID,
  type ContainerFrame,
  type ContainerMessage,
  type ContainerReadOptions,
} from './container.js';
export { ServiceError, type ServiceErrorCode } from './errors.js';
export { DEFAULT_MAX_INFLATED_BYTES, gunzipLimited, gzip, type InflateOptions } from './gzip.js';
export { RpcError, parseRpcErrorMessage, type ParsedRpcError, type RpcErrorName, type RpcErrorParams, type RpcErrorParamsOf } from './rpc-error.js';
export {
  SERVICE_MESSAGE_NAMES,
  type AnyMethods,
  type CallOf,
  type ConcreteMethod,
  type ConnectionInfo,
  type Incoming,
  type IncomingBody,
  type InnerMessage,
  type MethodTable,
  type PendingLookup,
  type ResultIn,
  type ResultMessage,
  type ServiceMessageName,
} from './types.js';
