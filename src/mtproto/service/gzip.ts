import { Gunzip, gzipSync } from 'fflate';
import { concatBytes, crc32, hexId } from '../../common/bytes.js';
import { ServiceError } from './errors.js';

/** Default ceiling for inflated gzip_packed data: far above any real answer, far below harm. */
export const DEFAULT_MAX_INFLATED_BYTES = 16 * 1024 * 1024;

/**
 * Compressed bytes fed to the inflater per step. Deflate expands at most about 1032:1, so one
 * step yields at most ~4 MiB before the limit is checked again.
 */
const INPUT_STEP = 4096;
/** 10-byte header plus 8-byte trailer (CRC-32, length), the least a gzip member has. */
const MIN_GZIP_LENGTH = 18;
const RESERVED_FLAGS = 0xe0;

export interface InflateOptions {
  /** Most bytes the data may inflate to (default {@link DEFAULT_MAX_INFLATED_BYTES}). */
  maxBytes?: number;
}

function badGzip(detail: string): ServiceError {
  return new ServiceError('BAD_GZIP', detail);
}

/**
 * Inflates one gzip member, as gzip_packed carries it. The input is fed in small steps and the
 * output counted as it appears, so data that would inflate past `maxBytes` (a gzip bomb) stops
 * with INFLATE_LIMIT after at most `maxBytes` + one step of output, never the whole of it.
 * Malformed, truncated or trailing data and a CRC-32 or length mismatch are BAD_GZIP.
 * (fflate's one-shot gunzipSync is not used: it sizes its output by the trailer's length
 * field, which the sender controls, up to 4 GiB.)
 */
export function gunzipLimited(data: Uint8Array, options: InflateOptions = {}): Uint8Array {
  const limit = options.maxBytes ?? DEFAULT_MAX_INFLATED_BYTES;
  if (!Number.isSafeInteger(limit) || limit < 0) throw new ServiceError('BAD_ARGUMENT', `maxBytes must be a whole number of bytes, got ${limit}`);
  if (data.length < MIN_GZIP_LENGTH) throw badGzip(`${data.length} bytes is shorter than a gzip header and trailer`);
  // RFC 1952: a decoder must refuse reserved FLG bits; fflate ignores them.
  if (data[3] & RESERVED_FLAGS) throw badGzip(`reserved gzip header flags 0x${(data[3] & RESERVED_FLAGS).toString(16)} are set`);

  const chunks: Uint8Array[] = [];
  let total = 0;
  let crc = 0;
  const inflater = new Gunzip((chunk) => {
    total += chunk.length;
    if (total > limit) throw new ServiceError('INFLATE_LIMIT', `gzip data inflates to more than the limit of ${limit} bytes`);
    crc = crc32(chunk, crc);
    chunks.push(chunk);
  });
  // gzip_packed holds one member; a second one means trailing data.
  inflater.onmember = () => {
    throw badGzip('data after the end of the gzip member');
  };
  try {
    for (let at = 0; at < data.length; at += INPUT_STEP) {
      const end = Math.min(at + INPUT_STEP, data.length);
      inflater.push(data.subarray(at, end), end === data.length);
    }
  } catch (e) {
    if (e instanceof ServiceError) throw e;
    throw badGzip(`corrupt gzip data (${e instanceof Error ? e.message : String(e)})`);
  }

  // fflate's streaming inflater does not check the trailer; a corrupt stream can still decode.
  const trailer = new DataView(data.buffer, data.byteOffset + data.length - 8, 8);
  const expectedCrc = trailer.getUint32(0, true);
  const expectedLength = trailer.getUint32(4, true);
  if (crc !== expectedCrc) {
    throw badGzip(`CRC-32 of the inflated data is ${hexId(crc)}, the trailer says ${hexId(expectedCrc)} (corrupt or truncated data)`);
  }
  if (total % 2 ** 32 !== expectedLength) {
    throw badGzip(`inflated ${total} bytes, the trailer says ${expectedLength} (corrupt or truncated data)`);
  }
  return chunks.length === 1 ? chunks[0] : concatBytes(...chunks);
}

/** gzip with a zero timestamp, so that the same input always gives the same bytes. */
export function gzip(data: Uint8Array): Uint8Array {
  return gzipSync(data, { mtime: 0 });
}

