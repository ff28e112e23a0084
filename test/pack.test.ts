import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../src/common/bytes.js';
import { MultiLayer } from '../src/multi-layer.js';
import { MissingLayerError, pack, unpack } from '../src/pack.js';
import { LAYERS, readJsonl, type PositiveCase } from './helpers.js';
import { decodeError } from './runtime/helpers.js';

const STATS_133 = 'e62a2c8101000000c97ea07d03616263';

describe('pack / unpack', () => {
  it('writes "TLpk" and the layer number before the boxed bytes', () => {
    const value = LAYERS[133].decode(fromHex(STATS_133));
    expect(toHex(pack(value, LAYERS[133]))).toBe('544c706b' + '85000000' + STATS_133);
  });

  it.each([
    ['layer-133.jsonl', 133],
    ['layer-228.jsonl', 228],
  ] as const)('round-trips every golden value of %s, read back with both layers loaded', (file, number) => {
    const both = [LAYERS[133], LAYERS[228]];
    for (const c of readJsonl<PositiveCase>(file)) {
      const value = LAYERS[number].decode(fromHex(c.hex), { as: c.name });
      const packed = pack(value, LAYERS[number]);
      const back = unpack(packed, both);
      expect(back.layer.layer, c.name).toBe(number);
      expect(toHex(back.layer.encode(back.value)), c.name).toBe(c.hex);
    }
  });

  it('with a MultiLayer, packs with the layer it encodes the value with', () => {
    const multi = new MultiLayer([LAYERS[228], LAYERS[133]]);
    const stats = multi.decode(fromHex(STATS_133));
    expect(toHex(pack(stats, multi)).slice(8, 16)).toBe('85000000');
    expect(unpack(pack(stats, multi), multi).layer.layer).toBe(133);
  });

  it('refuses a layer it was not given with a typed error naming it, and input that is not packed', () => {
    const packed = pack(LAYERS[133].decode(fromHex(STATS_133)), LAYERS[133]);
    const e = decodeError(() => unpack(packed, LAYERS[228]));
    expect(e).toBeInstanceOf(MissingLayerError);
    expect({ code: e.code, layer: (e as MissingLayerError).layer, message: e.message }).toEqual({
      code: 'MISSING_LAYER',
      layer: 133,
      message: 'packed with layer 133, which is not loaded (loaded: 228) (at offset 4)',
    });
    expect(decodeError(() => unpack(fromHex(STATS_133), LAYERS[133])).code).toBe('NOT_PACKED');
    expect(decodeError(() => unpack(fromHex('544c706b'), LAYERS[133])).code).toBe('NOT_PACKED');
    // The object itself is checked as any decode is.
    expect(decodeError(() => unpack(packed.subarray(0, packed.length - 4), LAYERS[133])).code).toBe('TRUNCATED');
  });
});
