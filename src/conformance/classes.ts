/**
 * Failure classes: one peer bug fails hundreds of cases across as many constructors, so the
 * report groups failures by what went wrong, not only by where. A class is named from the
 * negative case's kind (what is wrong with the bytes the peer accepted) or from the shape of
 * the difference (how the peer's bytes or value depart from tlwire's, and in what kind of field).
 */
import type { NegativeCase } from './cases.js';
import type { Diagnosis } from './diagnose.js';

/**
 * What a negative case is about, from its `why` (the texts `tlwire vectors` writes); the
 * `error` hint for a case written by hand.
 */
export function negativeKind(c: NegativeCase): string {
  const why = c.why.replace(/^[^:]*: /, '');
  if (/^cut to \d+ of \d+ bytes/.test(why)) return 'input cut short';
  if (/ claims \d+ bytes/.test(why)) return 'a length prefix past the end';
  if (/ counts 2147483647 elements/.test(why)) return 'a vector count of 2^31-1';
  if (/ counts -1 /.test(why)) return 'a vector count of -1';
  if (/ counts \d+ elements of at least/.test(why)) return 'a vector count past the end';
  if (/an id no constructor of layer/.test(why)) return 'an unknown constructor id';
  const wrong = /^(the (?:constructor|function) id|.+?) is 0x[0-9a-f]{8}, the id of .*, where (.+) belongs$/.exec(why);
  if (wrong) {
    const where = /^the (constructor|function) id$/.test(wrong[1]) ? 'the outer value' : 'nested';
    if (wrong[2].startsWith('the Vector id')) return 'another id where the Vector id belongs';
    if (wrong[2].startsWith('boolTrue')) return 'another id where a Bool belongs';
    return `${wrong[2] === 'a function' ? 'a constructor where a function belongs' : 'a constructor of another type'} (${where})`;
  }
  if (/zero bytes after the/.test(why)) return 'bytes after the value';
  return `${c.error} (by its error hint)`;
}

/** The kind of a schema type, for a class name: `flags.2?Vector<long>` is a vector, `InputPeer` an object. */
export function typeFamily(tlType: string): string {
  const t = tlType.replace(/^[\w.]+\?/, '');
  if (/^[Vv]ector</.test(t)) return t.startsWith('v') ? 'bare vector' : 'vector';
  if (['int', 'long', 'double', 'int128', 'int256', 'string', 'bytes', 'Bool', 'true', '#'].includes(t)) return t;
  return t === '' ? 'unknown' : 'object';
}

/**
 * The class of an encode mismatch, from its diagnosis and both lengths. Sizes are left out (only
 * more, fewer or the same length count): one bug in values of many sizes is one class.
 */
export function encodeShape(d: Diagnosis | undefined, expected: number, actual: number): string {
  const size = actual === expected ? 'same length' : actual > expected ? 'more bytes' : 'fewer bytes';
  if (!d) return `other bytes (${size})`;
  if (d.summary.includes('it is absent (bit')) return 'writes a field whose flag bit is clear';
  if (d.part === 'padding') return `other padding after a ${typeFamily(d.tlType)} field`;
  if (d.field === '' && d.offset === 0) return `another constructor id (${size})`;
  if (d.tlType === '' && d.offset !== undefined && d.offset >= expected) return 'bytes after the value';
  const where = d.part ? `the ${d.part} of a ${typeFamily(d.tlType)} field` : d.tlType === d.owner || d.tlType === '' ? 'a constructor id' : `a ${typeFamily(d.tlType)} field`;
  return `other bytes in ${where} (${size})`;
}

/** The class of a decode mismatch, from its diagnosis. */
export function decodeShape(d: Diagnosis | undefined): string {
  if (!d) return 'another value';
  const family = typeFamily(d.tlType);
  if (d.summary.includes('the peer leaves it out')) return `leaves out a ${family} field`;
  if (d.summary.includes('tlwire has no such field here')) return 'adds a field tlwire does not have';
  if (/the peer has \d+ element\(s\)/.test(d.summary)) return 'another number of vector elements';
  if (d.summary.includes('the peer has constructor')) return 'another constructor';
  return `another value in a ${family} field`;
}

/** A refusal's text with its particulars (numbers, ids, names in quotes) taken out, so that one cause gives one class. */
export function refusalGist(error: string): string {
  const gist = error
    .split('\n')[0]
    .replace(/(["'`]).*?\1/g, '…')
    .replace(/0x[0-9a-f]+|\b[0-9a-f]{8,}\b|-?\d+(\.\d+)?/gi, 'N')
    .replace(/\b[a-z]+(?:\.[a-z]\w*)?[A-Z]\w*\b|\b[a-z]+[._][a-z]\w*\b/g, 'X')
    .trim();
  return gist.length > 90 ? `${gist.slice(0, 89)}…` : gist;
}
