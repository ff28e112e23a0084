import type { DecodeRequest } from './layer.js';
import { TlLayer } from './layer.js';
import { MultiLayer } from './multi-layer.js';
import { TlDecodeError } from './runtime/errors.js';

/** "TLpk": the first 4 bytes of a packed object. */
export const PACK_MAGIC = Uint8Array.of(0x54, 0x4c, 0x70, 0x6b);
/** The magic, then the layer number as a little-endian int32: 8 bytes, so the object stays word-aligned. */
export const PACK_HEADER_LENGTH = 8;

/** unpack met a header naming a layer it was not given: the application must load that layer's tables. */
export class MissingLayerError extends TlDecodeError {
  constructor(
    /** The layer the object was packed with. */
    readonly layer: number,
    have: readonly number[],
  ) {
    super('MISSING_LAYER', 4, `packed with layer ${layer}, which is not loaded (loaded: ${have.join(', ')})`);
  }
}

/**
 * A TL object for storage: a small header (the magic "TLpk" and the layer number) before its
 * boxed bytes, so that {@link unpack} reads it with that layer's tables after the application
 * has moved to a newer layer. With a MultiLayer, the layer is the one it encodes the value with.
 */
export function pack(value: unknown, layers: TlLayer | MultiLayer): Uint8Array {
  const { layer, bytes } = layers instanceof MultiLayer ? layers.encodeWithLayer(value) : { layer: layers, bytes: layers.encode(value) };
  const out = new Uint8Array(PACK_HEADER_LENGTH + bytes.length);
  out.set(PACK_MAGIC);
  new DataView(out.buffer).setInt32(4, layer.layer, true);
  out.set(bytes, PACK_HEADER_LENGTH);
  return out;
}

/**
 * Reads back what {@link pack} wrote, with the layer its header names: one of `layers`, else a
 * {@link MissingLayerError} naming it. Input without the header is a TlDecodeError NOT_PACKED;
 * the object itself decodes as TlLayer.decode does (whole input, `request`'s limits; its error
 * offsets count from the object, after the header).
 */
export function unpack(bytes: Uint8Array, layers: TlLayer | MultiLayer | readonly TlLayer[], request: DecodeRequest = {}): { layer: TlLayer; value: unknown } {
  if (bytes.length < PACK_HEADER_LENGTH || PACK_MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new TlDecodeError('NOT_PACKED', 0, 'not a packed TL object: it does not start with "TLpk" and a layer number');
  }
  const number = new DataView(bytes.buffer, bytes.byteOffset, PACK_HEADER_LENGTH).getInt32(4, true);
  const all = layers instanceof TlLayer ? [layers] : layers instanceof MultiLayer ? layers.layers : layers;
  const layer = all.find((l) => l.layer === number);
  if (!layer) throw new MissingLayerError(number, all.map((l) => l.layer));
  return { layer, value: layer.decode(bytes.subarray(PACK_HEADER_LENGTH), request) };
}
