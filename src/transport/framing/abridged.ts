import { TransportError } from '../errors.js';
import {
  checkAligned,
  StreamFrameDecoder,
  throwIfServerError,
  type DecoderOptions,
  type FrameDecoder,
  type FrameEncoder,
  type Framing,
} from './framing.js';

/** Lengths are counted in 4-byte words: one byte below 0x7f, else 0x7f and 3 bytes little-endian. */
const LONG_LENGTH_MARK = 0x7f;
const MAX_WORDS = 0xffffff;

class AbridgedEncoder implements FrameEncoder {
  encode(packet: Uint8Array): Uint8Array {
    checkAligned(packet);
    const words = packet.length / 4;
    if (words > MAX_WORDS) {
      throw new TransportError('BAD_PACKET', `packet of ${packet.length} bytes is too long for abridged`);
    }
    const headerLength = words < LONG_LENGTH_MARK ? 1 : 4;
    const out = new Uint8Array(headerLength + packet.length);
    if (headerLength === 1) {
      out[0] = words;
    } else {
      out.set([LONG_LENGTH_MARK, words & 0xff, (words >>> 8) & 0xff, words >>> 16]);
    }
    out.set(packet, headerLength);
    return out;
  }
}

class AbridgedDecoder extends StreamFrameDecoder {
  protected readFrame(): Uint8Array | undefined {
    if (this.queue.length < 1) return this.waitFor(1);
    const first = this.queue.peek(1)[0];
    if (first > LONG_LENGTH_MARK) {
      // The high bit marks quick acks, which this implementation never requests.
      throw new TransportError('BAD_FRAME_LENGTH', `abridged length byte 0x${first.toString(16)} is not a length`);
    }
    let headerLength = 1;
    let words = first;
    if (first === LONG_LENGTH_MARK) {
      if (this.queue.length < 4) return this.waitFor(4);
      const header = this.queue.peek(4);
      headerLength = 4;
      words = header[1] | (header[2] << 8) | (header[3] << 16);
    }
    const size = words * 4;
    this.checkFrameSize(size);
    if (this.queue.length < headerLength + size) return this.waitFor(headerLength + size);
    this.queue.skip(headerLength);
    const payload = this.queue.take(size);
    throwIfServerError(payload);
    return payload;
  }
}

export const abridged: Framing = {
  name: 'abridged',
  marker: Uint8Array.of(0xef),
  obfuscationTag: Uint8Array.of(0xef, 0xef, 0xef, 0xef),
  createEncoder: () => new AbridgedEncoder(),
  createDecoder: (options?: DecoderOptions): FrameDecoder => new AbridgedDecoder(options),
};
