import { identOf } from '../tl/names.js';
import type { WireType } from '../tl/model.js';

/** A name for a wire type, unique per distinct type: names the shared vector helpers. */
export function wireKey(t: WireType): string {
  switch (t.k) {
    case 'vector':
      return `${t.boxed ? 'vec' : 'bvec'}_${wireKey(t.of)}`;
    case 'boxed':
      return identOf(t.type);
    case 'bare':
      return `bare_${t.ctor}`;
    default:
      return t.k;
  }
}

/** `import { a, b, ... }` with the names wrapped at about 120 characters a line. */
export function importLines(names: readonly string[], from: string, typeOnly = false): string[] {
  return [`import ${typeOnly ? 'type ' : ''}{`, ...wrapList(names, '  '), `} from '${from}';`];
}

/** `a, b, c,` over lines of at most about 120 characters (items end with `separator`). */
export function wrapList(items: readonly string[], indent: string, separator = ', '): string[] {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    if (line && line.length + item.length > 116) {
      lines.push(`${indent}${line.trimEnd()}`);
      line = '';
    }
    line += `${item}${separator}`;
  }
  lines.push(`${indent}${line.trimEnd()}`);
  return lines;
}
