/**
 * tlwire: the runtime under the generated codecs, and the layer-level API.
 * Each shipped layer is its own entry point: `tlwire/layer133`, `tlwire/layer228`.
 */
export * from './runtime/index.js';
export { LayerCodec, TlLayer, type LayerRegistry, type DecodeRequest } from './layer.js';
export { MultiLayer, LAYER_TAG, JSON_LAYER_KEY } from './multi-layer.js';
export { pack, unpack, MissingLayerError, PACK_MAGIC, PACK_HEADER_LENGTH } from './pack.js';
export { JsonMapping } from './json/canonical.js';
export { toHex, fromHex } from './common/bytes.js';
export { sameValue } from './values.js';
