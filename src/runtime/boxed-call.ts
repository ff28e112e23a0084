import { hexId } from '../common/bytes.js';
import { TlDecodeError } from './errors.js';
import { enter, readId, type Reader } from './reader.js';

/**
 * The boxed reader of a function, the pair of its writer (which writes the id first): reads
 * the id, refuses any other, then the fields with `body`. The generated dispatchers read the id
 * themselves and call `body`.
 */
export function boxedCall<T>(id: number, name: string, body: (r: Reader) => T): (r: Reader) => T {
  return (r) => {
    const found = readId(r);
    if (found !== id) throw new TlDecodeError('WRONG_CONSTRUCTOR', r.pos - 4, `expected ${name} (${hexId(id)}), found ${hexId(found)}`);
    enter(r);
    const v = body(r);
    r.depth--;
    return v;
  };
}
