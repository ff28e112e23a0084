import { describe, expect, it } from 'vitest';
import {
  abridged,
  framingForObfuscationTag,
  full,
  intermediate,
  paddedIntermediate,
  TransportError,
  type FrameDecoder,
  type Framing,
  type TransportErrorCode,
} from '../../src/transport/index.js';
import { expectError } from '../expect-error.js';

const counting = (length: number) => Uint8Array.from({ length }, (_, i) => i & 0xff);
const frameworks: Framing[] = [abridged, intermediate, paddedIntermediate, full];
const sizes = [0, 4, 8, 504, 508, 512, 4096, 70_000];

function expectCode(fn: () => unknown, code: TransportErrorCode): TransportError {
  return expectError(fn, TransportError, code);
}

/** Feeds `bytes` in chunks of the given sizes (cycled) and collects the packets. */
function feed(decoder: FrameDecoder, bytes: Uint8Array, chunkSizes: number[]): Uint8Array[] {
  const packets: Uint8Array[] = [];
  for (let offset = 0, i = 0; offset < bytes.length; i++) {
    const size = chunkSizes[i % chunkSizes.length];
    packets.push(...decoder.push(bytes.subarray(offset, offset + size)));
    offset += size;
  }
  return packets;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  parts.reduce((offset, part) => (out.set(part, offset), offset + part.length), 0);
  return out;
}

/** Bytes announcing a 4-byte packet holding int32 -404, as each framing would carry it. */
function serverErrorFrame(framing: Framing): Uint8Array {
  const packet = new Uint8Array(4);
  new DataView(packet.buffer).setInt32(0, -404, true);
  return framing.createEncoder().encode(packet);
}

describe.each(frameworks)('$name framing', (framing) => {
  /** Padded packets keep their padding; compare the part that was sent (Buffer: fast for big arrays). */
  const expectSamePacket = (packet: Uint8Array, original: Uint8Array) => {
    const padding = packet.length - original.length;
    expect(padding >= 0 && padding < (framing === paddedIntermediate ? 16 : 1)).toBe(true);
    expect(Buffer.compare(packet.subarray(0, original.length), original)).toBe(0);
  };

  it('round-trips packets of many sizes through arbitrary chunking', () => {
    // Padded packets under 20 bytes (no MTProto packet is that short) could pass for padded error codes.
    const usable = framing === paddedIntermediate ? sizes.filter((size) => size >= 20) : sizes;
    const packets = usable.map((size) => counting(size).map((b) => b ^ size));
    const encoder = framing.createEncoder();
    const stream = concat(packets.map((packet) => encoder.encode(packet)));
    for (const chunking of [[1], [3, 7, 1], [stream.length], [1000, 1]]) {
      const decoded = feed(framing.createDecoder(), stream, chunking);
      expect(decoded.length).toBe(packets.length);
      decoded.forEach((packet, i) => expectSamePacket(packet, packets[i]));
    }
  });

  it('waits on a truncated frame and reports it when the stream ends', () => {
    const frame = framing.createEncoder().encode(counting(64));
    const decoder = framing.createDecoder();
    expect(decoder.push(frame.subarray(0, frame.length - 1))).toEqual([]);
    expectCode(() => decoder.finish(), 'TRUNCATED_FRAME');

    const complete = framing.createDecoder();
    expect(complete.push(frame)).toHaveLength(1);
    expect(() => complete.finish()).not.toThrow();
  });

  it('rejects an oversized frame as soon as its header arrives', () => {
    const frame = framing.createEncoder().encode(counting(2048));
    const decoder = framing.createDecoder({ maxFrameSize: 1024 });
    expectCode(() => decoder.push(frame.subarray(0, 4)), 'FRAME_TOO_LARGE');
    expectCode(() => decoder.push(frame.subarray(4)), 'FRAME_TOO_LARGE');
  });

  it('surfaces a transport error packet (-404) as a typed error', () => {
    const error = expectCode(() => framing.createDecoder().push(serverErrorFrame(framing)), 'SERVER_ERROR');
    expect(error.serverCode).toBe(-404);
  });

  it('refuses to encode a packet that is not a multiple of 4 bytes', () => {
    expectCode(() => framing.createEncoder().encode(new Uint8Array(6)), 'BAD_PACKET');
  });
});

describe('abridged', () => {
  it('uses one length byte below 127 words and 0x7f + 3 bytes from 127 words on', () => {
    const encoder = abridged.createEncoder();
    expect([...encoder.encode(counting(8)).subarray(0, 1)]).toEqual([2]);
    expect([...encoder.encode(counting(504)).subarray(0, 1)]).toEqual([126]);
    expect([...encoder.encode(counting(508)).subarray(0, 4)]).toEqual([0x7f, 127, 0, 0]);
    expect([...encoder.encode(new Uint8Array(0x10203 * 4)).subarray(0, 4)]).toEqual([0x7f, 0x03, 0x02, 0x01]);
    expect(abridged.marker).toEqual(Uint8Array.of(0xef));
  });

  it('rejects a length byte with the high (quick ack) bit set', () => {
    expectCode(() => abridged.createDecoder().push(Uint8Array.of(0x81, 0, 0, 0, 0)), 'BAD_FRAME_LENGTH');
  });
});

