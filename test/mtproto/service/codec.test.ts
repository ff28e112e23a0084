import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as L133 from '../../../src/generated/layer133/types.js';
import type * as L228 from '../../../src/generated/layer228/types.js';
import { concatBytes, fromHex, toHex } from '../../../src/common/bytes.js';
import {
  encodeContainer,
  gzip,
  packIfSmaller,
  readContainerFrames,
  RpcError,
  ServiceCodec,
  ServiceError,
  type ConnectionInfo,
  type Incoming,
  type ServiceErrorCode,
} from '../../../src/mtproto/service/index.js';
import { TlDecodeError, type DecodeErrorCode } from '../../../src/runtime/errors.js';
import { LAYERS, readJsonl, type PositiveCase } from '../../helpers.js';
import { gibibyteBomb } from './bomb.js';

const layer = LAYERS[133];
const codec = new ServiceCodec<L133.Methods, L133.TlObject>(layer);
const untyped = new ServiceCodec(layer);

const getStatsURL: L133.messages_getStatsURL = { _: 'messages.getStatsURL', dark: true, peer: { _: 'inputPeerSelf' }, params: '' };
const statsURL: L133.statsURL = { _: 'statsURL', url: `https://t.me/stats/${'abc'.repeat(100)}` };
const reqMsgId = 7031549623012130816n;


/** rpc_result#f35c6d01 req_msg_id:long result:Object, around already serialized result bytes (a bare Vector too). */
function rpcResult(id: bigint, result: Uint8Array): Uint8Array {
  const head = new Uint8Array(12);
  const view = new DataView(head.buffer);
  view.setUint32(0, 0xf35c6d01, true);
  view.setBigInt64(4, id, true);
  return concatBytes(head, result);
}

function gzipPacked(inner: Uint8Array): Uint8Array {
  return layer.encode({ _: 'gzip_packed', packedData: gzip(inner) });
}

function rpcError(code: number, message: string): Uint8Array {
  return layer.encode({ _: 'rpc_error', errorCode: code, errorMessage: message });
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}

function serviceCode(fn: () => unknown): ServiceErrorCode {
  const e = thrown(fn);
  expect(e).toBeInstanceOf(ServiceError);
  return (e as ServiceError).code;
}

function decodeError(fn: () => unknown): TlDecodeError {
  const e = thrown(fn);
  expect(e).toBeInstanceOf(TlDecodeError);
  return e as TlDecodeError;
}

function rpcErrorOf(fn: () => unknown): RpcError {
  const e = thrown(fn);
  expect(e).toBeInstanceOf(RpcError);
  return e as RpcError;
}

