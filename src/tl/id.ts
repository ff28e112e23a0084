import { crc32 } from '../common/bytes.js';
import type { Combinator, Param, TypeRef } from './ast.js';

/** A type as the id rule sees it: angle brackets become spaces, `<`/`>` vanish. */
function idType(t: TypeRef): string {
  const head = (t.percent ? '%' : '') + t.name;
  return [head, ...t.args.map(idType)].join(' ');
}

function idParam(p: Param): string | undefined {
  if (p.kind === 'repeat') {
    const label = p.name ? `${p.name}:` : '';
    const times = p.multiplicity ? `${p.multiplicity}*` : '';
    return `${label}${times}[ ${p.params.map(idParam).filter((s) => s !== undefined).join(' ')} ]`;
  }
  // `name:flagsN.K?true` fields take no bytes and do not count in the id.
  if (p.flag && p.type.name === 'true' && !p.type.percent && p.type.args.length === 0) return undefined;
  // `bytes` is `string` on the wire; the id is computed as if it were written `string`.
  const type = p.type.name === 'bytes' && !p.type.percent && p.type.args.length === 0 ? 'string' : idType(p.type);
  const label = p.name ? `${p.name}:` : '';
  const cond = p.flag ? `${p.flag.field}.${p.flag.bit}?` : '';
  return `${label}${cond}${p.excl ? '!' : ''}${type}`;
}

/**
 * The text whose CRC32 is the combinator's id: the line without its `#id`, without
 * `flags.N?true` fields, `bytes` written `string`, `<` as a space and `>`, `{`, `}` dropped.
 */
export function normalizeForId(c: Combinator): string {
  const parts = [c.name];
  for (const g of c.generics) parts.push(`${g.name}:${g.type}`);
  for (const p of c.params) {
    const s = idParam(p);
    if (s !== undefined) parts.push(s);
  }
  if (c.questionMark) parts.push('?');
  parts.push('=', idType(c.result));
  return parts.join(' ');
}

const utf8 = new TextEncoder();

/** The constructor id TL derives from the line: CRC32 of {@link normalizeForId}. */
export function computeId(c: Combinator): number {
  return crc32(utf8.encode(normalizeForId(c)));
}
