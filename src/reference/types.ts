/**
 * The shape of the project's reference data (src/reference/data/, built by scripts/reference.ts
 * from reference/): what the schema does not say about a combinator. Descriptions are Markdown;
 * a fact the sources lack is absent, never filled in.
 */

/** Who may call a method: users only, bots only, or both. */
export type Callers = 'user' | 'bot' | 'both';

/** One error a method can return. */
export interface MethodError {
  code: number;
  /** As the sources write it: `PEER_ID_INVALID`, `FLOOD_WAIT_%d`. */
  name: string;
  description?: string;
}

/** Where an entry's facts come from, when not from an entry of the same name and id. */
export type EntrySource =
  /** The entry of the same name in another layer, where the id differs. */
  | { layer: number; id: number }
  /** The seed page (reference/seed-messages.getStatsURL.md). */
  | 'seed';

export interface CombinatorReference {
  description?: string;
  /** Descriptions of the parameters by TL name (`offset_id`); a parameter not here has none. */
  params?: Record<string, string>;
  /** Methods: the errors the sources list. */
  errors?: MethodError[];
  /** Methods: who may call it. */
  callers?: Callers;
  /** Where `callers` comes from when the main source has no word on it. */
  callersFrom?: string;
  from?: EntrySource;
}

/** The reference data of one shipped layer. */
export interface LayerReference {
  layer: number;
  /** By TL name; only combinators of the layer that the sources describe. */
  combinators: Record<string, CombinatorReference>;
  /** Descriptions of boxed types, by name (`InputPeer`). */
  types: Record<string, string>;
}

/** One RPC error of the global table (src/reference/data/errors.ts). */
export interface RpcErrorInfo {
  code: number;
  description?: string;
  /** Names of the `%d` placeholders, in order, where the sources give them. */
  params?: string[];
}