describe('intermediate', () => {
  it('writes a 4-byte little-endian length', () => {
    const frame = intermediate.createEncoder().encode(counting(260));
    expect([...frame.subarray(0, 4)]).toEqual([4, 1, 0, 0]);
    expect(frame.subarray(4)).toEqual(counting(260));
  });

  it('rejects unaligned lengths and the quick ack bit', () => {
    expectCode(() => intermediate.createDecoder().push(Uint8Array.of(6, 0, 0, 0)), 'BAD_FRAME_LENGTH');
    expectCode(() => intermediate.createDecoder().push(Uint8Array.of(8, 0, 0, 0x80)), 'BAD_FRAME_LENGTH');
  });

  it('keeps failing after a fatal error', () => {
    const decoder = intermediate.createDecoder();
    expectCode(() => decoder.push(Uint8Array.of(6, 0, 0, 0)), 'BAD_FRAME_LENGTH');
    expectCode(() => decoder.push(new Uint8Array(8)), 'BAD_FRAME_LENGTH');
    expectCode(() => decoder.finish(), 'BAD_FRAME_LENGTH');
  });
});

describe('padded intermediate', () => {
  it('appends 0..15 random bytes counted in the length', () => {
    const lengths = new Set<number>();
    for (let i = 0; i < 32; i++) {
      const random = (n: number) => new Uint8Array(n).fill(i);
      const frame = paddedIntermediate.createEncoder({ random }).encode(counting(16));
      const padding = i % 16;
      expect(frame.length).toBe(4 + 16 + padding);
      expect(new DataView(frame.buffer).getUint32(0, true)).toBe(16 + padding);
      expect(frame.subarray(4, 20)).toEqual(counting(16));
      lengths.add(frame.length);
    }
    expect(lengths.size).toBe(16);
  });

  it('recognises a padded transport error packet', () => {
    const frame = Uint8Array.of(7, 0, 0, 0, 0x6c, 0xfe, 0xff, 0xff, 1, 2, 3);
    expect(expectCode(() => paddedIntermediate.createDecoder().push(frame), 'SERVER_ERROR').serverCode).toBe(-404);
  });
});

describe('full', () => {
  // Vectors from grammers-mtproto (lib/grammers-mtproto/src/transport/full.rs).
  it('matches the published frames', () => {
    expect([...full.createEncoder().encode(new Uint8Array(0))]).toEqual([12, 0, 0, 0, 0, 0, 0, 0, 38, 202, 141, 50]);
    const encoder = full.createEncoder();
    const first = encoder.encode(counting(128));
    const second = encoder.encode(counting(128));
    expect([...first.subarray(0, 8)]).toEqual([140, 0, 0, 0, 0, 0, 0, 0]);
    expect([...first.subarray(136)]).toEqual([134, 115, 149, 55]);
    expect([...second.subarray(0, 8)]).toEqual([140, 0, 0, 0, 1, 0, 0, 0]);
    expect([...second.subarray(136)]).toEqual([150, 9, 240, 74]);
  });

  it('rejects a CRC mismatch', () => {
    const frame = full.createEncoder().encode(counting(128));
    frame[frame.length - 1] ^= 0xff;
    expectCode(() => full.createDecoder().push(frame), 'CRC_MISMATCH');
    const corruptPayload = full.createEncoder().encode(counting(128));
    corruptPayload[20] ^= 1;
    expectCode(() => full.createDecoder().push(corruptPayload), 'CRC_MISMATCH');
  });

  it('rejects frames out of sequence', () => {
    const encoder = full.createEncoder();
    encoder.encode(counting(8));
    expectCode(() => full.createDecoder().push(encoder.encode(counting(8))), 'SEQ_MISMATCH');
  });

  it('rejects lengths below the 12-byte overhead or unaligned', () => {
    expectCode(() => full.createDecoder().push(Uint8Array.of(8, 0, 0, 0)), 'BAD_FRAME_LENGTH');
    expectCode(() => full.createDecoder().push(Uint8Array.of(14, 0, 0, 0)), 'BAD_FRAME_LENGTH');
  });

  it('cannot be obfuscated', () => {
    expect(full.obfuscationTag).toBeUndefined();
    expect(full.marker.length).toBe(0);
  });
});

describe('framingForObfuscationTag', () => {
  it('maps the three protocol tags and nothing else', () => {
    expect(framingForObfuscationTag(Uint8Array.of(0xef, 0xef, 0xef, 0xef))).toBe(abridged);
    expect(framingForObfuscationTag(Uint8Array.of(0xee, 0xee, 0xee, 0xee))).toBe(intermediate);
    expect(framingForObfuscationTag(Uint8Array.of(0xdd, 0xdd, 0xdd, 0xdd))).toBe(paddedIntermediate);
    expect(framingForObfuscationTag(Uint8Array.of(0xee, 0xee, 0xee, 0xef))).toBeUndefined();
    expect(framingForObfuscationTag(Uint8Array.of(0xee, 0xee))).toBeUndefined();
  });
});
