import { secureRandomBytes, type RandomBytes } from '../../mtproto/crypto/random.js';
import { IntermediateDecoder } from './intermediate.js';
import {
  checkAligned,
  writeUint32,
  type DecoderOptions,
  type EncoderOptions,
  type FrameDecoder,
  type FrameEncoder,
  type Framing,
} from './framing.js';

/**
 * Padded intermediate appends 0..15 random bytes to every frame and counts them in the length.
 * The receiver cannot tell padding from payload, so decoded packets keep it: pass
 * `transportPadding: true` to decryptMessage / decodePlainMessage for such packets.
 */
class PaddedIntermediateEncoder implements FrameEncoder {
  constructor(private readonly random: RandomBytes) {}

  encode(packet: Uint8Array): Uint8Array {
    checkAligned(packet);
    const paddingLength = this.random(1)[0] % 16;
    const out = new Uint8Array(4 + packet.length + paddingLength);
    writeUint32(out, 0, packet.length + paddingLength);
    out.set(packet, 4);
    out.set(this.random(paddingLength), 4 + packet.length);
    return out;
  }
}

export const paddedIntermediate: Framing = {
  name: 'padded-intermediate',
  marker: Uint8Array.of(0xdd, 0xdd, 0xdd, 0xdd),
  obfuscationTag: Uint8Array.of(0xdd, 0xdd, 0xdd, 0xdd),
  createEncoder: (options?: EncoderOptions) => new PaddedIntermediateEncoder(options?.random ?? secureRandomBytes),
  createDecoder: (options?: DecoderOptions): FrameDecoder => new IntermediateDecoder(options, true),
};
