// What a program that calls one method ships: messages.getStatsURL out, its StatsURL back.
import { deserialize, serialize } from 'tlwire';
import { read_StatsURL, write_messages_getStatsURL } from 'tlwire/layer133';

export function statsUrlRequest(channelId: bigint, accessHash: bigint, dark: boolean): Uint8Array {
  return serialize(write_messages_getStatsURL, { _: 'messages.getStatsURL', dark: dark || undefined, peer: { _: 'inputPeerChannel', channelId, accessHash }, params: '' });
}

export function statsUrlOf(bytes: Uint8Array): string {
  return deserialize(read_StatsURL, bytes).url;
}
