import { abridged } from './abridged.js';
import type { Framing } from './framing.js';
import { full } from './full.js';
import { intermediate } from './intermediate.js';
import { paddedIntermediate } from './padded-intermediate.js';

export { abridged, full, intermediate, paddedIntermediate };
export {
  DEFAULT_MAX_FRAME_SIZE,
  type DecoderOptions,
  type EncoderOptions,
  type FrameDecoder,
  type FrameEncoder,
  type Framing,
  type FramingName,
} from './framing.js';

const OBFUSCATABLE: readonly Framing[] = [abridged, intermediate, paddedIntermediate];

/** The framing announced by an obfuscated2 protocol tag, if any. */
export function framingForObfuscationTag(tag: Uint8Array): Framing | undefined {
  if (tag.length !== 4) return undefined;
  return OBFUSCATABLE.find((framing) => framing.obfuscationTag?.every((byte, i) => byte === tag[i]));
}
