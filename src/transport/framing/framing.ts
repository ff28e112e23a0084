import type { RandomBytes } from '../../mtproto/crypto/random.js';
import { TransportError } from '../errors.js';
import { ByteQueue } from './byte-queue.js';

/**
 * The largest packet accepted by default: the biggest real message is a file part (upload.getFile
 * answers up to 1 MiB, saveBigFilePart sends up to 512 KiB) plus its TL, MTProto and padding
 * headers (about 1.1 KiB); 64 KiB of headroom above 1 MiB covers them many times over.
 */
export const DEFAULT_MAX_FRAME_SIZE = 1024 * 1024 + 64 * 1024;

export type FramingName = 'abridged' | 'intermediate' | 'padded-intermediate' | 'full';

export interface FrameEncoder {
  /** Wraps one MTProto packet into a frame. */
  encode(packet: Uint8Array): Uint8Array;
}

export interface FrameDecoder {
  /**
   * Feeds received bytes (any chunking) and returns the packets they complete.
   * Framing errors are fatal for the stream: once one is thrown, every later call throws it again.
   */
  push(chunk: Uint8Array): Uint8Array[];
  /** Call when the stream ends; throws TRUNCATED_FRAME if it stopped inside a frame. */
  finish(): void;
  /** Bytes of memory held for frames not yet complete (at most about twice what is buffered). */
  readonly heldBytes: number;
}

export interface EncoderOptions {
  /** Randomness for padded intermediate; defaults to a secure source. */
  random?: RandomBytes;
}

export interface DecoderOptions {
  /** Largest payload accepted; a bigger length in a header is rejected before its body arrives. */
  maxFrameSize?: number;
}

export interface Framing {
  readonly name: FramingName;
  /** Sent once by the client before its first frame on a plain (non-obfuscated) connection. */
  readonly marker: Uint8Array;
  /** Protocol tag of the obfuscated2 init; undefined for full, which cannot be obfuscated. */
  readonly obfuscationTag: Uint8Array | undefined;
  createEncoder(options?: EncoderOptions): FrameEncoder;
  createDecoder(options?: DecoderOptions): FrameDecoder;
}

/** Decoder skeleton: buffering, size limit and sticky failure; subclasses parse one frame. */
export abstract class StreamFrameDecoder implements FrameDecoder {
  protected readonly queue = new ByteQueue();
  protected readonly maxFrameSize: number;
  private failure: unknown;
  /** Buffered length the current frame needs before parsing is worth retrying. */
  private awaitedLength = 0;

  constructor(options: DecoderOptions = {}) {
    this.maxFrameSize = options.maxFrameSize ?? DEFAULT_MAX_FRAME_SIZE;
  }

  get heldBytes(): number {
    return this.queue.capacity;
  }

  push(chunk: Uint8Array): Uint8Array[] {
    if (this.failure !== undefined) throw this.failure;
    this.queue.push(chunk);
    const packets: Uint8Array[] = [];
    if (this.queue.length < this.awaitedLength) return packets;
    try {
      for (let packet = this.readFrame(); packet; packet = this.readFrame()) packets.push(packet);
    } catch (error) {
      this.failure = error;
      throw error;
    }
    return packets;
  }

  finish(): void {
    if (this.failure !== undefined) throw this.failure;
    if (this.queue.length > 0) {
      const buffered = this.queue.length;
      throw new TransportError('TRUNCATED_FRAME', `stream ended with ${buffered} bytes of an incomplete frame`);
    }
  }

  /**
   * Returns the next packet if it is complete, else {@link waitFor}s more bytes.
   * Must validate a header as soon as it is buffered.
   */
  protected abstract readFrame(): Uint8Array | undefined;

  /** Records that nothing can be parsed before `length` bytes are buffered. */
  protected waitFor(length: number): undefined {
    this.awaitedLength = length;
    return undefined;
  }

  protected checkFrameSize(size: number): void {
    if (size > this.maxFrameSize) {
      throw new TransportError('FRAME_TOO_LARGE', `frame of ${size} bytes exceeds the ${this.maxFrameSize} byte limit`);
    }
  }
}

export function readUint32(bytes: Uint8Array, offset = 0): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(offset, true);
}

export function writeUint32(bytes: Uint8Array, offset: number, value: number): void {
  new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).setUint32(offset, value, true);
}

export function checkAligned(packet: Uint8Array): void {
  if (packet.length % 4 !== 0) {
    throw new TransportError('BAD_PACKET', `packet length ${packet.length} is not a multiple of 4`);
  }
}

/**
 * Servers report transport failures (-404, -429, -444, ...) as a packet holding just a
 * negative int32; `maxLength` leaves room for padded intermediate's random padding.
 */
export function throwIfServerError(payload: Uint8Array, maxLength = 4): void {
  if (payload.length < 4 || payload.length > maxLength) return;
  const code = readUint32(payload) | 0;
  if (code < 0) throw TransportError.fromServerCode(code);
}
