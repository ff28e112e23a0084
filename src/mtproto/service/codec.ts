import { formatId } from '../../common/bytes.js';
import type { LayerCodec } from '../../layer.js';
import { isUnknownIdError } from '../../known-length.js';
import { TlDecodeError } from '../../runtime/errors.js';
import { isTlUnknown, tlUnknown, type TlUnknown } from '../../runtime/unknown.js';
import { readLong } from '../../runtime/primitives/long.js';
import { need, readId, Reader, type DecodeOptions } from '../../runtime/reader.js';
import { writeUint32 } from '../../runtime/primitives/int.js';
import { writeBytes } from '../../runtime/primitives/bytes.js';
import { Writer } from '../../runtime/writer.js';
import type { Sender } from '../crypto/keys.js';
import { checkMaxMessages, DEFAULT_MAX_CONTAINER_MESSAGES, MSG_CONTAINER_ID, readContainerFrames } from './container.js';
import { ServiceError } from './errors.js';
import { DEFAULT_MAX_INFLATED_BYTES, gunzipLimited, gzip } from './gzip.js';
import { RpcError } from './rpc-error.js';
import {
  SERVICE_MESSAGE_NAMES,
  type AnyMethods,
  type CallOf,
  type ConcreteMethod,
  type ConnectionInfo,
  type Incoming,
  type IncomingBody,
  type MethodTable,
  type PendingLookup,
  type ResultIn,
} from './types.js';

export const RPC_RESULT_ID = 0xf35c6d01;
export const RPC_ERROR_ID = 0x2144ca19;
export const GZIP_PACKED_ID = 0x3072cfa1;

/** How deep initConnection(invokeWithLayer(...)) chains may go before a call is taken as malformed. */
const MAX_WRAPPER_DEPTH = 16;

/** The codec's decode limits and leniency apply to every body, and to inflated data. */
export interface ServiceCodecOptions extends DecodeOptions {
  /**
   * Most bytes one decoded message may inflate to, all its gzip_packed together (top level,
   * container messages, rpc_result bodies); default 16 MiB.
   */
  maxInflatedBytes?: number;
  /** Most messages a msg_container may hold (default 1024). */
  maxContainerMessages?: number;
  /** Who sends the messages decoded: the msg_ids inside a container must have its parity (default 'server'). */
  from?: Sender;
}

/** What {@link ServiceCodec.decodeMessage} knows of the message's envelope. */
export interface MessageEnvelope {
  /** The message's own msg_id: the msg_ids inside a msg_container must be below it. */
  msgId?: bigint;
}

type ResultReader = (r: Reader) => unknown;

/** State of one decodeMessage / decodeResult call: every inflation in it draws on one budget. */
interface DecodeScope {
  /** Inflated bytes this message may still produce. */
  budgetLeft: number;
  msgId: bigint | undefined;
}

const SERVICE_MESSAGES: ReadonlySet<string> = new Set(SERVICE_MESSAGE_NAMES);

/**
 * Serializes a body as gzip_packed when that is smaller, else returns it unchanged. Worth it for
 * large calls (long texts, many ids); small ones never shrink.
 */
export function packIfSmaller(body: Uint8Array): Uint8Array {
  const packed = gzip(body);
  const w = new Writer(packed.length + 8);
  writeUint32(w, GZIP_PACKED_ID);
  writeBytes(w, packed);
  return w.pos < body.length ? w.result() : body;
}

function peekId(bytes: Uint8Array): number {
  return peekAt(new Reader(bytes));
}

/** The constructor id at the reader's position, without moving it. */
function peekAt(r: Reader): number {
  need(r, 4, 'constructor id');
  return r.view.getUint32(r.pos, true);
}

/**
 * The MTProto service layer over one TL layer: decodes what a server sends (rpc_result typed by
 * the pending call's method, gzip_packed inflated under a size limit, rpc_error as
 * {@link RpcError}, msg_container split into its messages, service messages) and builds what a
 * client sends (invokeWithLayer, initConnection; see also encodeContainer and packIfSmaller).
 *
 * Type it with a generated layer's tables for typed results:
 * `new ServiceCodec<Methods, TlObject>(layer)` makes `decodeResult('messages.getStatsURL', body)`
 * a `StatsURL`.
 */
