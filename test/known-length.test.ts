import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../src/common/bytes.js';
import { gzip, ServiceCodec } from '../src/mtproto/service/index.js';
import { tlUnknown } from '../src/runtime/unknown.js';
import { LAYERS } from './helpers.js';
import { decodeError, encodeError } from './runtime/helpers.js';

const layer = LAYERS[228];
const PONG = 'c5737734' + '0400000000000000' + '0500000000000000'; // pong msg_id:4 ping_id:5
const UNKNOWN = 'efbeadde' + '01020304'; // an id no layer has, and one word after it
/** msg_container#73f1f8dc: message 0 (msg_id 13, seqno 1) is the pong, message 1 (msg_id 17, seqno 3) the unknown object. */
const CONTAINER = 'dcf8f173' + '02000000' + '0d00000000000000' + '01000000' + '14000000' + PONG + '1100000000000000' + '03000000' + '08000000' + UNKNOWN;
const UNKNOWN_JSON = { _: 'unknown', id: 'deadbeef', bytes: UNKNOWN };

function rpcResult(result: string): string {
  return '016d5cf3' + '0700000000000000' + result; // rpc_result req_msg_id:7
}

describe('unknown objects of known length', () => {
  it('a lenient decode keeps the unknown container item and the rest; re-encoding gives the same bytes', () => {
    const json = layer.decodeJson(fromHex(CONTAINER), { strict: false });
    expect(json).toEqual({
      _: 'msg_container',
      messages: [
        { _: 'message', msgId: '13', seqno: 1, bytes: 20, body: { _: 'pong', msgId: '4', pingId: '5' } },
        { _: 'message', msgId: '17', seqno: 3, bytes: 8, body: UNKNOWN_JSON },
      ],
    });
    expect(toHex(layer.encodeJson(json))).toBe(CONTAINER);
    const value = layer.decode(fromHex(CONTAINER), { strict: false }) as { messages: { body: unknown }[] };
    expect(value.messages[1].body).toEqual({ _: 'unknown', id: 0xdeadbeef, bytes: fromHex(UNKNOWN) });
    expect(toHex(layer.encode(value))).toBe(CONTAINER);
  });

  it('a strict decode refuses, naming the item and the id', () => {
    const e = decodeError(() => layer.decode(fromHex(CONTAINER)));
    expect({ code: e.code, offset: e.offset, field: e.fieldPath, id: e.constructorHex }).toEqual({ code: 'UNKNOWN_CONSTRUCTOR', offset: 60, field: 'messages[1].body', id: '0xdeadbeef' });
    expect(e.message).toBe('unknown constructor 0xdeadbeef in layer 228 (at offset 60, field messages[1].body)');
  });

  it('an unknown id deep inside a known body keeps the whole body', () => {
    // invokeWithLayer#da9b0d0d layer:228 query:!X, the query unknown: 16 bytes of body.
    const body = '0d0d9bda' + 'e4000000' + UNKNOWN;
    const hex = CONTAINER.replace('08000000' + UNKNOWN, '10000000' + body);
    const value = layer.decode(fromHex(hex), { strict: false }) as { messages: { body: unknown }[] };
    expect(value.messages[1].body).toEqual({ _: 'unknown', id: 0xda9b0d0d, bytes: fromHex(body) });
    expect(toHex(layer.encode(value))).toBe(hex);
  });

  it('the result of an rpc_result runs to the end of its message', () => {
    const hex = rpcResult(UNKNOWN);
    expect(layer.decodeJson(fromHex(hex), { strict: false })).toEqual({ _: 'rpc_result', reqMsgId: '7', result: UNKNOWN_JSON });
    expect(toHex(layer.encodeJson({ _: 'rpc_result', reqMsgId: '7', result: UNKNOWN_JSON }))).toBe(hex);
    expect(decodeError(() => layer.decode(fromHex(hex))).fieldPath).toBe('result');
    // Inside a container too.
    const item = rpcResult(PONG);
    const container = 'dcf8f173' + '01000000' + '0d00000000000000' + '01000000' + '20000000' + item.replace(PONG, UNKNOWN + '00000000'.repeat(3));
    expect(layer.decodeJson(fromHex(container), { strict: false })).toMatchObject({ messages: [{ body: { _: 'rpc_result', result: { _: 'unknown', bytes: UNKNOWN + '00000000'.repeat(3) } } }] });
  });

  it('keeps nothing but unknown ids: other faults stay errors, and an unknown id at the top is one', () => {
    const truncated = CONTAINER.replace('03000000' + '08000000', '03000000' + '0c000000');
    expect(decodeError(() => layer.decode(fromHex(truncated), { strict: false })).code).toBe('TRUNCATED');
    expect(decodeError(() => layer.decode(fromHex(UNKNOWN), { strict: false })).code).toBe('UNKNOWN_CONSTRUCTOR');
    // A body of a known constructor that is too short for its length is a length mismatch, as strict.
    const short = CONTAINER.replace('14000000' + PONG, '18000000' + PONG + '00000000').replace('02000000', '01000000').slice(0, -(24 + UNKNOWN.length + 8));
    expect(decodeError(() => layer.decode(fromHex(short + '00000000'), { strict: false })).code).toBe('LENGTH_MISMATCH');
  });

  it('canonical JSON of an unknown node must be whole and consistent', () => {
    const container = (body: unknown) => ({ _: 'msg_container', messages: [{ _: 'message', msgId: '1', seqno: 1, body }] });
    for (const bad of [{ ...UNKNOWN_JSON, id: 'deadbeee' }, { ...UNKNOWN_JSON, bytes: 'efbead' }, { ...UNKNOWN_JSON, extra: 1 }, { _: 'unknown', id: 'deadbeef' }]) {
      const e = encodeError(() => layer.encodeJson(container(bad)));
      expect({ code: e.code, field: e.fieldPath }).toEqual({ code: 'BAD_VALUE', field: 'messages[0].body' });
    }
    // In a field of a named type it is no value at all.
    expect(encodeError(() => layer.encodeJson({ _: 'msgs_ack', msgIds: [UNKNOWN_JSON] })).code).toBe('BAD_VALUE');
    expect(encodeError(() => layer.encode({ ...tlUnknown(fromHex(UNKNOWN)), id: 1 })).code).toBe('BAD_VALUE');
  });
});