describe('decodeResult: the typed result of a method', () => {
  it('rpc_result(statsURL) is a StatsURL for messages.getStatsURL', () => {
    const result = codec.decodeResult('messages.getStatsURL', layer.encode({ _: 'rpc_result', reqMsgId, result: statsURL }));
    expectTypeOf(result).toEqualTypeOf<L133.StatsURL>();
    expect(result).toEqual(statsURL);
    expect(result.url).toBe(statsURL.url);
  });

  it('rpc_result(gzip_packed(statsURL)) is the same StatsURL', () => {
    const plain = layer.encode(statsURL);
    const packed = packIfSmaller(plain);
    expect(packed.length).toBeLessThan(plain.length);
    expect(toHex(packed.subarray(0, 4))).toBe('a1cf7230');
    const result = codec.decodeResult('messages.getStatsURL', rpcResult(reqMsgId, packed));
    expect(result).toEqual(statsURL);
  });

  it('reads a bare Vector and a Bool result with the method’s own reader', () => {
    const users: L133.User[] = [{ _: 'userEmpty', id: 42n }, { _: 'userEmpty', id: -1n }];
    const vector = concatBytes(fromHex('15c4b51c02000000'), ...users.map((u) => layer.encode(u)));
    const decoded = codec.decodeResult('users.getUsers', rpcResult(reqMsgId, vector));
    expectTypeOf(decoded).toEqualTypeOf<L133.User[]>();
    expect(decoded).toEqual(users);
    expect(codec.decodeResult('users.getUsers', rpcResult(reqMsgId, gzipPacked(vector)))).toEqual(users);

    const loggedOut = codec.decodeResult('auth.logOut', rpcResult(reqMsgId, fromHex('b5757299')));
    expectTypeOf(loggedOut).toEqualTypeOf<boolean>();
    expect(loggedOut).toBe(true);
  });

  it('rpc_error 400 PEER_ID_INVALID is thrown as a typed RpcError', () => {
    const error = rpcErrorOf(() => codec.decodeResult('messages.getStatsURL', rpcResult(reqMsgId, rpcError(400, 'PEER_ID_INVALID'))));
    expect(error.code).toBe(400);
    expect(error.pattern).toBe('PEER_ID_INVALID');
    expect(error.message).toBe('PEER_ID_INVALID');
    expect(error.value).toBeUndefined();
    expect(error.reqMsgId).toBe(reqMsgId);
  });

  it('a gzipped FLOOD_WAIT_30 is an RpcError of pattern FLOOD_WAIT_%d with seconds 30', () => {
    const error = rpcErrorOf(() => codec.decodeResult('messages.getStatsURL', rpcResult(reqMsgId, gzipPacked(rpcError(420, 'FLOOD_WAIT_30')))));
    expect([error.code, error.pattern, error.params, error.value, error.message]).toEqual([420, 'FLOOD_WAIT_%d', { seconds: 30 }, 30, 'FLOOD_WAIT_30']);
  });

  it('works for layer 228 with its own tables', () => {
    const codec228 = new ServiceCodec<L228.Methods, L228.TlObject>(LAYERS[228]);
    const nearest: L228.nearestDc = { _: 'nearestDc', country: 'NL', thisDc: 2, nearestDc: 4 };
    const result = codec228.decodeResult('help.getNearestDc', rpcResult(reqMsgId, LAYERS[228].encode(nearest)));
    expectTypeOf(result).toEqualTypeOf<L228.NearestDc>();
    expect(result).toEqual(nearest);
  });

  it('refuses a body that is no rpc_result', () => {
    expect(serviceCode(() => codec.decodeResult('messages.getStatsURL', layer.encode(statsURL)))).toBe('NOT_RPC_RESULT');
    expect(decodeError(() => codec.decodeResult('messages.getStatsURL', fromHex('016d'))).code).toBe('TRUNCATED');
  });

  it('reports a result of the wrong type, trailing bytes and truncation as TlDecodeError under `result`', () => {
    const nearest = layer.encode({ _: 'nearestDc', country: 'NL', thisDc: 2, nearestDc: 4 });
    const wrong = decodeError(() => codec.decodeResult('messages.getStatsURL', rpcResult(reqMsgId, nearest)));
    expect(wrong.code).toBe('WRONG_CONSTRUCTOR');
    expect(wrong.constructorName).toBe('nearestDc');
    expect(wrong.path[0]).toBe('result');
    expect(wrong.offset).toBe(12);

    const body = rpcResult(reqMsgId, layer.encode(statsURL));
    const trailing = decodeError(() => codec.decodeResult('messages.getStatsURL', concatBytes(body, new Uint8Array(4))));
    expect([trailing.code, trailing.offset]).toEqual(['TRAILING_BYTES', body.length]);
    for (const n of [4, 11, 12, 15, 20, body.length - 1]) {
      expect(decodeError(() => codec.decodeResult('messages.getStatsURL', body.subarray(0, n))).code).toBe('TRUNCATED');
    }
  });

  it('will not guess the result of a wrapper from its name, nor of an unknown function', () => {
    const body = rpcResult(reqMsgId, layer.encode(statsURL));
    // @ts-expect-error invokeWithLayer returns what its query returns: its name alone has no result type.
    expect(serviceCode(() => codec.decodeResult('invokeWithLayer', body))).toBe('GENERIC_METHOD');
    expect(serviceCode(() => untyped.decodeResult('initConnection', body))).toBe('GENERIC_METHOD');
    expect(serviceCode(() => untyped.decodeResult('messages.getStatsURLs', body))).toBe('UNKNOWN_METHOD');
  });

  it('applies the inflate limit and refuses bad or nested gzip', () => {
    const body = rpcResult(reqMsgId, gzipPacked(layer.encode(statsURL)));
    const small = new ServiceCodec<L133.Methods, L133.TlObject>(layer, { maxInflatedBytes: 64 });
    expect(serviceCode(() => small.decodeResult('messages.getStatsURL', body))).toBe('INFLATE_LIMIT');

    const corrupt = body.slice();
    corrupt[corrupt.length - 12] ^= 0xff;
    expect(serviceCode(() => codec.decodeResult('messages.getStatsURL', corrupt))).toBe('BAD_GZIP');

    const notGzip = rpcResult(reqMsgId, layer.encode({ _: 'gzip_packed', packedData: layer.encode(statsURL) }));
    expect(serviceCode(() => codec.decodeResult('messages.getStatsURL', notGzip))).toBe('BAD_GZIP');

    const empty = rpcResult(reqMsgId, gzipPacked(new Uint8Array(0)));
    expect(decodeError(() => codec.decodeResult('messages.getStatsURL', empty)).code).toBe('TRUNCATED');
    expect(decodeError(() => codec.decodeMessage(empty)).code).toBe('TRUNCATED');

    const twice = rpcResult(reqMsgId, gzipPacked(gzipPacked(layer.encode(statsURL))));
    expect(serviceCode(() => codec.decodeResult('messages.getStatsURL', twice))).toBe('NESTED_GZIP');
  });

  it('inflates only one level, so a few KiB of gzip in gzip (1 GiB at the bottom) stops after ~1 MiB', () => {
    const inner = layer.encode({ _: 'gzip_packed', packedData: gibibyteBomb() });
    const body = rpcResult(reqMsgId, gzipPacked(inner));
    expect(body.length).toBeLessThan(8 * 1024);
    expect(serviceCode(() => codec.decodeResult('messages.getStatsURL', body))).toBe('NESTED_GZIP');
    expect(serviceCode(() => codec.decodeMessage(body, () => 'messages.getStatsURL'))).toBe('NESTED_GZIP');
  });

  it('passes its decode options on to the result and refuses a bad inflate limit', () => {
    const padded = layer.encode({ _: 'statsURL', url: 'h' });
    padded[padded.length - 1] = 0xee; // non-zero padding after the 1-byte string
    const body = rpcResult(reqMsgId, padded);
    expect(decodeError(() => codec.decodeResult('messages.getStatsURL', body)).code).toBe('BAD_PADDING');
    const lenient = new ServiceCodec<L133.Methods, L133.TlObject>(layer, { strict: false });
    expect(lenient.decodeResult('messages.getStatsURL', body)).toEqual({ _: 'statsURL', url: 'h' });
    expect(serviceCode(() => new ServiceCodec(layer, { maxInflatedBytes: -1 }))).toBe('BAD_ARGUMENT');
  });
});

