import { combinatorIndex, type CombinatorModel, type LayerModel, type WireType } from '../tl/model.js';

/** The layer, indexed the ways the emitters look things up. */
export interface LayerIndex {
  model: LayerModel;
  byIdent: ReadonlyMap<string, CombinatorModel>;
  constructors: CombinatorModel[];
  functions: CombinatorModel[];
  /** Boxed types that get a dispatcher: every type but `Object` (the universal one) and `Bool` (a boolean). */
  boxedTypes: string[];
}

export function indexLayer(model: LayerModel): LayerIndex {
  const { byIdent } = combinatorIndex(model);
  return {
    model,
    byIdent,
    constructors: model.combinators.filter((c) => c.kind === 'constructor'),
    functions: model.combinators.filter((c) => c.kind === 'function'),
    boxedTypes: Object.keys(model.types).filter((t) => t !== 'Object' && t !== 'Bool'),
  };
}

/** `messages.Messages` -> `messages_Messages`: the TypeScript name of a boxed type's union. */
export function typeIdent(type: string): string {
  return type.replace(/\./g, '_');
}

/** A name for a wire type, unique per distinct type: names the shared vector helpers. */
export function wireKey(t: WireType): string {
  switch (t.k) {
    case 'vector':
      return `${t.boxed ? 'vec' : 'bvec'}_${wireKey(t.of)}`;
    case 'boxed':
      return typeIdent(t.type);
    case 'bare':
      return `bare_${t.ctor}`;
    default:
      return t.k;
  }
}

/** The fewest bytes a value of this type can take: bounds a vector's count before allocation. */
export function minSize(t: WireType, index: LayerIndex): number {
  switch (t.k) {
    case 'int':
    case 'string':
    case 'bytes':
    case 'bool':
    case 'boxed':
    case 'object':
    case 'query':
    case 'flags':
      return 4;
    case 'long':
    case 'double':
      return 8;
    case 'int128':
      return 16;
    case 'int256':
      return 32;
    case 'true':
      return 0;
    case 'vector':
      return t.boxed ? 8 : 4;
    case 'bare': {
      const c = index.byIdent.get(t.ctor)!;
      return c.fields.reduce((sum, f) => sum + (f.flag ? 0 : minSize(f.type, index)), 0);
    }
  }
}

/** `import { a, b, ... }` with the names wrapped at about 120 characters a line. */
export function importLines(names: readonly string[], from: string, typeOnly = false): string[] {
  return [`import ${typeOnly ? 'type ' : ''}{`, ...wrapList(names, '  '), `} from '${from}';`];
}

/** `a, b, c,` over lines of at most about 120 characters. */
export function wrapList(items: readonly string[], indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    if (line && line.length + item.length > 116) {
      lines.push(`${indent}${line.trimEnd()}`);
      line = '';
    }
    line += `${item}, `;
  }
  lines.push(`${indent}${line.trimEnd()}`);
  return lines;
}