describe('the service layer returns an unknown item as unknown', () => {
  const lenient = new ServiceCodec(layer, { strict: false });

  it('a container item, and the rest of the container', () => {
    expect(lenient.decodeMessage(fromHex(CONTAINER))).toEqual({
      kind: 'container',
      messages: [
        { msgId: 13n, seqno: 1, message: { kind: 'service', body: { _: 'pong', msgId: 4n, pingId: 5n } } },
        { msgId: 17n, seqno: 3, message: { kind: 'unknown', reqMsgId: undefined, body: tlUnknown(fromHex(UNKNOWN)) } },
      ],
    });
    const e = decodeError(() => new ServiceCodec(layer).decodeMessage(fromHex(CONTAINER)));
    expect({ field: e.fieldPath, id: e.constructorHex }).toEqual({ field: 'messages[1].body', id: '0xdeadbeef' });
  });

  it('an rpc_result whose result is unknown, with its req_msg_id', () => {
    const answer = lenient.decodeMessage(fromHex(rpcResult(UNKNOWN)), () => 'help.getConfig');
    expect(answer).toEqual({ kind: 'unknown', reqMsgId: 7n, body: tlUnknown(fromHex(UNKNOWN)) });
    // A typed result has no room for an unknown object: decodeResult refuses.
    expect(decodeError(() => lenient.decodeResult('help.getConfig', fromHex(rpcResult(UNKNOWN)))).code).toBe('UNKNOWN_CONSTRUCTOR');
  });

  it('a gzip_packed payload: the inflated object', () => {
    const packed = layer.encode({ _: 'gzip_packed', packedData: gzip(fromHex(UNKNOWN)) });
    expect(lenient.decodeMessage(packed)).toEqual({ kind: 'unknown', reqMsgId: undefined, body: tlUnknown(fromHex(UNKNOWN)) });
    expect(lenient.decodeMessage(fromHex(rpcResult(toHex(packed))), () => 'help.getConfig')).toEqual({ kind: 'unknown', reqMsgId: 7n, body: tlUnknown(fromHex(UNKNOWN)) });
  });
});
