import { describe, expect, it } from 'vitest';
import { readDouble, writeDouble } from '../../../src/runtime/primitives/double.js';
import { expectDecodeError, expectEncodeError, readAll, written } from '../helpers.js';

describe('double', () => {
  const cases: [number, string][] = [
    [0, '0000000000000000'],
    [1.5, '000000000000f83f'],
    [-2.25, '00000000000002c0'],
    [5e-324, '0100000000000000'],
    [Number.MAX_VALUE, 'ffffffffffffef7f'],
    [Infinity, '000000000000f07f'],
    [-Infinity, '000000000000f0ff'],
  ];

  it.each(cases)('writes %d as %s and reads it back', (value, hex) => {
    expect(written(writeDouble, value)).toBe(hex);
    expect(readAll(readDouble, hex)).toBe(value);
  });

  it('keeps negative zero', () => {
    expect(written(writeDouble, -0)).toBe('0000000000000080');
    expect(Object.is(readAll(readDouble, '0000000000000080'), -0)).toBe(true);
  });

  it('reads any NaN as NaN, and writes the canonical NaN', () => {
    expect(readAll(readDouble, '010000000000f07f')).toBeNaN();
    expect(written(writeDouble, NaN)).toBe('000000000000f87f');
  });

  it('refuses what is not a number', () => {
    expectEncodeError(writeDouble, '1.5', 'BAD_VALUE');
    expectEncodeError(writeDouble, 1n, 'BAD_VALUE');
    expectEncodeError(writeDouble, undefined, 'MISSING_FIELD');
  });

  it('reports a truncated double at its first byte', () => {
    expectDecodeError(readDouble, '00000000', 'TRUNCATED', 0);
  });
});
