import { sha256 } from '@noble/hashes/sha2.js';
import { secureRandomBytes, type RandomBytes } from '../mtproto/crypto/random.js';
import { AesCtrStream } from './aes-ctr-stream.js';
import { TransportError } from './errors.js';
import { framingForObfuscationTag } from './framing/index.js';

export const OBFUSCATED_INIT_LENGTH = 64;
const TAG_OFFSET = 56;
const DC_ID_OFFSET = 60;
const SECRET_LENGTH = 16;

/**
 * First words a client must never send, or the server would take the connection for
 * HTTP, TLS or a non-obfuscated framing.
 */
const FORBIDDEN_FIRST_WORDS = [
  [0x48, 0x45, 0x41, 0x44], // "HEAD"
  [0x50, 0x4f, 0x53, 0x54], // "POST"
  [0x47, 0x45, 0x54, 0x20], // "GET "
  [0x4f, 0x50, 0x54, 0x49], // "OPTI"
  [0xdd, 0xdd, 0xdd, 0xdd], // padded intermediate
  [0xee, 0xee, 0xee, 0xee], // intermediate
  [0x16, 0x03, 0x01, 0x02], // TLS handshake
];
const MAX_INIT_ATTEMPTS = 1000;

/** The two AES-256-CTR streams of one obfuscated connection, seen from one side. */
export interface ObfuscatedCipher {
  encrypt(data: Uint8Array): Uint8Array<ArrayBuffer>;
  decrypt(data: Uint8Array): Uint8Array<ArrayBuffer>;
}

export interface ObfuscatedClientOptions {
  /** 4-byte protocol tag of the framing carried inside (Framing.obfuscationTag). */
  tag: Uint8Array;
  /** Written as int16 at bytes 60..62 when given (proxies route on it). */
  dcId?: number;
  /** 16-byte MTProxy secret, without any 0xdd/0xee prefix. */
  secret?: Uint8Array;
  random?: RandomBytes;
}

export interface ObfuscatedClientStart {
  /** The 64 bytes to send before anything else. */
  init: Uint8Array<ArrayBuffer>;
  cipher: ObfuscatedCipher;
}

export interface ObfuscatedServerStart {
  tag: Uint8Array;
  /** The int16 at bytes 60..62; meaningful only if the client set it. */
  dcId: number;
  cipher: ObfuscatedCipher;
}

function isAllowedInit(init: Uint8Array): boolean {
  if (init[0] === 0xef) return false; // abridged marker
  if (FORBIDDEN_FIRST_WORDS.some((word) => word.every((byte, i) => byte === init[i]))) return false;
  return (init[4] | init[5] | init[6] | init[7]) !== 0; // a zero second word looks like full's seq_no
}

function randomInit(random: RandomBytes): Uint8Array<ArrayBuffer> {
  for (let attempt = 0; attempt < MAX_INIT_ATTEMPTS; attempt++) {
    const init = random(OBFUSCATED_INIT_LENGTH).slice();
    if (isAllowedInit(init)) return init;
  }
  throw new TransportError('BAD_ARGUMENT', 'random source keeps producing forbidden obfuscation inits');
}

function checkSecret(secret: Uint8Array | undefined): void {
  if (secret !== undefined && secret.length !== SECRET_LENGTH) {
    throw new TransportError('BAD_ARGUMENT', `obfuscation secret must be ${SECRET_LENGTH} bytes, got ${secret.length}`);
  }
}

function keyWithSecret(key: Uint8Array, secret: Uint8Array | undefined): Uint8Array {
  if (secret === undefined) return key;
  const material = new Uint8Array(key.length + secret.length);
  material.set(key);
  material.set(secret, key.length);
  return sha256(material);
}

/** Client->server keys come from init[8..56]; server->client ones from the same bytes reversed. */
function createStreams(init: Uint8Array, secret: Uint8Array | undefined) {
  const reversed = init.slice(8, 56).reverse();
  return {
    clientToServer: new AesCtrStream(keyWithSecret(init.subarray(8, 40), secret), init.subarray(40, 56)),
    serverToClient: new AesCtrStream(keyWithSecret(reversed.subarray(0, 32), secret), reversed.subarray(32, 48)),
  };
}

/** Client side: builds the 64-byte init and the cipher for the rest of the connection. */
export function startObfuscatedClient(options: ObfuscatedClientOptions): ObfuscatedClientStart {
  if (framingForObfuscationTag(options.tag) === undefined) {
    throw new TransportError('BAD_ARGUMENT', 'unknown obfuscation protocol tag');
  }
  checkSecret(options.secret);
  const init = randomInit(options.random ?? secureRandomBytes);
  init.set(options.tag, TAG_OFFSET);
  if (options.dcId !== undefined) {
    new DataView(init.buffer).setInt16(DC_ID_OFFSET, options.dcId, true);
  }
  const { clientToServer, serverToClient } = createStreams(init, options.secret);
  // The whole init goes through the stream, but only its last 8 bytes are sent encrypted.
  const encrypted = clientToServer.process(init);
  init.set(encrypted.subarray(TAG_OFFSET), TAG_OFFSET);
  return {
    init,
    cipher: {
      encrypt: (data) => clientToServer.process(data),
      decrypt: (data) => serverToClient.process(data),
    },
  };
}

/** Server side: parses a received init, checks its protocol tag and returns the server's cipher. */
export function acceptObfuscatedClient(init: Uint8Array, options: { secret?: Uint8Array } = {}): ObfuscatedServerStart {
  if (init.length !== OBFUSCATED_INIT_LENGTH) {
    const expected = OBFUSCATED_INIT_LENGTH;
    throw new TransportError('BAD_OBFUSCATION_INIT', `init must be ${expected} bytes, got ${init.length}`);
  }
  checkSecret(options.secret);
  const { clientToServer, serverToClient } = createStreams(init, options.secret);
  const decrypted = clientToServer.process(init);
  const tag = decrypted.slice(TAG_OFFSET, TAG_OFFSET + 4);
  if (framingForObfuscationTag(tag) === undefined) {
    const reason = 'unknown protocol tag: not an obfuscated2 client, or another secret';
    throw new TransportError('BAD_OBFUSCATION_INIT', reason);
  }
  return {
    tag,
    dcId: new DataView(decrypted.buffer).getInt16(DC_ID_OFFSET, true),
    cipher: {
      encrypt: (data) => serverToClient.process(data),
      decrypt: (data) => clientToServer.process(data),
    },
  };
}
