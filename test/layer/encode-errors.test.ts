import { describe, expect, it } from 'vitest';
import { toHex } from '../../src/common/bytes.js';
import { TlEncodeError } from '../../src/runtime/errors.js';
import { LAYERS } from '../helpers.js';
import { encodeError } from '../runtime/helpers.js';

const layer = LAYERS[133];
const self = { _: 'inputPeerSelf' };
const stats = (over: Record<string, unknown>): Record<string, unknown> => ({ _: 'messages.getStatsURL', peer: self, params: 'p', ...over });

// Every wrong JavaScript value is a TlEncodeError naming the field, never bytes with a zero in it.
const cases: [string, unknown, string, string][] = [
  ['a number where a bigint is due', { _: 'inputPeerChannel', channelId: 1, accessHash: 2n }, 'BAD_VALUE', 'channelId'],
  ['a bigint past 64 bits', { _: 'inputPeerChannel', channelId: 1n, accessHash: 2n ** 64n }, 'BAD_VALUE', 'accessHash'],
  ['an int outside 32 bits', stats({ peer: { _: 'inputPeerUserFromMessage', peer: self, msgId: 2 ** 31, userId: 1n } }), 'BAD_VALUE', 'peer.msgId'],
  ['a fraction for an int', stats({ peer: { _: 'inputPeerUserFromMessage', peer: self, msgId: 0.5, userId: 1n } }), 'BAD_VALUE', 'peer.msgId'],
  ['a bigint for an int', stats({ peer: { _: 'inputPeerUserFromMessage', peer: self, msgId: 1n, userId: 1n } }), 'BAD_VALUE', 'peer.msgId'],
  ['a missing string', { _: 'messages.getStatsURL', peer: self }, 'MISSING_FIELD', 'params'],
  ['a missing object', { _: 'messages.getStatsURL', params: 'p' }, 'MISSING_FIELD', 'peer'],
  ['null for a required object', stats({ peer: null }), 'BAD_VALUE', 'peer'],
  ['a string where bytes are due', { _: 'upload.saveFilePart', fileId: 1n, filePart: 0, bytes: 'abc' }, 'BAD_VALUE', 'bytes'],
  ['an int128 of 15 bytes', { _: 'req_pq_multi', nonce: new Uint8Array(15) }, 'BAD_VALUE', 'nonce'],
  ['an int256 of 16 bytes', { _: 'p_q_inner_data', pq: new Uint8Array(1), p: new Uint8Array(1), q: new Uint8Array(1), nonce: new Uint8Array(16), serverNonce: new Uint8Array(16), newNonce: new Uint8Array(16) }, 'BAD_VALUE', 'newNonce'],
  ['an unknown _ in a field', stats({ peer: { _: 'inputPeerNobody' } }), 'UNKNOWN_CONSTRUCTOR', 'peer'],
  ['a constructor of the wrong type in a field', stats({ peer: { _: 'statsURL', url: 'x' } }), 'WRONG_CONSTRUCTOR', 'peer'],
  ['an object with no _', stats({ peer: { channelId: 1n } }), 'BAD_VALUE', 'peer'],
  ['a number for a Bool', { _: 'account.updateStatus', offline: 0 }, 'BAD_VALUE', 'offline'],
  ['a string for a double', { _: 'inputGeoPoint', lat: '1.5', long: 2 }, 'BAD_VALUE', 'lat'],
  ['an object for a vector', { _: 'msgs_ack', msgIds: { 0: 1n, length: 1 } }, 'BAD_VALUE', 'msgIds'],
  ['a number among longs', { _: 'msgs_ack', msgIds: [1n, 2] }, 'BAD_VALUE', 'msgIds[1]'],
  ['a hole in a vector', { _: 'msgs_ack', msgIds: [1n, , 3n] }, 'MISSING_FIELD', 'msgIds[1]'],
];

describe('a wrong value is a typed error naming the field path', () => {
  it.each(cases)('%s', (_, value, code, path) => {
    const e = encodeError(() => layer.encode(value));
    expect({ code: e.code, path: e.fieldPath }).toEqual({ code, path });
    expect(e.message).toContain(`field ${path}`);
  });

  it('an unknown _ at the top is UNKNOWN_CONSTRUCTOR, a value that is no object BAD_VALUE', () => {
    expect(encodeError(() => layer.encode({ _: 'nope' })).code).toBe('UNKNOWN_CONSTRUCTOR');
    expect(encodeError(() => layer.encode(5)).code).toBe('BAD_VALUE');
    expect(encodeError(() => layer.encode(null)).code).toBe('BAD_VALUE');
    expect(encodeError(() => layer.encode(undefined)).code).toBe('MISSING_FIELD');
  });

  it('a constructor where its type is asked for by encodeAs', () => {
    const e = encodeError(() => layer.encodeAs('InputPeer', { _: 'statsURL', url: 'x' }));
    expect(e.code).toBe('WRONG_CONSTRUCTOR');
  });

  it('names the constructor that holds the field', () => {
    const e = encodeError(() => layer.encode(stats({ peer: { _: 'inputPeerChannel', channelId: 1n, accessHash: 1 } })));
    expect({ in: e.constructorName, path: e.fieldPath }).toEqual({ in: 'inputPeerChannel', path: 'peer.accessHash' });
  });

  it('through canonical JSON as well', () => {
    const e = encodeError(() => layer.encodeJson({ _: 'msgs_ack', msgIds: ['1', 'x'] }));
    expect({ code: e.code, path: e.fieldPath }).toEqual({ code: 'BAD_VALUE', path: 'msgIds[1]' });
  });

  it('leaves the encoder usable after an error part-way through a value', () => {
    expect(() => layer.encode(stats({ params: 5 }))).toThrow(TlEncodeError);
    expect(toHex(layer.encode({ _: 'statsURL', url: 'abc' }))).toBe('e071a94703616263');
  });

  it('an optional field left out, undefined or null is absent', () => {
    const dialogs = { _: 'messages.getDialogs', offsetDate: 0, offsetId: 0, offsetPeer: self, limit: 1, hash: 0n };
    const absent = toHex(layer.encode(dialogs));
    expect(toHex(layer.encode({ ...dialogs, folderId: undefined }))).toBe(absent);
    expect(toHex(layer.encode({ ...dialogs, folderId: null }))).toBe(absent);
    expect(toHex(layer.encode({ ...dialogs, folderId: 1 }))).not.toBe(absent);
  });
});