export class ServiceCodec<M extends MethodTable<M> = AnyMethods, O extends { _: string } = { _: string }> {
  private readonly decodeOptions: DecodeOptions;
  private readonly maxInflatedBytes: number;
  private readonly maxContainerMessages: number;
  private readonly from: Sender;

  constructor(
    readonly layer: LayerCodec,
    options: ServiceCodecOptions = {},
  ) {
    const missing = ['rpc_result', 'rpc_error', 'gzip_packed', 'msg_container'].filter((name) => layer.idOf(name) === undefined);
    if (missing.length) {
      throw new ServiceError('BAD_ARGUMENT', `layer ${layer.layer} lacks the MTProto service schema (${missing.join(', ')}): generate it with mtproto-service-official.tl`);
    }
    const { maxInflatedBytes = DEFAULT_MAX_INFLATED_BYTES, maxContainerMessages = DEFAULT_MAX_CONTAINER_MESSAGES, from = 'server', ...decodeOptions } = options;
    if (!Number.isSafeInteger(maxInflatedBytes) || maxInflatedBytes < 0) {
      throw new ServiceError('BAD_ARGUMENT', `maxInflatedBytes must be a whole number of bytes, got ${maxInflatedBytes}`);
    }
    if (from !== 'server' && from !== 'client') throw new ServiceError('BAD_ARGUMENT', `from is 'server' or 'client', got ${String(from)}`);
    this.decodeOptions = decodeOptions;
    this.maxInflatedBytes = maxInflatedBytes;
    this.maxContainerMessages = checkMaxMessages(maxContainerMessages);
    this.from = from;
  }

  /**
   * The result of `method` from an rpc_result body (inflating gzip_packed), typed by the method.
   * An rpc_error in it is thrown as {@link RpcError}; a body that is no rpc_result is a
   * ServiceError NOT_RPC_RESULT; bad bytes are a TlDecodeError (inside gzip, offsets count in
   * the inflated data).
   */
  decodeResult<N extends ConcreteMethod<M>>(method: N, body: Uint8Array): M[N]['result'] {
    return this.resultOf<M[N]['result']>(body, this.resultReader(method));
  }

  /** Like {@link decodeResult}, for the call that was sent: a wrapper gives its query's result. */
  decodeResultOf<F extends CallOf<M>>(call: F, body: Uint8Array): ResultIn<M, F> {
    return this.resultOf<ResultIn<M, F>>(body, this.resultReader(this.innermostMethod(call)));
  }

  /**
   * Decodes any incoming message body. `pending` names the call each rpc_result answers; a
   * msg_container is split and each message decoded the same way (bodies may answer different
   * calls; their msg_ids must be unique, of the sender's parity and below `envelope.msgId`);
   * gzip_packed is inflated and what it holds decoded, but gzip_packed below gzip_packed is
   * refused and all inflations of the message share one budget (`maxInflatedBytes`).
   * Results not inflated are views into `body`, not copies.
   */
  decodeMessage(body: Uint8Array, pending: PendingLookup<M> = () => undefined, envelope: MessageEnvelope = {}): Incoming<M, O> {
    return this.dispatch(body, pending, this.scope(envelope.msgId), false, false) as Incoming<M, O>;
  }

  /** The method whose result a call returns: its own, or through wrappers, its innermost query's. */
  innermostMethod(call: CallOf<M>): ConcreteMethod<M> {
    let current: unknown = call;
    for (let depth = 0; depth <= MAX_WRAPPER_DEPTH; depth++) {
      const name = (current as { _?: unknown } | null)?._;
      if (typeof name !== 'string') throw new ServiceError('BAD_ARGUMENT', 'a call is an object whose "_" names a function');
      const reader = this.layer.resultReader(name);
      if (reader === undefined) throw new ServiceError('UNKNOWN_METHOD', `layer ${this.layer.layer} has no function ${name}`);
      // The registry knows the name; only the table's type can say it is a ConcreteMethod.
      if (reader !== 'query') return name as unknown as ConcreteMethod<M>;
      current = (current as { query?: unknown }).query;
    }
    throw new ServiceError('BAD_ARGUMENT', `wrappers nested more than ${MAX_WRAPPER_DEPTH} deep`);
  }

