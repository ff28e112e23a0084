import { sha256 } from '@noble/hashes/sha2.js';
import { AUTH_KEY_LENGTH } from '../mtproto/crypto/keys.js';
import type { inputPeerChannel } from '../generated/layer133/types.js';

/**
 * SHA-256 in counter mode over a label: a fixed key anyone can rebuild, so the demo's bytes can
 * be checked by hand. A real key comes from the DH exchange (core.telegram.org/mtproto/auth_key),
 * which the loopback demo does not perform.
 */
function keyFromLabel(label: string, length: number): Uint8Array {
  const seed = new TextEncoder().encode(label);
  const key = new Uint8Array(length);
  for (let block = 0; block * 32 < length; block++) {
    const input = new Uint8Array(seed.length + 1);
    input.set(seed);
    input[seed.length] = block;
    key.set(sha256(input).subarray(0, Math.min(32, length - block * 32)), block * 32);
  }
  return key;
}

/** The 2048-bit auth key the loopback client and server share. */
export const DEMO_AUTH_KEY: Uint8Array = keyFromLabel('tlwire loopback demo auth key', AUTH_KEY_LENGTH);

/** The server salt the loopback server hands out (it answers any other with bad_server_salt). */
export const DEMO_SERVER_SALT = 0x1c2d3e4f5a6b7c8dn;

/** The one channel the loopback server has statistics for. */
export const DEMO_CHANNEL: inputPeerChannel = {
  _: 'inputPeerChannel',
  channelId: 1001234567890n,
  accessHash: 8712402431837501447n,
};

/** A channel the server does not know: it answers 400 PEER_ID_INVALID. */
export const UNKNOWN_CHANNEL: inputPeerChannel = {
  _: 'inputPeerChannel',
  channelId: 1009876543210n,
  accessHash: 1234567890123456789n,
};
