import { describe, expect, it } from 'vitest';
import { SLOW_INPUT_MS } from '../../scripts/fuzz.js';
import { SchemaError } from '../../src/tl/errors.js';
import { buildLayerModel } from '../../src/tl/model.js';
import { parseSchema } from '../../src/tl/parser.js';
import { LAYERS } from '../helpers.js';
import { decodeError, encodeError } from '../runtime/helpers.js';

// Crashes found while hardening, one test each. Others live next to their subject:
// call-stack overflows in test/runtime/limits.test.ts, deep schema nesting in test/tl/hostile-schemas.test.ts.

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

describe('the time an input may take', () => {
  // A valid 40 KB msg_container of 2,000 service messages: 2,000 dispatches through read_Object.
  // Layer 228's Object dispatch written as one switch over its 2,502 ids is more bytecode than V8
  // optimizes (60 KiB), and ran in the interpreter (about 30 ms for this input, 0.7 ms in layer
  // 133): the generated dispatchers are tables, and this test keeps them fast.
  it.each([133, 228] as const)(`layer %d decodes it in under ${SLOW_INPUT_MS} ms`, (number) => {
    const layer = LAYERS[number];
    const messages = Array.from({ length: 2000 }, (_, i) => ({ _: 'message', msgId: BigInt(i), seqno: i, bytes: 4, body: { _: 'rpc_answer_unknown' } }));
    const bytes = layer.encode({ _: 'msg_container', messages });
    expect(bytes.length).toBe(40_008);
    // Timed as the fuzzer times its slowest inputs: the fastest of 21 runs is the input's own
    // cost, after the JIT has had its chance.
    const times: number[] = [];
    for (let k = 0; k < 21; k++) {
      const t0 = performance.now();
      layer.decode(bytes);
      times.push(performance.now() - t0);
    }
    expect(Math.min(...times)).toBeLessThan(SLOW_INPUT_MS);
  });
});
