// Every reader and writer of mtcute's layer: both maps and the runtime.
import { TlBinaryReader, TlBinaryWriter } from '@mtcute/tl-runtime';
import { __tlReaderMap } from '@mtcute/tl/binary/reader.js';
import { __tlWriterMap } from '@mtcute/tl/binary/writer.js';

export function encodeAny(value: { _: string }): Uint8Array {
  return TlBinaryWriter.serializeObject(__tlWriterMap, value);
}

export function decodeAny(bytes: Uint8Array): unknown {
  return TlBinaryReader.deserializeObject(__tlReaderMap, bytes);
}
