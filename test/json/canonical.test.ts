import { describe, expect, it } from 'vitest';
import { LAYERS } from '../helpers.js';
import { encodeError } from '../runtime/helpers.js';

// The canonical JSON mapping (docs/conformance.md) on its own, through layer 133's model.
const json = LAYERS[133].json;

describe('toJson', () => {
  it('writes long as a decimal string and bytes as lowercase hex', () => {
    const photo = { _: 'inputPhoto', id: -1n, accessHash: 9223372036854775807n, fileReference: Uint8Array.of(0xab, 0x01) };
    expect(json.toJson(photo)).toEqual({ _: 'inputPhoto', id: '-1', accessHash: '9223372036854775807', fileReference: 'ab01' });
  });

  it('leaves the flags word out and writes a true flag only when it is set', () => {
    const call = { _: 'messages.getStatsURL', flags: 1, dark: true, peer: { _: 'inputPeerSelf' }, params: '' };
    expect(json.toJson(call)).toEqual({ _: 'messages.getStatsURL', dark: true, peer: { _: 'inputPeerSelf' }, params: '' });
    expect(json.toJson({ ...call, flags: 0, dark: false })).toEqual({ _: 'messages.getStatsURL', peer: { _: 'inputPeerSelf' }, params: '' });
  });

  it('writes a double that JSON cannot hold as a string', () => {
    expect(json.toJson({ _: 'statsPercentValue', part: Number.NaN, total: -Infinity })).toEqual({ _: 'statsPercentValue', part: 'NaN', total: '-Infinity' });
  });

  it('maps a vector type by its TL text', () => {
    expect(json.toJson([1n, 2n], json.vectorType('Vector<long>'))).toEqual(['1', '2']);
    expect(json.vectorType('Vector < long >')).toEqual(json.vectorType('Vector<long>'));
    expect(json.vectorType('Vector<nope>')).toBeUndefined();
  });
});

describe('fromJson', () => {
  it('is the inverse of toJson, and takes a safe-integer number for a long', () => {
    const value = { _: 'inputPhoto', id: -1n, accessHash: 5n, fileReference: Uint8Array.of(0xab) };
    expect(json.fromJson(json.toJson(value))).toEqual(value);
    expect(json.fromJson({ _: 'inputPhoto', id: 7, accessHash: '5', fileReference: 'AB' })).toEqual({ _: 'inputPhoto', id: 7n, accessHash: 5n, fileReference: Uint8Array.of(0xab) });
  });

  it('names the field path of a wrong value', () => {
    const e = encodeError(() => json.fromJson({ _: 'photos.deletePhotos', id: [{ _: 'inputPhotoEmpty' }, { _: 'inputPhoto', id: '1', accessHash: 1.5, fileReference: '' }] }));
    expect({ code: e.code, path: e.path }).toEqual({ code: 'BAD_VALUE', path: ['id', 1, 'accessHash'] });
    expect(e.message).toContain('expected a long as a decimal string, got 1.5');
    expect(encodeError(() => json.fromJson({ _: 'inputPhoto', id: '1', accessHash: '1', fileReference: 'abc' })).message).toContain('expected lowercase hex');
    expect(encodeError(() => json.fromJson({ _: 'statsPercentValue', part: 'half', total: 1 })).message).toContain('expected a number');
  });

  it('refuses a field the constructor does not have, an object without "_" and an unknown constructor', () => {
    expect(encodeError(() => json.fromJson({ _: 'statsURL', url: 'x', extra: 1 })).message).toContain('statsURL has no field extra');
    expect(encodeError(() => json.fromJson({ url: 'x' })).code).toBe('BAD_VALUE');
    expect(encodeError(() => json.fromJson({ _: 'nope' })).message).toContain('unknown constructor nope in layer 133');
  });
});
