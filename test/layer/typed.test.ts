import { describe, expect, expectTypeOf, it } from 'vitest';
import { model, registry, type messages_getStatsURL, type StatsURL, type TlObject, type TlTypes } from '../../src/generated/layer133/index.js';
import { TlLayer } from '../../src/layer.js';
import { sameValue } from '../../src/values.js';

// TlLayer takes its value types from the layer's own tables: no cast, no type argument.
const tl = new TlLayer(registry, model);
const STATS: messages_getStatsURL = { _: 'messages.getStatsURL', dark: true, peer: { _: 'inputPeerSelf' }, params: 'abc' };

describe('a TlLayer typed by its tables', () => {
  it('decodes a name as that constructor or function, and any Object as the layer\'s values', () => {
    const bytes = tl.encode(STATS);
    const decoded = tl.decode(bytes, { as: 'messages.getStatsURL' });
    expectTypeOf(decoded).toEqualTypeOf<messages_getStatsURL>();
    expect(decoded.params).toBe('abc');
    expectTypeOf(tl.decode(bytes)).toEqualTypeOf<TlObject>();
    expectTypeOf(tl.decodePrefix(tl.encode({ _: 'statsURL', url: 'abc' }), { as: 'statsURL' }).value).toEqualTypeOf<Extract<TlObject, { _: 'statsURL' }>>();
    // A lenient decode may hold unknown nodes, a vector type is no object: unknown.
    expectTypeOf(tl.decode(bytes, { strict: false })).toBeUnknown();
    expectTypeOf(tl.decode(new Uint8Array([0x15, 0xc4, 0xb5, 0x1c, 0, 0, 0, 0]), { as: 'Vector<long>' })).toBeUnknown();
  });

  it('decodes a boxed type as that type once given TlTypes', () => {
    const typed = new TlLayer<TlTypes, TlObject>(registry, model);
    expectTypeOf(typed.decode(new Uint8Array([0xe0, 0x71, 0xa9, 0x47, 3, 0x61, 0x62, 0x63]), { as: 'StatsURL' })).toEqualTypeOf<StatsURL>();
  });

  it('refuses at compile time a value no constructor or function has', () => {
    expect(() =>
      // @ts-expect-error: no constructor or function is named messages.getStatsUrl
      tl.encode({ _: 'messages.getStatsUrl', peer: { _: 'inputPeerSelf' }, params: '' }),
    ).toThrow();
    expect(() =>
      // @ts-expect-error: params must be a string
      tl.encode({ _: 'messages.getStatsURL', peer: { _: 'inputPeerSelf' }, params: 1 }),
    ).toThrow();
  });

  it('gives canonical JSON from a value, the same as from its bytes', () => {
    const json = tl.toJson({ _: 'inputPeerUser', userId: 5n, accessHash: -1n });
    expect(JSON.stringify(json)).toBe('{"_":"inputPeerUser","userId":"5","accessHash":"-1"}');
    expect(json).toEqual(tl.decodeJson(tl.encode({ _: 'inputPeerUser', userId: 5n, accessHash: -1n })));
  });

  it('compares values as equal when they differ only by keys set to undefined', () => {
    const sent = { _: 'messages.sendMessage', peer: { _: 'inputPeerSelf' }, message: 'hi', randomId: 1n } as const;
    const decoded = tl.decode(tl.encode(sent), { as: 'messages.sendMessage' });
    expect(Object.keys(decoded).length).toBeGreaterThan(Object.keys(sent).length);
    expect(sameValue(decoded, sent)).toBe(true);
    expect(sameValue(decoded, { ...sent, message: 'ho' })).toBe(false);
    expect(sameValue(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).toBe(true);
  });
});
