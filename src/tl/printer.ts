import { formatId } from '../common/bytes.js';
import type { Combinator, Param, TypeRef } from './ast.js';

/** Prints a type as written in a field: `Vector<long>`, `%Message`, `#`. */
export function printType(t: TypeRef): string {
  const head = (t.percent ? '%' : '') + t.name;
  if (t.args.length === 0) return head;
  if (t.angle) return `${head}<${t.args.map(printType).join(',')}>`;
  return [head, ...t.args.map(printType)].join(' ');
}

export function printParam(p: Param): string {
  if (p.kind === 'repeat') {
    const label = p.name ? `${p.name}:` : '';
    const times = p.multiplicity ? `${p.multiplicity}*` : '';
    return `${label}${times}[ ${p.params.map(printParam).join(' ')} ]`;
  }
  const label = p.name ? `${p.name}:` : '';
  const cond = p.flag ? `${p.flag.field}.${p.flag.bit}?` : '';
  return `${label}${cond}${p.excl ? '!' : ''}${printType(p.type)}`;
}


/**
 * Prints a combinator in the canonical one-line form; parsing the output gives back an equal
 * combinator (ids are printed with all 8 digits).
 */
export function printCombinator(c: Combinator): string {
  const parts = [c.id === undefined ? c.name : `${c.name}#${formatId(c.id)}`];
  for (const g of c.generics) parts.push(`{${g.name}:${g.type}}`);
  for (const p of c.params) parts.push(printParam(p));
  if (c.questionMark) parts.push('?');
  parts.push('=', printType(c.result));
  return `${parts.join(' ')};`;
}
