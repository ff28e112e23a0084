// The codec module for examples/conformance/adapter.mjs that tests tlwire itself, through its
// by-name JSON API. Replace it with a module wrapping your implementation.
import { TlLayer } from 'tlwire';
import * as layer133 from 'tlwire/layer133';
import * as layer228 from 'tlwire/layer228';

const layers = { 133: new TlLayer(layer133.registry, layer133.model), 228: new TlLayer(layer228.registry, layer228.model) };

function layerOf(number) {
  const tl = layers[number];
  if (!tl) throw new Error(`no layer ${number}`);
  return tl;
}

export function encodeValue(json, layer) {
  return layerOf(layer).encodeJson(json);
}

export function decodeBytes(bytes, type, layer) {
  return layerOf(layer).decodeJson(bytes, { as: type });
}
