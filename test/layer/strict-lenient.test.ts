import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../src/common/bytes.js';
import { LAYERS } from '../helpers.js';
import { decodeError } from '../runtime/helpers.js';

const layer = LAYERS[133];
const GET_STATS_URL = 'e62a2c81'; // messages.getStatsURL#812c2ae6 flags:# dark:flags.0?true peer:InputPeer params:string
const INPUT_PEER_SELF = 'c97ea07d';

/** Decodes strictly (the default) expecting `code` at `offset` in `field`, then leniently. */
function strictOnly(hex: string, code: string, offset: number, field: string): unknown {
  const e = decodeError(() => layer.decode(fromHex(hex)));
  expect({ code: e.code, offset: e.offset, field: e.fieldPath }).toEqual({ code, offset, field });
  return layer.decode(fromHex(hex), { strict: false });
}

describe('strict by default, lenient on request', () => {
  it('non-zero padding', () => {
    const value = strictOnly('e071a9470461626364000100', 'BAD_PADDING', 10, 'url');
    expect(value).toEqual({ _: 'statsURL', url: 'abcd' });
    // Re-encoding writes zero padding: the one thing that changes.
    expect(toHex(layer.encode(value))).toBe('e071a9470461626364000000');
  });

  it('a 0xfe length prefix for a length under 254', () => {
    const value = strictOnly('e071a947fe03000061626300', 'BAD_LENGTH_PREFIX', 4, 'url');
    expect(value).toEqual({ _: 'statsURL', url: 'abc' });
    expect(toHex(layer.encode(value))).toBe('e071a94703616263');
  });

  it('invalid UTF-8 in a string', () => {
    const value = strictOnly('e071a94703c328a1', 'BAD_UTF8', 5, 'url');
    expect(value).toEqual({ _: 'statsURL', url: '\ufffd(\ufffd' });
  });

  it('a bytes field is never checked for UTF-8', () => {
    // upload.saveFilePart#b304a621 file_id:long file_part:int bytes:bytes
    expect(layer.decode(fromHex('21a604b3' + '0100000000000000' + '02000000' + '03c328a1'))).toMatchObject({ bytes: fromHex('c328a1') });
  });

  // A Bool or Vector id is a type tag, not redundancy: there is no value to give a wrong one.
  it('a Bool id that is neither boolTrue nor boolFalse is an error in both modes', () => {
    const hex = '2c562866' + '39d3ed3f'; // account.updateStatus offline:Bool = true#3fedd339
    for (const strict of [true, false]) {
      const e = decodeError(() => layer.decode(fromHex(hex), { strict }));
      expect({ code: e.code, offset: e.offset, field: e.fieldPath }).toEqual({ code: 'BAD_BOOL', offset: 4, field: 'offline' });
    }
  });

  it('a Vector id that is not 0x1cb5c415 is an error in both modes', () => {
    const hex = '59b4d662' + '15c4b51d' + '00000000'; // msgs_ack msg_ids:Vector<long>
    for (const strict of [true, false]) {
      const e = decodeError(() => layer.decode(fromHex(hex), { strict }));
      expect({ code: e.code, offset: e.offset, field: e.fieldPath }).toEqual({ code: 'VECTOR_ID', offset: 4, field: 'msgIds' });
    }
  });
});

describe('a lenient repair inside an MTProto envelope', () => {
  // msg_container#73f1f8dc with one envelope (msg_id 1, seqno 2, bytes 8) around statsURL whose
  // url is two bytes of invalid UTF-8.
  const hex = 'dcf8f173' + '01000000' + '0100000000000000' + '02000000' + '08000000' + 'e071a947' + '02ffff00';

  it('changes the body length, so the envelope bytes from the wire no longer fit', () => {
    expect(decodeError(() => layer.decode(fromHex(hex))).code).toBe('BAD_UTF8');
    const value = layer.decode(fromHex(hex), { strict: false }) as { messages: { bytes?: number; body: unknown }[] };
    expect(value.messages[0].body).toEqual({ _: 'statsURL', url: '\ufffd\ufffd' });
    expect(() => layer.encode(value)).toThrow(expect.objectContaining({ code: 'LENGTH_MISMATCH', fieldPath: 'messages[0].body' }));
    // Without `bytes` the encoder derives it from the repaired body.
    value.messages[0].bytes = undefined;
    expect(toHex(layer.encode(value))).toBe('dcf8f173' + '01000000' + '0100000000000000' + '02000000' + '0c000000' + 'e071a947' + '06efbfbdefbfbd00');
  });
});

describe('unknown bits in a flags word', () => {
  // flags 0x00000003: bit 0 is `dark`, bit 1 belongs to no field of messages.getStatsURL.
  const withUnknownBit = `${GET_STATS_URL}03000000${INPUT_PEER_SELF}03616263`;

  it('are UNKNOWN_FLAGS when strict, at the flags word', () => {
    const e = decodeError(() => layer.decode(fromHex(withUnknownBit)));
    expect({ code: e.code, offset: e.offset, field: e.fieldPath, id: e.constructorHex }).toEqual({ code: 'UNKNOWN_FLAGS', offset: 4, field: 'flags', id: '0x812c2ae6' });
    expect(e.detail).toMatch(/bits 0x2 that no field uses/);
  });

  it('are dropped when lenient: the known fields decode, and re-encoding is not byte-identical', () => {
    const value = layer.decode(fromHex(withUnknownBit), { strict: false });
    expect(value).toEqual({ _: 'messages.getStatsURL', dark: true, peer: { _: 'inputPeerSelf' }, params: 'abc' });
    const again = toHex(layer.encode(value));
    // Only the flags word differs: the value has nowhere to keep bit 1.
    expect(again).toBe(`${GET_STATS_URL}01000000${INPUT_PEER_SELF}03616263`);
    expect(again).not.toBe(withUnknownBit);
  });

  it('are dropped whatever the bit, bit 31 included', () => {
    // chatAdminRights#5fb224d5 uses bits 0..12 of its flags word.
    const rights = `d524b25f${toHex(Uint8Array.of(0x01, 0x00, 0x00, 0x80))}`; // change_info + bit 31
    expect(decodeError(() => layer.decode(fromHex(rights))).code).toBe('UNKNOWN_FLAGS');
    const value = layer.decode(fromHex(rights), { strict: false });
    expect(value).toEqual({ _: 'chatAdminRights', changeInfo: true });
    expect(toHex(layer.encode(value))).toBe('d524b25f01000000');
  });
});
