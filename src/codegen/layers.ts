import type { SchemaText } from '../tl/ast.js';
import { assembleLayer, type LayerSource } from '../tl/model.js';

/** The layers tlwire ships: which schema files (in schema/) make each. */
export interface LayerSpec {
  layer: number;
  /** API schema, then the MTProto service schema. */
  files: string[];
  /** The service combinators tdesktop parses by hand, from their official lines. */
  serviceFile: string;
}

export const SERVICE_FILE = 'mtproto-service-official.tl';

export const SHIPPED_LAYERS: readonly LayerSpec[] = [
  { layer: 133, files: ['api-layer-133.tl', 'mtproto-tdesktop-layer-133.tl'], serviceFile: SERVICE_FILE },
  { layer: 228, files: ['api-layer-228-tdesktop-via-gotd.tl', 'mtproto-tdesktop-layer-214.tl'], serviceFile: SERVICE_FILE },
];

export const NEWEST_LAYER = 228;

/** A shipped layer's sources; `read(name)` gives the text of schema/NAME (positions say `schema/NAME`). */
export function shippedLayerSources(spec: LayerSpec, read: (name: string) => string): LayerSource[] {
  const schema = (name: string): SchemaText => ({ file: `schema/${name}`, text: read(name) });
  return assembleLayer(spec.files.map(schema), schema(spec.serviceFile)).sources;
}