  /** `invokeWithLayer#da9b0d0d {X:Type} layer:int query:!X = X` around a call; the layer defaults to this one. */
  invokeWithLayer<Q extends CallOf<M>>(query: Q, layer: number = this.layer.layer): { _: 'invokeWithLayer'; layer: number; query: Q } {
    return { _: 'invokeWithLayer', layer, query };
  }

  /** `initConnection#c1cd5ea9 {X:Type} ... query:!X = X` around a call. */
  initConnection<Q extends CallOf<M>>(info: ConnectionInfo<M>, query: Q): ConnectionInfo<M> & { _: 'initConnection'; query: Q } {
    return { ...info, _: 'initConnection', query };
  }

  /** Serializes a call (or any object of the layer), boxed. */
  encode(value: CallOf<M> | O): Uint8Array {
    return this.layer.encode(value);
  }

  private resultReader(method: string): ResultReader {
    const reader = this.layer.resultReader(method);
    if (reader === undefined) throw new ServiceError('UNKNOWN_METHOD', `layer ${this.layer.layer} has no function ${method}`);
    if (reader === 'query') {
      throw new ServiceError('GENERIC_METHOD', `${method} returns what its query returns: pass the call itself, or the innermost method`);
    }
    return reader;
  }

  /** The result reader's value, typed by the caller from the method it picked the reader for. */
  private resultOf<T>(body: Uint8Array, read: ResultReader): T {
    const id = peekId(body);
    if (id !== RPC_RESULT_ID) throw new ServiceError('NOT_RPC_RESULT', `expected rpc_result#f35c6d01, found ${this.describeId(id)}`);
    const answer = this.readRpcResult(body, () => ({ method: undefined, read }), this.scope(undefined), false);
    if (answer.kind === 'error') throw answer.error;
    // readerFor names a reader and unknown results are not kept: the answer is a result.
    return (answer as { result: T }).result;
  }

  private describeId(id: number): string {
    const hex = formatId(id);
    const name = this.layer.nameOf(id);
    return name ? `${name}#${hex}` : `unknown id 0x${hex}`;
  }

  private scope(msgId: bigint | undefined): DecodeScope {
    return { budgetLeft: this.maxInflatedBytes, msgId };
  }

  private dispatch(body: Uint8Array, pending: PendingLookup<M>, scope: DecodeScope, inContainer: boolean, inflated: boolean): Incoming<M, O> {
    switch (peekId(body)) {
      case RPC_RESULT_ID: {
        const readerFor = (reqMsgId: bigint) => {
          const call = pending(reqMsgId);
          if (call === undefined) return undefined;
          const method = typeof call === 'string' ? call : this.innermostMethod(call);
          return { method, read: this.resultReader(method) };
        };
        return this.readRpcResult(body, readerFor, scope, inflated, true) as Incoming<M, O>;
      }
      case MSG_CONTAINER_ID: {
        if (inContainer) throw new ServiceError('NESTED_CONTAINER', 'a msg_container holds another msg_container');
        const frames = readContainerFrames(body, { ...this.decodeOptions, maxMessages: this.maxContainerMessages, msgId: scope.msgId, sender: this.from });
        const messages = frames.map((frame, i) => {
          try {
            return { msgId: frame.msgId, seqno: frame.seqno, message: this.dispatch(frame.body, pending, scope, true, inflated) as IncomingBody<M, O> };
          } catch (e) {
            if (e instanceof TlDecodeError) e.path.unshift('messages', i, 'body');
            if (e instanceof ServiceError && e.item === undefined) throw new ServiceError(e.code, e.detail, i);
            throw e;
          }
        });
        return { kind: 'container', messages };
      }
      case GZIP_PACKED_ID:
        if (inflated) throw new ServiceError('NESTED_GZIP', 'a gzip_packed inside the data of another gzip_packed');
        return this.dispatch(this.inflate(body, scope), pending, scope, inContainer, true);
      case RPC_ERROR_ID:
        return { kind: 'error', reqMsgId: undefined, error: this.readRpcError(body, undefined) };
      default: {
        const value = this.decodeBody(body);
        if (isTlUnknown(value)) return { kind: 'unknown', reqMsgId: undefined, body: value };
        return (SERVICE_MESSAGES.has(value._) ? { kind: 'service', body: value } : { kind: 'object', body: value }) as Incoming<M, O>;
      }
    }
  }

