// The same program with mtcute (its layer has no getStatsURL): messages.checkHistoryImportPeer,
// which also sends an InputPeer and gets one string back.
import { TlBinaryReader, TlBinaryWriter } from '@mtcute/tl-runtime';
import { __tlReaderMap } from '@mtcute/tl/binary/reader.js';
import { __tlWriterMap } from '@mtcute/tl/binary/writer.js';

export function checkImportPeerRequest(channelId: number, accessHash: unknown): Uint8Array {
  const request = { _: 'messages.checkHistoryImportPeer', peer: { _: 'inputPeerChannel', channelId, accessHash } };
  return TlBinaryWriter.serializeObject(__tlWriterMap, request);
}

export function confirmTextOf(bytes: Uint8Array): string {
  return TlBinaryReader.deserializeObject<{ confirmText: string }>(__tlReaderMap, bytes).confirmText;
}
