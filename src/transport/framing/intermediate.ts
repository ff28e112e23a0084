import { TransportError } from '../errors.js';
import {
  checkAligned,
  readUint32,
  StreamFrameDecoder,
  throwIfServerError,
  writeUint32,
  type DecoderOptions,
  type FrameDecoder,
  type FrameEncoder,
  type Framing,
} from './framing.js';

const QUICK_ACK_FLAG = 0x80000000;

class IntermediateEncoder implements FrameEncoder {
  encode(packet: Uint8Array): Uint8Array {
    checkAligned(packet);
    const out = new Uint8Array(4 + packet.length);
    writeUint32(out, 0, packet.length);
    out.set(packet, 4);
    return out;
  }
}

/** Intermediate: a 4-byte little-endian length, then the payload. Shared with padded intermediate. */
export class IntermediateDecoder extends StreamFrameDecoder {
  constructor(
    options: DecoderOptions | undefined,
    /** Padded frames carry 0..15 extra bytes, so neither alignment nor exact size can be checked. */
    private readonly padded: boolean,
  ) {
    super(options);
  }

  protected readFrame(): Uint8Array | undefined {
    if (this.queue.length < 4) return this.waitFor(4);
    const size = readUint32(this.queue.peek(4));
    if (size & QUICK_ACK_FLAG) {
      // Quick acks are never requested here, so a set high bit means a corrupt stream.
      throw new TransportError('BAD_FRAME_LENGTH', `frame length 0x${size.toString(16)} has the quick-ack bit set`);
    }
    this.checkFrameSize(size);
    if (!this.padded && size % 4 !== 0) {
      throw new TransportError('BAD_FRAME_LENGTH', `frame length ${size} is not a multiple of 4`);
    }
    if (this.queue.length < 4 + size) return this.waitFor(4 + size);
    this.queue.skip(4);
    const payload = this.queue.take(size);
    throwIfServerError(payload, this.padded ? 4 + 15 : 4);
    return payload;
  }
}

export const intermediate: Framing = {
  name: 'intermediate',
  marker: Uint8Array.of(0xee, 0xee, 0xee, 0xee),
  obfuscationTag: Uint8Array.of(0xee, 0xee, 0xee, 0xee),
  createEncoder: () => new IntermediateEncoder(),
  createDecoder: (options?: DecoderOptions): FrameDecoder => new IntermediateDecoder(options, false),
};
