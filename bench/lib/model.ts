import type { CombinatorModel, FieldModel, LayerModel, WireType } from '../../dist/tl/model.js';

/**
 * The layer's combinators by name. The id-less MTProto envelope `message` is left out: values
 * named `message` are the API's message.
 */
export function combinatorsByName(model: LayerModel): Map<string, CombinatorModel> {
  return new Map(model.combinators.filter((c) => c.id !== undefined).map((c) => [c.name, c]));
}

/** How a peer library wants a tlwire value: its objects, and its form of each primitive. */
export interface PeerShape<T> {
  /** A primitive field value (`long`, `bytes`...) of field `field` of constructor `owner`. */
  leaf(value: unknown, type: WireType, owner: CombinatorModel, field: FieldModel): unknown;
  /** The peer's object for constructor `c` from its converted fields (absent ones left out). */
  object(c: CombinatorModel, fields: Record<string, unknown>): T;
}

/** Rebuilds a tlwire value in a peer's shape, field by field from tlwire's layer model. */
export function toPeerShape<T>(model: LayerModel, value: unknown, peer: PeerShape<T>): T {
  const byName = combinatorsByName(model);
  const object = (o: { _: string } & Record<string, unknown>): T => {
    const c = byName.get(o._);
    if (!c) throw new Error(`no combinator ${o._} in layer ${model.layer}`);
    const fields: Record<string, unknown> = {};
    for (const f of c.fields) {
      if (f.type.k === 'flags' || o[f.key] === undefined) continue;
      fields[f.key] = field(o[f.key], f.type, c, f);
    }
    return peer.object(c, fields);
  };
  const field = (v: unknown, t: WireType, owner: CombinatorModel, f: FieldModel): unknown => {
    switch (t.k) {
      case 'vector':
        return (v as unknown[]).map((x) => field(x, t.of, owner, f));
      case 'boxed':
      case 'bare':
      case 'object':
        return object(v as { _: string } & Record<string, unknown>);
      default:
        return peer.leaf(v, t, owner, f);
    }
  };
  return object(value as { _: string } & Record<string, unknown>);
}
