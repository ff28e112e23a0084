// Every reader and writer of GramJS's layer: its Api classes (getBytes) and BinaryReader.
import { BinaryReader } from 'telegram/extensions/BinaryReader.js';
import type { Api } from 'telegram/tl/api.js';

export function encodeAny(value: Api.AnyRequest): Uint8Array {
  return value.getBytes();
}

export function decodeAny(bytes: Uint8Array): unknown {
  return new BinaryReader(Buffer.from(bytes) as never).tgReadObject();
}
