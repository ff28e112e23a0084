// The same program with GramJS (its layer has no getStatsURL): messages.checkHistoryImportPeer.
// GramJS uses the global Buffer; the bundle injects the `buffer` package for it, as browser builds do.
import bigInt from 'big-integer';
import { BinaryReader } from 'telegram/extensions/BinaryReader.js';
import { Api } from 'telegram/tl/api.js';

export function checkImportPeerRequest(channelId: string, accessHash: string): Uint8Array {
  return new Api.messages.CheckHistoryImportPeer({ peer: new Api.InputPeerChannel({ channelId: bigInt(channelId), accessHash: bigInt(accessHash) }) }).getBytes();
}

export function confirmTextOf(bytes: Uint8Array): string {
  return (new BinaryReader(Buffer.from(bytes) as never).tgReadObject() as Api.messages.CheckedHistoryImportPeer).confirmText;
}
