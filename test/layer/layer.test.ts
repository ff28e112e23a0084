import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../src/common/bytes.js';
import { LAYERS } from '../helpers.js';
import { decodeError, encodeError } from '../runtime/helpers.js';

// TlLayer's own API, on layer 133; golden.test.ts and roundtrip.test.ts walk every combinator.
const layer = LAYERS[133];
const STATS_HEX = 'e62a2c8101000000c97ea07d03616263';
const STATS = { _: 'messages.getStatsURL', dark: true, peer: { _: 'inputPeerSelf' }, params: 'abc' };

describe('TlLayer', () => {
  it('maps names to ids and back, own names only', () => {
    expect(layer.idOf('messages.getStatsURL')).toBe(0x812c2ae6);
    expect(layer.nameOf(0x812c2ae6)).toBe('messages.getStatsURL');
    expect(layer.nameOf(0x1cb5c415)).toBe('vector');
    expect(layer.idOf('toString')).toBeUndefined();
    expect(layer.typeCodec('constructor')).toBeUndefined();
  });

  it('decodes as Object, a boxed type, a function name or a vector type', () => {
    expect(layer.decode(fromHex(STATS_HEX))).toEqual(STATS);
    expect(layer.decode(fromHex(STATS_HEX), { as: 'messages.getStatsURL' })).toEqual(STATS);
    expect(layer.decode(fromHex('e071a94703616263'), { as: 'StatsURL' })).toEqual({ _: 'statsURL', url: 'abc' });
    expect(layer.decode(fromHex('15c4b51c010000000100000000000000'), { as: 'Vector<long>' })).toEqual([1n]);
  });

  it('tells an id of another type from an id the layer does not have', () => {
    expect(decodeError(() => layer.decode(fromHex(STATS_HEX), { as: 'InputPeer' })).code).toBe('WRONG_CONSTRUCTOR');
    expect(decodeError(() => layer.decode(fromHex(STATS_HEX), { as: 'statsURL' })).code).toBe('WRONG_CONSTRUCTOR');
    expect(decodeError(() => layer.decode(fromHex('01020304'))).code).toBe('UNKNOWN_CONSTRUCTOR');
    expect(decodeError(() => layer.decode(fromHex(STATS_HEX), { as: 'NoSuchType' })).message).toContain('layer 133 has no type, constructor or function named NoSuchType');
    expect(encodeError(() => layer.encodeAs('InputPeer', { _: 'statsURL', url: 'x' })).code).toBe('WRONG_CONSTRUCTOR');
    expect(encodeError(() => layer.encodeAs('NoSuchType', {})).code).toBe('UNKNOWN_CONSTRUCTOR');
  });

  it('decodes a whole buffer, or a prefix and how much it took', () => {
    const two = fromHex(`${STATS_HEX}e071a94703616263`);
    expect(decodeError(() => layer.decode(two)).code).toBe('TRAILING_BYTES');
    expect(layer.decodePrefix(two)).toEqual({ value: STATS, consumed: 16 });
  });

  it('encodes canonical JSON and decodes to it', () => {
    const json = { _: 'messages.getStatsURL', dark: true, peer: { _: 'inputPeerSelf' }, params: 'abc' };
    expect(toHex(layer.encodeJson(json))).toBe(STATS_HEX);
    expect(toHex(layer.encodeAs('InputPeer', { _: 'inputPeerSelf' }))).toBe('c97ea07d');
    expect(layer.decodeJson(fromHex(STATS_HEX))).toEqual(json);
    expect(layer.decodeJson(fromHex('15c4b51c010000000100000000000000'), { as: 'Vector<long>' })).toEqual(['1']);
  });
});
