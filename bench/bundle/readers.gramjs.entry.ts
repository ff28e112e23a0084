// Every reader of GramJS's layer: BinaryReader over its Api, which holds readers and writers alike.
import { BinaryReader } from 'telegram/extensions/BinaryReader.js';

export function decodeAny(bytes: Uint8Array): unknown {
  return new BinaryReader(Buffer.from(bytes) as never).tgReadObject();
}