describe('wrappers: invokeWithLayer and initConnection', () => {
  const seed = readJsonl<PositiveCase>('seed.jsonl');

  it('invokeWithLayer(133, messages.getStatsURL) matches its seed vector', () => {
    const vector = seed.find((c) => c.name === 'invokeWithLayer')!;
    const call = codec.invokeWithLayer(layer.json.fromJson((vector.value as { query: unknown }).query) as L133.messages_getStatsURL);
    expect(call.layer).toBe(133);
    expect(toHex(codec.encode(call))).toBe(vector.hex);
    expect(toHex(codec.encode(codec.invokeWithLayer(getStatsURL)))).toBe(vector.hex);
  });

  const info: ConnectionInfo<L133.Methods> = {
    apiId: 12345,
    deviceModel: 'PC',
    systemVersion: 'Linux',
    appVersion: '1.0',
    systemLangCode: 'en',
    langPack: '',
    langCode: 'en',
  };

  it('invokeWithLayer(133, initConnection(..., messages.getStatsURL)) matches the hand-annotated bytes', () => {
    const expected = [
      '0d0d9bda', // invokeWithLayer#da9b0d0d
      '85000000', // layer:int 133
      'a95ecdc1', // query: initConnection#c1cd5ea9
      '00000000', // flags:# (no proxy, no params)
      '39300000', // api_id:int 12345
      '02504300', // device_model:string "PC" (length 2, 2 bytes, 1 padding)
      '054c696e75780000', // system_version:string "Linux" (length 5, 5 bytes, 2 padding)
      '03312e30', // app_version:string "1.0"
      '02656e00', // system_lang_code:string "en"
      '00000000', // lang_pack:string ""
      '02656e00', // lang_code:string "en"
      'e62a2c81', // query: messages.getStatsURL#812c2ae6
      '01000000', // flags:# bit 0 (dark)
      'c97ea07d', // peer: inputPeerSelf#7da07ec9
      '00000000', // params:string ""
    ].join('');
    const call = codec.invokeWithLayer(codec.initConnection(info, getStatsURL));
    expect(toHex(codec.encode(call))).toBe(expected);
  });

  it('sets the flags of initConnection from the optional fields (hand-annotated)', () => {
    const call = codec.initConnection({ ...info, proxy: { _: 'inputClientProxy', address: 'a', port: 443 }, params: { _: 'jsonNull' } }, getStatsURL);
    const expected = [
      'a95ecdc1', // initConnection#c1cd5ea9
      '03000000', // flags:# bit 0 (proxy) and bit 1 (params)
      '39300000', '02504300', '054c696e75780000', '03312e30', '02656e00', '00000000', '02656e00',
      '3f8b5875', // proxy: inputClientProxy#75588b3f
      '01610000', // address:string "a"
      'bb010000', // port:int 443
      '687b6d3f', // params: jsonNull#3f6d7b68
      'e62a2c8101000000c97ea07d00000000', // query: messages.getStatsURL, as above
    ].join('');
    expect(toHex(codec.encode(call))).toBe(expected);
  });

  it('types a wrapped call’s result as its query’s: StatsURL without a cast', () => {
    expectTypeOf<L133.ResultOf<L133.invokeWithLayer<L133.messages_getStatsURL>>>().toEqualTypeOf<L133.StatsURL>();
    const call = codec.invokeWithLayer(codec.initConnection(info, getStatsURL));
    expectTypeOf<L133.ResultOf<typeof call>>().toEqualTypeOf<L133.StatsURL>();
    expect(codec.innermostMethod(call)).toBe('messages.getStatsURL');

    const result = codec.decodeResultOf(call, layer.encode({ _: 'rpc_result', reqMsgId, result: statsURL }));
    expectTypeOf(result).toEqualTypeOf<L133.StatsURL>();
    expect(result).toEqual(statsURL);
    const pong = codec.decodeResultOf({ _: 'ping', pingId: 7n }, layer.encode({ _: 'rpc_result', reqMsgId, result: { _: 'pong', msgId: reqMsgId, pingId: 7n } }));
    expectTypeOf(pong).toEqualTypeOf<L133.Pong>();
    expect(pong.pingId).toBe(7n);
  });

  it('refuses a malformed call', () => {
    expect(serviceCode(() => untyped.innermostMethod({ _: 'invokeWithLayer' }))).toBe('BAD_ARGUMENT');
    expect(serviceCode(() => untyped.innermostMethod({ _: 'statsURLs' }))).toBe('UNKNOWN_METHOD');
    let deep: { _: string; query?: unknown } = getStatsURL;
    for (let i = 0; i < 20; i++) deep = { _: 'invokeWithoutUpdates', query: deep };
    expect(serviceCode(() => untyped.innermostMethod(deep))).toBe('BAD_ARGUMENT');
  });
});

