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
