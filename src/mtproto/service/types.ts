import type { TlUnknown } from '../../runtime/unknown.js';
import type { RpcError } from './rpc-error.js';

/**
 * The shape of a generated layer's `Methods` table (src/generated/layerN/types.ts): each
 * function's parameters and result. `ServiceCodec<Methods>` takes its types from it.
 */
export type MethodTable<M> = { [N in keyof M]: { params: unknown; result: unknown } };

/** For a layer chosen at run time: any function name, results of unknown shape. */
export type AnyMethods = Record<string, { params: { _: string }; result: {} | null }>;

/**
 * Functions with a result type of their own. The `{X:Type}` wrappers (invokeWithLayer,
 * initConnection, ...) have `result: unknown` in the table: they return what their query returns.
 */
export type ConcreteMethod<M> = { [N in keyof M]: M[N] extends { result: infer R } ? (unknown extends R ? never : N) : never }[keyof M] & string;

/** Any call of the layer, as a `!X` field holds it. */
export type CallOf<M> = { [N in keyof M]: M[N] extends { params: infer P } ? P : never }[keyof M];

/** What calling `F` returns: its method's result, or for a wrapper what its query returns. */
export type ResultIn<M, F> = F extends { _: infer N extends keyof M }
  ? M[N] extends { result: infer R }
    ? unknown extends R
      ? F extends { query: infer Q }
        ? ResultIn<M, Q>
        : unknown
      : R
    : never
  : never;

/** The fields of initConnection other than its query: api_id, device_model, ..., optional proxy and params. */
export type ConnectionInfo<M> = M extends { initConnection: { params: infer P } } ? Omit<P, '_' | 'query'> : never;

/**
 * The MTProto service messages a server sends on its own (not as an rpc_result): acks,
 * notifications about bad messages and salts, session events, pong, future salts, message
 * state and resend traffic. https://core.telegram.org/mtproto/service_messages
 */
export const SERVICE_MESSAGE_NAMES = [
  'msgs_ack',
  'bad_msg_notification',
  'bad_server_salt',
  'new_session_created',
  'pong',
  'future_salts',
  'msg_detailed_info',
  'msg_new_detailed_info',
  'msgs_state_req',
  'msgs_state_info',
  'msgs_all_info',
  'msg_resend_req',
  'destroy_session_ok',
  'destroy_session_none',
  'http_wait',
] as const;

export type ServiceMessageName = (typeof SERVICE_MESSAGE_NAMES)[number];

/** The constructors {@link ServiceCodec.decodeMessage} unwraps itself instead of returning them. */
type Unwrapped = 'rpc_result' | 'rpc_error' | 'msg_container' | 'gzip_packed';

/** An rpc_result for a pending call whose method the lookup knew: the result is typed by the method. */
export type ResultMessage<M> = {
  [N in ConcreteMethod<M>]: { kind: 'result'; reqMsgId: bigint; method: N; result: M[N] extends { result: infer R } ? R : never };
}[ConcreteMethod<M>];

/** An incoming message body other than a container. */
export type IncomingBody<M, O> =
  | ResultMessage<M>
  /** An rpc_result carrying rpc_error (or a bare rpc_error, then without reqMsgId). */
  | { kind: 'error'; reqMsgId: bigint | undefined; error: RpcError }
  /** An rpc_result for a msg_id the lookup did not know; `result` is its serialized result, a view into the body (or its inflated data). */
  | { kind: 'unknown_result'; reqMsgId: bigint; result: Uint8Array }
  /**
   * Lenient decoding only: a body, or an rpc_result's result (then with its reqMsgId), holding a
   * constructor id the layer does not know, kept whole so the rest of a container still decodes.
   */
  | { kind: 'unknown'; reqMsgId: bigint | undefined; body: TlUnknown }
  | { kind: 'service'; body: Extract<O, { _: ServiceMessageName }> }
  /** Anything else, such as updates. */
  | { kind: 'object'; body: Exclude<O, { _: ServiceMessageName | Unwrapped }> };

/** One message of a msg_container, decoded. */
export interface InnerMessage<M, O> {
  msgId: bigint;
  seqno: number;
  message: IncomingBody<M, O>;
}

/** A decoded incoming message body. */
export type Incoming<M, O> = IncomingBody<M, O> | { kind: 'container'; messages: InnerMessage<M, O>[] };

/**
 * Which call an rpc_result answers, by its req_msg_id: the method name, or the call itself
 * (a wrapper is resolved to its innermost query). Undefined for a msg_id not pending.
 */
export type PendingLookup<M> = (reqMsgId: bigint) => ConcreteMethod<M> | CallOf<M> | undefined;
