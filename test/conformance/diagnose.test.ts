import { describe, expect, it } from 'vitest';
import { Diagnoser, findShift, firstDifference, firstJsonDifference } from '../../src/conformance/diagnose.js';
import { fromHex, toHex } from '../../src/common/bytes.js';
import { LAYERS } from '../helpers.js';

const layer = LAYERS[133];
const diagnoser = new Diagnoser(layer);

describe('findShift', () => {
  it('finds bytes inserted or left out, with every point the run can slide to', () => {
    const expected = fromHex('0102030400000000aabbccdd');
    // 4 zero bytes more after byte 4: equal zeros before let the run slide back to byte 4.
    const inserted = fromHex('010203040000000000000000aabbccdd');
    const at = firstDifference(expected, inserted);
    expect(at).toBe(8);
    expect(findShift(expected, inserted, at)).toEqual({ kind: 'inserted', size: 4, at: 8, points: [8, 7, 6, 5, 4], whole: true });
    const omitted = fromHex('0102030400aabbccdd');
    expect(findShift(expected, omitted, firstDifference(expected, omitted))).toMatchObject({ kind: 'omitted', size: 3, whole: true });
  });

  it('realigns locally when more is wrong later, but not on a run of zeros alone', () => {
    const expected = fromHex('01000000aabbccdd11223344');
    const actual = fromHex('0100000000aabbccdd99');
    expect(findShift(expected, actual, 4)).toMatchObject({ kind: 'inserted', size: 1, whole: false });
    expect(findShift(fromHex('0000000000000000ff'), fromHex('000000000000000000000000ee'), 8)).toBeUndefined();
  });
});

describe('firstJsonDifference', () => {
  it('names the first differing path in tlwire order', () => {
    const expected = { _: 'a', x: 1, list: [{ _: 'b', y: '5' }], z: true };
    expect(firstJsonDifference(expected, { _: 'a', x: 1, list: [{ _: 'b', y: 5 }], z: true })).toEqual({ path: ['list', 0, 'y'], what: 'the peer has 5, tlwire "5"' });
    expect(firstJsonDifference(expected, { _: 'a', x: 1, list: [], z: true })).toEqual({ path: ['list'], what: 'the peer has 0 element(s), tlwire 1' });
    expect(firstJsonDifference(expected, { _: 'a', x: 1, list: [{ _: 'b', y: '5' }] })).toEqual({ path: ['z'], what: 'the peer leaves it out, tlwire has true' });
    expect(firstJsonDifference(expected, { ...expected, w: 0 })).toEqual({ path: ['w'], what: 'the peer has 0, tlwire has no such field here' });
    expect(firstJsonDifference(expected, { ...expected, _: 'c' })).toEqual({ path: [], what: 'the peer has constructor "c", tlwire "a"' });
    expect(firstJsonDifference(expected, { z: true, list: [{ y: '5', _: 'b' }], x: 1, _: 'a' })).toBeUndefined();
  });
});

describe('Diagnoser', () => {
  const json = { _: 'inputPhoneContact', clientId: '1', phone: 'ab', firstName: 'c', lastName: '' };
  const expected = layer.encodeJson(json);

  it('blames the padding of the first mis-padded string when several are', () => {
    // phone "ab": 1 + 2 + 1 padding; a peer padding the payload alone writes 2 zero bytes; firstName "c" likewise 3 instead of 2.
    const peer = fromHex(`${toHex(expected.subarray(0, 12))}0261620000016300000000`);
    expect(toHex(expected.subarray(12))).toBe('026162000163000000000000');
    const d = diagnoser.encodeMismatch('inputPhoneContact', json, expected, peer);
    expect(d).toMatchObject({ offset: 16, owner: 'inputPhoneContact', field: 'phone', tlType: 'string', part: 'padding' });
    expect(d.summary).toMatch(/^first difference at byte 16 \(tlwire 01, peer 00; 24 vs 23 bytes\), in the padding of field phone \(string\) of inputPhoneContact: tlwire pads phone with 1 zero byte\(s\) to end at byte 16; the peer wrote 1 byte\(s\) more/);
    expect(d.details.join('\n')).toContain('> ');
  });

  it('names a wrong value inside a nested object, and its owner', () => {
    const value = { _: 'messages.getStatsURL', peer: { _: 'inputPeerUser', userId: '5', accessHash: '7' }, params: '' };
    const right = layer.encodeJson(value);
    const wrong = layer.encodeJson({ ...value, peer: { ...value.peer, accessHash: '8' } });
    const d = diagnoser.encodeMismatch('messages.getStatsURL', value, right, wrong);
    expect(d).toMatchObject({ offset: 20, owner: 'inputPeerUser', field: 'peer.accessHash', tlType: 'long' });
    expect(d.summary).toContain('tlwire writes 7 (bytes 20-27: 0700000000000000), the peer 0800000000000000');
  });

  it('maps a decoded difference back to the bytes of the field', () => {
    const value = { _: 'messages.getStatsURL', dark: true, peer: { _: 'inputPeerUser', userId: '5', accessHash: '7' }, params: 'x' };
    const d = diagnoser.decodeMismatch('messages.getStatsURL', value, { ...value, params: 'y' }, layer.encodeJson(value));
    expect(d).toMatchObject({ offset: 28, owner: 'messages.getStatsURL', field: 'params', tlType: 'string' });
    expect(d.summary).toBe('the decoded value differs at params, field params (string) of messages.getStatsURL (bytes 28-31): the peer has "y", tlwire "x"');
  });
});
