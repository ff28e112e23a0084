import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../src/common/bytes.js';
import { LAYER_TAG, MultiLayer } from '../src/multi-layer.js';
import { TlDecodeError } from '../src/runtime/errors.js';
import { LAYERS } from './helpers.js';
import { decodeError } from './runtime/helpers.js';

const both = new MultiLayer([LAYERS[133], LAYERS[228]]);
/** user#b1b8cc83 of layer 228 (self, id 5, access_hash 7, first_name "Ann"); layer 133's user is #3ff6ecb0. */
const USER_228 = '83ccb8b1' + '03040000' + '00000000' + '0500000000000000' + '0700000000000000' + '03416e6e';
const STATS_133 = 'e62a2c8101000000c97ea07d03616263'; // messages.getStatsURL, only in 133
/** inputMediaPhotoExternal#e5bbfe1a: the same id in both layers, but 228 added spoiler:flags.1?true. */
const photo = (flags: number) => `1afebbe5${toHex(Uint8Array.of(flags, 0, 0, 0))}01780000`; // url "x"

describe('MultiLayer', () => {
  it('knows where the layers disagree: another id, or the same id with another ?true field', () => {
    expect(both.contested.has('user')).toBe(true);
    expect(both.contested.has('inputMediaPhotoExternal')).toBe(true);
    expect(both.contested.has('inputPeerSelf')).toBe(false);
  });

  it('decodes an id only one layer knows, tags it where they disagree and encodes it with that layer', () => {
    const { layer, value } = both.decodeWithLayer(fromHex(USER_228));
    expect(layer.layer).toBe(228);
    expect(value).toMatchObject({ _: 'user', self: true, id: 5n, accessHash: 7n, firstName: 'Ann' });
    expect((value as { [LAYER_TAG]?: number })[LAYER_TAG]).toBe(228);
    expect(toHex(both.encode(value))).toBe(USER_228);
    // Untagged, the first layer that encodes it wins: layer 133's user.
    expect(toHex(both.encode({ ...(value as object), [LAYER_TAG]: undefined })).slice(0, 8)).toBe('b0ecf63f');

    const stats = both.decodeWithLayer(fromHex(STATS_133));
    expect(stats.layer.layer).toBe(133);
    expect(LAYER_TAG in (stats.value as object)).toBe(false);
    expect(toHex(both.encode(stats.value))).toBe(STATS_133);
  });

  it('the same id with two definitions: the first layer that decodes the bytes whole wins, and the tag keeps it', () => {
    const plain = both.decodeWithLayer(fromHex(photo(0)));
    expect({ layer: plain.layer.layer, tag: (plain.value as { [LAYER_TAG]?: number })[LAYER_TAG] }).toEqual({ layer: 133, tag: 133 });
    // Bit 1 is spoiler in 228 and no field in 133: strict 133 refuses the bytes, 228 takes them.
    const spoiler = both.decodeWithLayer(fromHex(photo(2)));
    expect(spoiler.layer.layer).toBe(228);
    expect(spoiler.value).toMatchObject({ _: 'inputMediaPhotoExternal', spoiler: true, url: 'x' });
    expect(toHex(both.encode(spoiler.value))).toBe(photo(2));
    // Built by hand, untagged: layer 133's writer would drop spoiler, so the layer that has the field encodes it.
    expect(toHex(both.encode({ _: 'inputMediaPhotoExternal', spoiler: true, url: 'x' }))).toBe(photo(2));
    expect(toHex(both.encode({ _: 'inputMediaPhotoExternal', url: 'x' }))).toBe(photo(0));
    const container = (body: object) => ({ _: 'msg_container', messages: [{ _: 'message', msgId: 1n, seqno: 1, body }] });
    expect(toHex(both.encode(container({ _: 'inputMediaPhotoExternal', spoiler: true, url: 'x' })))).toContain(photo(2));
  });

  it('canonical JSON carries the tag as "_layer", so JSON round-trips too', () => {
    const json = both.decodeJson(fromHex(USER_228));
    expect(json).toEqual({ _: 'user', self: true, id: '5', accessHash: '7', firstName: 'Ann', _layer: 228 });
    expect(toHex(both.encodeJson(json))).toBe(USER_228);
    expect(both.decodeJson(fromHex(STATS_133))).toEqual({ _: 'messages.getStatsURL', dark: true, peer: { _: 'inputPeerSelf' }, params: 'abc' });
    // Without "_layer", the first layer that takes the JSON: 133 refuses spoiler as no field of its own.
    expect(toHex(both.encodeJson({ _: 'inputMediaPhotoExternal', spoiler: true, url: 'x' }))).toBe(photo(2));
    expect(() => both.encodeJson({ ...(json as object), _layer: 214 })).toThrow('the value is tagged with layer 214, which is not one of 133, 228');
  });

  it('an id no layer knows is one error naming them all; order matters', () => {
    const e = decodeError(() => both.decode(fromHex('efbeadde')));
    expect(e.message).toBe('unknown constructor 0xdeadbeef in layers 133, 228 (at offset 0)');
    expect(new MultiLayer([LAYERS[228], LAYERS[133]]).decodeWithLayer(fromHex(photo(0))).layer.layer).toBe(228);
    expect(() => new MultiLayer([LAYERS[133], LAYERS[133]])).toThrow(RangeError);
  });

  it('lenient decoding prefers a layer that needs no unknown node', () => {
    // msg_container with one message whose body is the layer-228 user: layer 133 would keep it as unknown.
    const container = 'dcf8f173' + '01000000' + '0100000000000000' + '01000000' + '20000000' + USER_228;
    const { layer, value } = both.decodeWithLayer(fromHex(container), { strict: false });
    expect(layer.layer).toBe(228);
    expect(value).toMatchObject({ messages: [{ body: { _: 'user', firstName: 'Ann' } }] });
    expect(LAYERS[133].decode(fromHex(container), { strict: false })).toMatchObject({ messages: [{ body: { _: 'unknown', id: 0xb1b8cc83 } }] });
    const unknownBody = container.replace(USER_228, 'efbeadde'.repeat(8));
    expect(both.decodeWithLayer(fromHex(unknownBody), { strict: false }).layer.layer).toBe(133);
    expect(decodeError(() => both.decode(fromHex(unknownBody)))).toBeInstanceOf(TlDecodeError);
  });
});