  /** A message body (its length is known): lenient decoding keeps an unknown constructor in it as an unknown node. */
  private decodeBody(body: Uint8Array): { _: string } | TlUnknown {
    try {
      return this.layer.decode(body, this.decodeOptions) as { _: string };
    } catch (e) {
      if (this.decodeOptions.strict === false && isUnknownIdError(e, this.layer)) return tlUnknown(body);
      throw e;
    }
  }

  /**
   * rpc_result#f35c6d01 req_msg_id:long result:Object: the result is read with the reader the
   * caller picks by req_msg_id, after inflating gzip_packed; rpc_error needs no reader.
   */
  private readRpcResult(
    body: Uint8Array,
    readerFor: (reqMsgId: bigint) => { method: string | undefined; read: ResultReader } | undefined,
    scope: DecodeScope,
    inflated: boolean,
    keepUnknown = false,
  ):
    | { kind: 'result'; reqMsgId: bigint; method: string | undefined; result: unknown }
    | { kind: 'error'; reqMsgId: bigint; error: RpcError }
    | { kind: 'unknown_result'; reqMsgId: bigint; result: Uint8Array }
    | { kind: 'unknown'; reqMsgId: bigint; body: TlUnknown } {
    const r = new Reader(body, this.decodeOptions);
    readId(r);
    const reqMsgId = readLong(r);
    let payload = body;
    let start = r.pos;
    let resultId = peekAt(r);
    if (resultId === GZIP_PACKED_ID) {
      if (inflated) throw new ServiceError('NESTED_GZIP', 'an rpc_result inside the data of a gzip_packed holds another gzip_packed');
      payload = this.inflate(body.subarray(start), scope);
      start = 0;
      resultId = peekId(payload);
      if (resultId === GZIP_PACKED_ID) throw new ServiceError('NESTED_GZIP', 'a gzip_packed inside the data of another gzip_packed');
    }
    const result = payload.subarray(start);
    if (resultId === RPC_ERROR_ID) return { kind: 'error', reqMsgId, error: this.readRpcError(result, reqMsgId) };
    const target = readerFor(reqMsgId);
    if (target === undefined) return { kind: 'unknown_result', reqMsgId, result };
    const { method, read } = target;
    const rr = new Reader(payload, this.decodeOptions);
    rr.pos = start;
    try {
      const value = read(rr);
      if (rr.pos !== rr.end) throw new TlDecodeError('TRAILING_BYTES', rr.pos, `${rr.end - rr.pos} bytes left after the result`);
      return { kind: 'result', reqMsgId, method, result: value };
    } catch (e) {
      if (keepUnknown && this.decodeOptions.strict === false && isUnknownIdError(e, this.layer)) return { kind: 'unknown', reqMsgId, body: tlUnknown(result) };
      throw this.refine(e, 'result');
    }
  }

  private readRpcError(bytes: Uint8Array, reqMsgId: bigint | undefined): RpcError {
    const value = this.layer.decode(bytes, { ...this.decodeOptions, as: 'rpc_error' }) as { errorCode: number; errorMessage: string };
    return new RpcError(value.errorCode, value.errorMessage, reqMsgId);
  }

  /** Inflates a gzip_packed within what is left of the message's budget, and charges it. */
  private inflate(bytes: Uint8Array, scope: DecodeScope): Uint8Array {
    const packed = this.layer.decode(bytes, { ...this.decodeOptions, as: 'gzip_packed' }) as { packedData: Uint8Array };
    let inflated: Uint8Array;
    try {
      inflated = gunzipLimited(packed.packedData, { maxBytes: scope.budgetLeft });
    } catch (e) {
      if (e instanceof ServiceError && e.code === 'INFLATE_LIMIT') {
        throw new ServiceError('INFLATE_LIMIT', `the gzip_packed of one message inflate to more than the limit of ${this.maxInflatedBytes} bytes in total`);
      }
      throw e;
    }
    scope.budgetLeft -= inflated.length;
    return inflated;
  }

  /** As LayerCodec refines its errors; the path starts at `field`. */
  private refine(e: unknown, field: string): unknown {
    if (!(e instanceof TlDecodeError)) return e;
    this.layer.refineError(e);
    e.path.unshift(field);
    return e;
  }
}
