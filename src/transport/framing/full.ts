import { crc32 } from '../../common/bytes.js';
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

/** length (4) + seq_no (4) before the payload, CRC32 (4) after it. */
const HEADER_LENGTH = 8;
const OVERHEAD = HEADER_LENGTH + 4;

class FullEncoder implements FrameEncoder {
  private seqNo = 0;

  encode(packet: Uint8Array): Uint8Array {
    checkAligned(packet);
    const out = new Uint8Array(OVERHEAD + packet.length);
    writeUint32(out, 0, out.length);
    writeUint32(out, 4, this.seqNo);
    out.set(packet, HEADER_LENGTH);
    writeUint32(out, out.length - 4, crc32(out.subarray(0, out.length - 4)));
    this.seqNo = (this.seqNo + 1) >>> 0;
    return out;
  }
}

class FullDecoder extends StreamFrameDecoder {
  private expectedSeqNo = 0;

  protected readFrame(): Uint8Array | undefined {
    if (this.queue.length < 4) return this.waitFor(4);
    const length = readUint32(this.queue.peek(4));
    if (length < OVERHEAD || length % 4 !== 0) {
      throw new TransportError('BAD_FRAME_LENGTH', `full frame length ${length} is invalid`);
    }
    this.checkFrameSize(length - OVERHEAD);
    if (this.queue.length < length) return this.waitFor(length);
    // Checked in place, so only the payload is copied out of the queue.
    const frame = this.queue.peek(length);
    const expectedCrc = crc32(frame.subarray(0, length - 4));
    const receivedCrc = readUint32(frame, length - 4);
    if (receivedCrc !== expectedCrc) {
      throw new TransportError('CRC_MISMATCH', `frame CRC32 is ${receivedCrc}, computed ${expectedCrc}`);
    }
    const seqNo = readUint32(frame, 4);
    if (seqNo !== this.expectedSeqNo) {
      throw new TransportError('SEQ_MISMATCH', `frame seq_no is ${seqNo}, expected ${this.expectedSeqNo}`);
    }
    this.expectedSeqNo = (this.expectedSeqNo + 1) >>> 0;
    this.queue.skip(HEADER_LENGTH);
    const payload = this.queue.take(length - OVERHEAD);
    this.queue.skip(4);
    throwIfServerError(payload);
    return payload;
  }
}

export const full: Framing = {
  name: 'full',
  marker: new Uint8Array(0),
  obfuscationTag: undefined,
  createEncoder: () => new FullEncoder(),
  createDecoder: (options?: DecoderOptions): FrameDecoder => new FullDecoder(options),
};
