import { describe, expect, it } from 'vitest';
import { SchemaError } from '../../src/tl/errors.js';
import { buildLayerModel } from '../../src/tl/model.js';
import { parseSchema } from '../../src/tl/parser.js';
import { LAYERS } from '../helpers.js';
import { decodeError, encodeError } from '../runtime/helpers.js';

// Crashes found while hardening, one test each. Others live next to their subject:
// call-stack overflows in limits.test.ts, deep schema nesting in schema.test.ts.

// Every JavaScript object has these keys, so a plain-object table "has" them.
const INHERITED = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

describe('names every JavaScript object has', () => {
  it.each(INHERITED)('a schema using %s is a positioned SchemaError, not a TypeError in buildLayerModel', (name) => {
    for (const text of [`a#1 = ${name};`, `a#1 x:${name} = A;`, `${name}#1 = A;`]) {
      let error: unknown;
      try {
        buildLayerModel(1, [{ schema: parseSchema(text, 'x.tl') }]);
      } catch (e) {
        error = e;
      }
      expect(error, text).toBeInstanceOf(SchemaError);
      expect((error as SchemaError).pos.line).toBe(1);
    }
  });

  // src/layer.ts looked names up in plain-object tables: `read is not a function`.
  it.each(INHERITED)('decoding as %s is a TlDecodeError, not a TypeError', (name) => {
    const e = decodeError(() => LAYERS[133].decode(Uint8Array.of(0x4f, 0x82, 0x3d, 0xdc), { as: name }));
    expect(e.code).toBe('UNKNOWN_CONSTRUCTOR');
  });

  // The same tables made `constructor` look like a name the layer has (WRONG_CONSTRUCTOR).
  it.each(INHERITED)('encoding { _: %j } is UNKNOWN_CONSTRUCTOR', (name) => {
    expect(encodeError(() => LAYERS[133].encode({ _: name })).code).toBe('UNKNOWN_CONSTRUCTOR');
  });
});
