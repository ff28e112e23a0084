import { describe, expect, it } from 'vitest';
import { BOOL_FALSE, BOOL_TRUE, readBool, writeBool } from '../../../src/runtime/primitives/bool.js';
import { LAYERS } from '../../helpers.js';
import { expectDecodeError, expectEncodeError, readAll, written } from '../helpers.js';

describe('Bool', () => {
  it('writes boolTrue#997275b5 and boolFalse#bc799737 and reads them back', () => {
    expect(written(writeBool, true)).toBe('b5757299');
    expect(written(writeBool, false)).toBe('379779bc');
    expect(readAll(readBool, 'b5757299')).toBe(true);
    expect(readAll(readBool, '379779bc')).toBe(false);
    expect([BOOL_TRUE, BOOL_FALSE]).toEqual([0x997275b5, 0xbc799737]);
  });

  it.each([[1], [0], ['true'], [null], [{ _: 'boolTrue' }]])('refuses %j: only true and false are Bools', (value) => {
    expectEncodeError(writeBool, value, 'BAD_VALUE');
  });

  it('calls a missing Bool a missing field', () => {
    expectEncodeError(writeBool, undefined, 'MISSING_FIELD');
  });

  // A Bool id that is neither one has no value to give, so lenient mode refuses it too.
  it.each([true, false])('refuses any other id with BAD_BOOL at its offset (strict %s)', (strict) => {
    const e = expectDecodeError(readBool, '39d3ed3f', 'BAD_BOOL', 0, { strict });
    expect(e.constructorHex).toBe('0x3fedd339');
  });

  it('reports a truncated Bool at its first byte', () => {
    expectDecodeError(readBool, 'b57572', 'TRUNCATED', 0);
  });

  it('names the Bool field in a layer value', () => {
    // account.updateStatus#6628562c offline:Bool
    const e = expectDecodeError((r) => LAYERS[133].registry.readObject(r), '2c562866' + '00000000', 'BAD_BOOL', 4);
    expect(e.fieldPath).toBe('offline');
  });
});
