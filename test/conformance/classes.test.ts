import { describe, expect, it } from 'vitest';
import type { NegativeCase } from '../../src/conformance/cases.js';
import { negativeKind, refusalGist, typeFamily } from '../../src/conformance/classes.js';
import { SuiteGenerator } from '../../src/conformance/suite.js';
import { LAYERS } from '../helpers.js';

describe('negativeKind', () => {
  it('names the kind of every negative case tlwire vectors writes, none by the error hint alone', () => {
    const generator = new SuiteGenerator(LAYERS[228], { seed: 'classes', per: 1 });
    const names = ['invokeWithLayer', 'future_salts', 'messages.sendMessage', 'stickerKeyword', 'chatFull', 'msg_container'];
    const cases = generator.combinators().filter((c) => names.includes(c.name)).flatMap((c) => generator.negative(c));
    const kinds = new Map<string, number>();
    for (const c of cases) kinds.set(negativeKind(c), (kinds.get(negativeKind(c)) ?? 0) + 1);
    expect([...kinds.keys()].sort()).toEqual(
      [
        'a constructor of another type (nested)',
        'a constructor of another type (the outer value)',
        'a constructor where a function belongs (nested)',
        'a constructor where a function belongs (the outer value)',
        'a length prefix past the end',
        'a vector count of -1',
        'a vector count of 2^31-1',
        'a vector count past the end',
        'an unknown constructor id',
        'another id where a Bool belongs',
        'another id where the Vector id belongs',
        'bytes after the value',
        'input cut short',
      ].sort(),
    );
  });

  it('falls back on the error hint for a case written by hand', () => {
    const c: NegativeCase = { schema: 'layer-133', type: 'Bool', hex: '00', error: 'truncated', why: 'one byte' };
    expect(negativeKind(c)).toBe('truncated (by its error hint)');
  });

  it('the hints of generated wrong-id cases are the id errors: a function id replaced is refused at the id', () => {
    const generator = new SuiteGenerator(LAYERS[228], { seed: '11', per: 1 });
    const functions = generator.combinators().filter((c) => c.kind === 'function' && c.fields.length > 0).slice(0, 300);
    const ids = functions.flatMap((c) => generator.negative(c)).filter((c) => /^[^:]+: the function id is 0x/.test(c.why));
    expect(ids.length).toBe(600);
    expect(new Set(ids.map((c) => c.error))).toEqual(new Set(['unknown_constructor', 'wrong_constructor']));
  });
});

describe('refusalGist and typeFamily', () => {
  it('takes the particulars out of a refusal', () => {
    expect(refusalGist('Error: GramJS has no class for boolFalse')).toBe('Error: GramJS has no class for X');
    expect(refusalGist("RangeError: The value of \"offset\" is out of range. It must be >= 0 and <= 12. Received 16")).toBe('RangeError: The value of … is out of range. It must be >= N and <= N. Received N');
    expect(refusalGist('Unknown object id: 0xa28d04c4\n  at reader')).toBe('Unknown object id: N');
    expect(refusalGist("mtcute's layer 223 has no messages.getHistory")).toBe("mtcute's layer N has no X");
  });

  it('sorts schema types into the kinds a class names', () => {
    expect(['flags.2?Vector<long>', 'vector<future_salt>', 'InputPeer', 'flags2.0?string', 'long', 'flags.1?true'].map(typeFamily)).toEqual(['vector', 'bare vector', 'object', 'string', 'long', 'true']);
  });
});
