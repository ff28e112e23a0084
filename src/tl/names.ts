import type { Combinator } from './ast.js';
/** TypeScript names that cannot name an interface or a type alias. */
const RESERVED_TYPE_NAMES = new Set(['true', 'false', 'null', 'undefined', 'any', 'never', 'unknown', 'object', 'string', 'number', 'boolean', 'symbol', 'bigint', 'void', 'this']);

/** What makes a combinator one of its kind in a layer: its section and its name (`functions:messages.getStatsURL`). */
export function combinatorKey(c: Combinator): string {
  return `${c.section}:${c.name}`;
}

/** `access_hash` -> `accessHash`, `srp_B` -> `srpB`, `M1` -> `M1`: the JavaScript / canonical JSON key of a field. */
export function fieldKey(name: string): string {
  return name.replace(/_(.)/g, (_, c: string) => c.toUpperCase());
}

/**
 * The TypeScript identifier of a combinator or a boxed type: `messages.getStatsURL` ->
 * `messages_getStatsURL`, `messages.Messages` -> `messages_Messages`; TypeScript's reserved
 * type names get a trailing `_`.
 */
export function identOf(name: string): string {
  const ident = name.replace(/\./g, '_');
  return RESERVED_TYPE_NAMES.has(ident) ? `${ident}_` : ident;
}
