/**
 * messages.getStatsURL written by hand: the practical limit for the same contract as tlwire's
 * `serialize(write_messages_getStatsURL, v)` (a plain object in, a fresh Uint8Array of exactly
 * the request's bytes out). No per-field type checks and no error paths: what is left is the
 * cost of the bytes themselves.
 */

export type HandInputPeer =
  | { _: 'inputPeerEmpty' }
  | { _: 'inputPeerSelf' }
  | { _: 'inputPeerChat'; chatId: bigint }
  | { _: 'inputPeerUser'; userId: bigint; accessHash: bigint }
  | { _: 'inputPeerChannel'; channelId: bigint; accessHash: bigint }
  | { _: 'inputPeerUserFromMessage'; peer: HandInputPeer; msgId: number; userId: bigint }
  | { _: 'inputPeerChannelFromMessage'; peer: HandInputPeer; msgId: number; channelId: bigint };

export interface HandGetStatsUrl {
  dark?: boolean;
  peer: HandInputPeer;
  params: string;
}

/** Reused between calls; the result is copied out, so a call allocates only the result. */
let scratch = new Uint8Array(256);
let view = new DataView(scratch.buffer);
const encoder = new TextEncoder();

// A long goes through a one-element BigInt64Array, byte by byte: in V8 that is about twice as
// fast as DataView.setBigInt64 (tlwire's writers do the same; little-endian hosts only here).
const cell = new BigInt64Array(1);
const cellBytes = new Uint8Array(cell.buffer);

function setLong(p: number, v: bigint): void {
  cell[0] = v;
  scratch[p] = cellBytes[0];
  scratch[p + 1] = cellBytes[1];
  scratch[p + 2] = cellBytes[2];
  scratch[p + 3] = cellBytes[3];
  scratch[p + 4] = cellBytes[4];
  scratch[p + 5] = cellBytes[5];
  scratch[p + 6] = cellBytes[6];
  scratch[p + 7] = cellBytes[7];
}

function writePeer(peer: HandInputPeer, p: number): number {
  switch (peer._) {
    case 'inputPeerEmpty':
      view.setUint32(p, 0x7f3b18ea, true);
      return p + 4;
    case 'inputPeerSelf':
      view.setUint32(p, 0x7da07ec9, true);
      return p + 4;
    case 'inputPeerChat':
      view.setUint32(p, 0x35a95cb9, true);
      setLong(p + 4, peer.chatId);
      return p + 12;
    case 'inputPeerUser':
      view.setUint32(p, 0xdde8a54c, true);
      setLong(p + 4, peer.userId);
      setLong(p + 12, peer.accessHash);
      return p + 20;
    case 'inputPeerChannel':
      view.setUint32(p, 0x27bcbbfc, true);
      setLong(p + 4, peer.channelId);
      setLong(p + 12, peer.accessHash);
      return p + 20;
    case 'inputPeerUserFromMessage':
      view.setUint32(p, 0xa87b0a1c, true);
      p = writePeer(peer.peer, p + 4);
      view.setInt32(p, peer.msgId, true);
      setLong(p + 4, peer.userId);
      return p + 12;
    case 'inputPeerChannelFromMessage':
      view.setUint32(p, 0xbd2a0840, true);
      p = writePeer(peer.peer, p + 4);
      view.setInt32(p, peer.msgId, true);
      setLong(p + 4, peer.channelId);
      return p + 12;
  }
}

function peerSize(peer: HandInputPeer): number {
  switch (peer._) {
    case 'inputPeerEmpty':
    case 'inputPeerSelf':
      return 4;
    case 'inputPeerChat':
      return 12;
    case 'inputPeerUser':
    case 'inputPeerChannel':
      return 20;
    case 'inputPeerUserFromMessage':
    case 'inputPeerChannelFromMessage':
      return 16 + peerSize(peer.peer);
  }
}

/** TL string at p: length prefix, UTF-8, zero padding. Returns the end. */
function writeString(s: string, p: number): number {
  const start = p;
  let n: number;
  let ascii = s.length <= 253;
  for (let i = 0; ascii && i < s.length; i++) ascii = s.charCodeAt(i) < 0x80;
  if (ascii) {
    n = s.length;
    scratch[p++] = n;
    for (let i = 0; i < n; i++) scratch[p++] = s.charCodeAt(i);
  } else {
    n = encoder.encodeInto(s, scratch.subarray(p + 4)).written;
    if (n <= 253) {
      scratch.copyWithin(p + 1, p + 4, p + 4 + n);
      scratch[p++] = n;
    } else {
      scratch[p] = 0xfe;
      scratch[p + 1] = n & 0xff;
      scratch[p + 2] = (n >> 8) & 0xff;
      scratch[p + 3] = n >> 16;
      p += 4;
    }
    p += n;
  }
  while ((p - start) & 3) scratch[p++] = 0;
  return p;
}

export function writeGetStatsUrl(v: HandGetStatsUrl): Uint8Array {
  // id, flags, the peer, then params: UTF-8 takes at most 3 bytes a unit, plus prefix and padding.
  const worst = 8 + peerSize(v.peer) + 4 + v.params.length * 3 + 3;
  if (worst > scratch.length) {
    scratch = new Uint8Array(worst);
    view = new DataView(scratch.buffer);
  }
  view.setUint32(0, 0x812c2ae6, true);
  view.setUint32(4, v.dark ? 1 : 0, true);
  const p = writeString(v.params, writePeer(v.peer, 8));
  return scratch.slice(0, p);
}
