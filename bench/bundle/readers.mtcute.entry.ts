// Every reader of mtcute's layer: its reader map and TlBinaryReader.
import { TlBinaryReader } from '@mtcute/tl-runtime';
import { __tlReaderMap } from '@mtcute/tl/binary/reader.js';

export function decodeAny(bytes: Uint8Array): unknown {
  return TlBinaryReader.deserializeObject(__tlReaderMap, bytes);
}