describe('decodeMessage: results, errors, containers and service messages', () => {
  const seed = readJsonl<PositiveCase>('seed.jsonl');
  const json = (v: unknown) => layer.json.toJson(v);

  it('passes every rpc_result, rpc_error and msg_container seed vector', () => {
    // The seed containers hold client msg_ids (divisible by 4).
    const fromClient = new ServiceCodec<L133.Methods, L133.TlObject>(layer, { from: 'client' });
    const cases = seed.filter((c) => ['rpc_result', 'rpc_error', 'msg_container'].includes(c.name));
    expect(cases.map((c) => c.name).sort()).toEqual([...Array(3).fill('msg_container'), 'msg_container', ...Array(3).fill('rpc_error'), ...Array(4).fill('rpc_result')].sort());
    for (const c of cases) {
      const value = c.value as Record<string, unknown>;
      const message = fromClient.decodeMessage(fromHex(c.hex), () => 'messages.getStatsURL');
      if (c.name === 'rpc_error') {
        expect(message.kind).toBe('error');
        expect(message.kind === 'error' && message.error.toJSON()).toEqual(value);
      } else if (c.name === 'rpc_result') {
        const inner = value.result as { _: string };
        expect(message.kind).toBe(inner._ === 'rpc_error' ? 'error' : 'result');
        if (message.kind === 'result') {
          expect(message.reqMsgId.toString()).toBe(value.reqMsgId);
          expect(message.method).toBe('messages.getStatsURL');
          expect(json(message.result)).toEqual(inner);
        }
        if (message.kind === 'error') {
          expect(message.error.toJSON()).toEqual(inner);
          expect(message.reqMsgId?.toString()).toBe(value.reqMsgId);
        }
      } else {
        expect(message.kind).toBe('container');
        const expected = value.messages as { msgId: string; seqno: number; body: unknown }[];
        if (message.kind !== 'container') continue;
        expect(message.messages.map((m) => [m.msgId.toString(), m.seqno, m.message.kind === 'object' && json(m.message.body)])).toEqual(
          expected.map((m) => [m.msgId, m.seqno, m.body]),
        );
        const rebuilt = encodeContainer(expected.map((m) => ({ msgId: BigInt(m.msgId), seqno: m.seqno, body: layer.encodeJson(m.body) })));
        expect(toHex(rebuilt)).toBe(c.hex);
      }
    }
  });

  it('yields the three messages of a container with their ids, each result typed by its own pending call', () => {
    const users: L133.User[] = [{ _: 'userEmpty', id: 5n }];
    const pending = new Map<bigint, L133.TlFunction>([
      [101n, codec.invokeWithLayer(getStatsURL)],
      [105n, { _: 'users.getUsers', id: [{ _: 'inputUserSelf' }] }],
    ]);
    const body = encodeContainer([
      { msgId: 201n, seqno: 1, body: rpcResult(101n, layer.encode(statsURL)) },
      { msgId: 205n, seqno: 3, body: rpcResult(105n, gzipPacked(concatBytes(fromHex('15c4b51c01000000'), layer.encode(users[0])))) },
      { msgId: 209n, seqno: 4, body: layer.encode({ _: 'msgs_ack', msgIds: [101n, 105n] }) },
    ]);
    const message = codec.decodeMessage(body, (id) => pending.get(id));
    if (message.kind !== 'container') throw new Error(`expected a container, got ${message.kind}`);
    expect(message.messages.map((m) => [m.msgId, m.seqno, m.message.kind])).toEqual([
      [201n, 1, 'result'],
      [205n, 3, 'result'],
      [209n, 4, 'service'],
    ]);
    const [first, second, third] = message.messages.map((m) => m.message);
    if (first.kind === 'result' && first.method === 'messages.getStatsURL') {
      expectTypeOf(first.result).toEqualTypeOf<L133.StatsURL>();
      expect(first.result).toEqual(statsURL);
    } else throw new Error('first message is not the getStatsURL result');
    expect(second).toEqual({ kind: 'result', reqMsgId: 105n, method: 'users.getUsers', result: users });
    if (third.kind === 'service' && third.body._ === 'msgs_ack') {
      expectTypeOf(third.body.msgIds).toEqualTypeOf<bigint[]>();
      expect(third.body.msgIds).toEqual([101n, 105n]);
    } else throw new Error('third message is not msgs_ack');
  });

  it('decodes every MTProto service message as kind "service"', () => {
    const messages: L133.TlObject[] = [
      { _: 'msgs_ack', msgIds: [1n, 2n] },
      { _: 'bad_msg_notification', badMsgId: 3n, badMsgSeqno: 4, errorCode: 16 },
      { _: 'bad_server_salt', badMsgId: 3n, badMsgSeqno: 4, errorCode: 48, newServerSalt: -5n },
      { _: 'new_session_created', firstMsgId: 6n, uniqueId: 7n, serverSalt: 8n },
      { _: 'pong', msgId: 9n, pingId: 10n },
      { _: 'future_salts', reqMsgId: 11n, now: 12, salts: [{ _: 'future_salt', validSince: 1, validUntil: 2, salt: 3n }] },
      { _: 'msg_detailed_info', msgId: 13n, answerMsgId: 14n, bytes: 15, status: 0 },
      { _: 'msg_new_detailed_info', answerMsgId: 16n, bytes: 17, status: 0 },
      { _: 'msgs_state_req', msgIds: [18n] },
      { _: 'msgs_state_info', reqMsgId: 19n, info: Uint8Array.of(1, 2, 4) },
      { _: 'msgs_all_info', msgIds: [20n], info: Uint8Array.of(4) },
      { _: 'msg_resend_req', msgIds: [21n] },
      { _: 'destroy_session_ok', sessionId: 22n },
      { _: 'destroy_session_none', sessionId: 23n },
      { _: 'http_wait', maxDelay: 0, waitAfter: 0, maxWait: 25000 },
    ];
    for (const value of messages) {
      expect(codec.decodeMessage(layer.encode(value))).toEqual({ kind: 'service', body: value });
    }
    const salt = codec.decodeMessage(layer.encode(messages[2]));
    if (salt.kind === 'service' && salt.body._ === 'bad_server_salt') expectTypeOf(salt.body.newServerSalt).toEqualTypeOf<bigint>();
  });

  it('passes other objects through as kind "object", and inflates a gzip_packed body first', () => {
    const updates: L133.TlObject = { _: 'updatesTooLong' };
    expect(codec.decodeMessage(layer.encode(updates))).toEqual({ kind: 'object', body: updates });
    expect(codec.decodeMessage(gzipPacked(layer.encode(updates)))).toEqual({ kind: 'object', body: updates });
    const container = encodeContainer([{ msgId: 1n, seqno: 1, body: layer.encode({ _: 'pong', msgId: 1n, pingId: 2n }) }]);
    const inflated = codec.decodeMessage(gzipPacked(container));
    expect(inflated.kind === 'container' && inflated.messages[0].message).toEqual({ kind: 'service', body: { _: 'pong', msgId: 1n, pingId: 2n } });
  });

  it('gives an rpc_result for a msg_id nobody waits for as bytes (inflated)', () => {
    const result = layer.encode(statsURL);
    const expected: Incoming<L133.Methods, L133.TlObject> = { kind: 'unknown_result', reqMsgId, result };
    expect(codec.decodeMessage(rpcResult(reqMsgId, result))).toEqual(expected);
    expect(codec.decodeMessage(rpcResult(reqMsgId, gzipPacked(result)), () => undefined)).toEqual(expected);
  });

  it('recognizes an rpc_error whatever the pending call, and a bare rpc_error', () => {
    const inContainer = codec.decodeMessage(encodeContainer([{ msgId: 3n, seqno: 1, body: rpcResult(reqMsgId, rpcError(303, 'PHONE_MIGRATE_4')) }]));
    if (inContainer.kind !== 'container' || inContainer.messages[0].message.kind !== 'error') throw new Error('expected an error in a container');
    const { error, reqMsgId: answered } = inContainer.messages[0].message;
    expect([answered, error.code, error.pattern, error.params]).toEqual([reqMsgId, 303, 'PHONE_MIGRATE_%d', { new_dc: 4 }]);
    const bare = codec.decodeMessage(rpcError(-503, 'Timeout'));
    expect(bare.kind === 'error' && [bare.reqMsgId, bare.error.code, bare.error.pattern]).toEqual([undefined, -503, 'Timeout']);
  });

  it('refuses nested containers and nested gzip', () => {
    const inner = encodeContainer([{ msgId: 1n, seqno: 1, body: layer.encode({ _: 'pong', msgId: 1n, pingId: 2n }) }]);
    const nested = concatBytes(fromHex('dcf8f17301000000'), fromHex('0300000000000000'), fromHex('01000000'), new Uint8Array(new Uint32Array([inner.length]).buffer), inner);
    expect(serviceCode(() => codec.decodeMessage(nested))).toBe('NESTED_CONTAINER');
    expect(serviceCode(() => encodeContainer([{ msgId: 1n, seqno: 1, body: inner }]))).toBe('NESTED_CONTAINER');
    expect(serviceCode(() => codec.decodeMessage(gzipPacked(gzipPacked(inner))))).toBe('NESTED_GZIP');
  });

  it('checks every frame of a container', () => {
    const pong = layer.encode({ _: 'pong', msgId: 1n, pingId: 2n });
    const good = encodeContainer([{ msgId: 1n, seqno: 1, body: pong }]);
    const withLength = (n: number) => {
      const copy = good.slice();
      new DataView(copy.buffer).setInt32(20, n, true);
      return copy;
    };
    const code = (bytes: Uint8Array): DecodeErrorCode => decodeError(() => codec.decodeMessage(bytes)).code;
    expect(code(withLength(pong.length + 4))).toBe('TRUNCATED');
    expect(code(withLength(-4))).toBe('LENGTH_MISMATCH');
    expect(code(withLength(6))).toBe('LENGTH_MISMATCH');
    expect(code(withLength(pong.length - 4))).toBe('TRAILING_BYTES');
    expect(code(concatBytes(good, new Uint8Array(4)))).toBe('TRAILING_BYTES');
    const shortBody = encodeContainer([{ msgId: 1n, seqno: 1, body: pong.subarray(0, pong.length - 4) }]);
    const short = decodeError(() => codec.decodeMessage(shortBody));
    expect([short.code, short.fieldPath]).toEqual(['TRUNCATED', 'messages[0].body.pingId']);
    expect(code(fromHex('dcf8f173ffffff7f'))).toBe('VECTOR_COUNT');
    expect(code(fromHex('dcf8'))).toBe('TRUNCATED');
  });

  it('splits a container without decoding it, offsets included', () => {
    const bodies = [layer.encode({ _: 'pong', msgId: 1n, pingId: 2n }), layer.encode(statsURL)];
    const frames = readContainerFrames(encodeContainer(bodies.map((body, i) => ({ msgId: BigInt(i + 10), seqno: i, body }))));
    expect(frames.map((f) => [f.msgId, f.seqno, toHex(f.body), f.offset])).toEqual([
      [10n, 0, toHex(bodies[0]), 8 + 16],
      [11n, 1, toHex(bodies[1]), 8 + 16 + bodies[0].length + 16],
    ]);
  });

  it('throws only typed errors on corrupted input', () => {
    const samples = [
      rpcResult(reqMsgId, layer.encode(statsURL)),
      rpcResult(reqMsgId, gzipPacked(layer.encode(statsURL))),
      encodeContainer([
        { msgId: 1n, seqno: 1, body: rpcResult(101n, layer.encode(statsURL)) },
        { msgId: 3n, seqno: 2, body: layer.encode({ _: 'msgs_ack', msgIds: [1n] }) },
      ]),
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...samples),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 4 }),
        fc.nat(),
        (sample, flips, cut) => {
          const bytes = sample.slice(0, sample.length - (cut % 8));
          for (const [at, flip] of flips) bytes[at % bytes.length] ^= flip;
          try {
            codec.decodeMessage(bytes, () => 'messages.getStatsURL');
          } catch (e) {
            expect(e instanceof TlDecodeError || e instanceof ServiceError).toBe(true);
          }
        },
      ),
      { numRuns: 1500 },
    );
  });
});

describe('packIfSmaller', () => {
  it('keeps a body that gzip does not shrink', () => {
    const small = layer.encode(getStatsURL);
    expect(packIfSmaller(small)).toBe(small);
  });

  it('never grows a body, and what it packs decodes back', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (params) => {
        const body = layer.encode({ ...getStatsURL, params });
        const packed = packIfSmaller(body);
        expect(packed.length).toBeLessThanOrEqual(body.length);
        expect(codec.decodeMessage(packed)).toEqual({ kind: 'object', body: { ...getStatsURL, params } });
      }),
      { numRuns: 150 },
    );
  });
});
