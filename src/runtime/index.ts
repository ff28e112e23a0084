/** The schema-free runtime under the generated codecs. */
export { Writer, reserve, serialize, badValue, missingField } from './writer.js';
export {
  Reader,
  deserialize,
  deserializePrefix,
  need,
  enter,
  readId,
  unknownId,
  unknownFlags,
  fail,
  DEFAULT_MAX_DEPTH,
  DEFAULT_MAX_VECTOR_COUNT,
  DEFAULT_DECODE_OPTIONS,
  MAX_DEPTH_CEILING,
  type DecodeOptions,
} from './reader.js';
export { TlDecodeError, TlEncodeError, atField, atIndex, decodeContext, encodeContext, inField, type DecodeErrorCode, type EncodeErrorCode, type PathSegment } from './errors.js';
export { writeInt, readInt, writeUint32 } from './primitives/int.js';
export { writeLong, readLong } from './primitives/long.js';
export { writeDouble, readDouble } from './primitives/double.js';
export { writeInt128, writeInt256, readInt128, readInt256 } from './primitives/int128.js';
export { writeBytes, readBytes, MAX_TL_LENGTH } from './primitives/bytes.js';
export { writeString, readString } from './primitives/string.js';
export { writeBool, readBool, BOOL_TRUE, BOOL_FALSE } from './primitives/bool.js';
export { readVectorCount, writeVectorHeader, VECTOR_ID } from './primitives/vector.js';
export { isTlUnknown, tlUnknown, writeUnknown, type TlUnknown } from './unknown.js';
export { crc32, concatBytes } from '../common/bytes.js';
