import { aesIgeDecrypt } from '../mtproto/crypto/aes-ige.js';
import { deriveAesKeyIv, type Sender } from '../mtproto/crypto/keys.js';
import { decryptMessage, type DecryptedMessage } from '../mtproto/envelope.js';
import { msgIdToUnixMs } from '../mtproto/msg-id.js';
import type { Framing } from '../transport/framing/index.js';
import { byteCount, hex, hex64, type Row } from './format.js';

/** auth_key_id and msg_key in front of the encrypted data; salt ... length in front of the body. */
const OUTER_HEADER = 24;
const INNER_HEADER = 32;

/** An encrypted packet, checked and decrypted, with the rows that explain both of its layers. */
export interface OpenedPacket {
  message: DecryptedMessage;
  /** Rows of the encrypted message: auth_key_id, msg_key, encrypted_data, and the derived key and IV. */
  encrypted: Row[];
  /** Rows of the decrypted plaintext: the inner header, the body and the padding. */
  plaintext: Row[];
  plaintextLength: number;
}

function readLong(bytes: Uint8Array, offset: number): bigint {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getBigInt64(offset, true);
}

function readUint32(bytes: Uint8Array, offset: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(offset, true);
}

function msgIdNote(msgId: bigint): string {
  const time = new Date(msgIdToUnixMs(msgId)).toISOString().replace('T', ' ').replace('Z', ' UTC');
  const residue = Number(BigInt.asUintN(2, msgId));
  const who = residue === 0 ? 'from the client' : residue === 1 ? 'a server response' : 'a server notification';
  return `unix time ${time}; ≡ ${residue} mod 4: ${who}`;
}

/** seq_no = 2n + 1 for a content-related message, 2n otherwise, n = content-related messages sent before. */
function seqNoNote(seqNo: number): string {
  const before = Math.floor(seqNo / 2);
  return seqNo % 2 === 1
    ? `2×${before}+1: content-related, ${before} sent before it`
    : `2×${before}: not content-related, ${before} content-related sent before it`;
}

/**
 * Decrypts `packet` as the receiving side does (every check of decryptMessage applies, so a
 * tampered packet throws MtprotoError), then recomputes the plaintext with its padding to
 * show every byte. `sender` is who encrypted it; `bodyNote` says what its body is.
 */
export function openPacket(authKey: Uint8Array, packet: Uint8Array, sender: Sender, bodyNote: string): OpenedPacket {
  const message = decryptMessage({ authKey, data: packet, side: sender === 'client' ? 'server' : 'client', expectedSessionId: 'any' });
  const msgKey = packet.subarray(8, OUTER_HEADER);
  const { key, iv } = deriveAesKeyIv(authKey, msgKey, sender);
  const plaintext = aesIgeDecrypt(packet.subarray(OUTER_HEADER), key, iv);
  const x = sender === 'client' ? 0 : 8;
  const encryptedLength = packet.length - OUTER_HEADER;
  const encrypted: Row[] = [
    { offset: 0, bytes: packet.subarray(0, 8), field: 'auth_key_id', value: hex64(readLong(packet, 0)), note: 'the low 64 bits of SHA-1(auth_key)' },
    { offset: 8, bytes: msgKey, field: 'msg_key', value: hex(msgKey), note: `bits 64..191 of SHA-256(auth_key[${88 + x}..${120 + x}] + plaintext with padding)` },
    { offset: OUTER_HEADER, bytes: packet.subarray(OUTER_HEADER), field: 'encrypted_data', value: byteCount(encryptedLength), note: 'AES-256-IGE(plaintext, aes_key, aes_iv)' },
    { field: 'aes_key', value: hex(key), note: `from SHA-256(msg_key + auth_key[${x}..${x + 36}]) and SHA-256(auth_key[${40 + x}..${76 + x}] + msg_key)` },
    { field: 'aes_iv', value: hex(iv), note: 'from the same two hashes' },
  ];
  const bodyLength = readUint32(plaintext, 28);
  const bodyEnd = INNER_HEADER + bodyLength;
  const padding = plaintext.length - bodyEnd;
  const rows: Row[] = [
    { offset: 0, bytes: plaintext.subarray(0, 8), field: 'salt', value: hex64(message.salt), note: 'the server salt' },
    { offset: 8, bytes: plaintext.subarray(8, 16), field: 'session_id', value: hex64(message.sessionId), note: 'chosen at random by the client' },
    { offset: 16, bytes: plaintext.subarray(16, 24), field: 'msg_id', value: String(message.msgId), note: msgIdNote(message.msgId) },
    { offset: 24, bytes: plaintext.subarray(24, 28), field: 'seq_no', value: String(message.seqNo), note: seqNoNote(message.seqNo) },
    { offset: 28, bytes: plaintext.subarray(28, 32), field: 'message_data_length', value: String(bodyLength) },
    { offset: INNER_HEADER, bytes: plaintext.subarray(INNER_HEADER, bodyEnd), field: 'message_data', value: byteCount(bodyLength), note: bodyNote },
    {
      offset: bodyEnd,
      bytes: plaintext.subarray(bodyEnd),
      field: 'padding',
      value: `${byteCount(padding)} random`,
      note: `12..1024 bytes, up to the ${plaintext.length}-byte size bucket (whole 16-byte AES blocks)`,
    },
  ];
  return { message, encrypted, plaintext: rows, plaintextLength: plaintext.length };
}

/** Rows of one transport frame holding `packetLength` bytes of MTProto packet. */
export function describeFrame(framing: Framing, frame: Uint8Array, packetLength: number): Row[] {
  let header: Row;
  switch (framing.name) {
    case 'abridged': {
      const long = frame[0] === 0x7f;
      const words = long ? frame[1] | (frame[2] << 8) | (frame[3] << 16) : frame[0];
      header = { offset: 0, bytes: frame.subarray(0, long ? 4 : 1), field: 'length', value: `${words} words`, note: `abridged: length / 4 in ${long ? '0x7f + 3 bytes' : 'one byte'}` };
      break;
    }
    default:
      header = { offset: 0, bytes: frame.subarray(0, 4), field: 'length', value: String(readUint32(frame, 0)), note: `${framing.name}: little-endian byte count` };
  }
  const start = header.bytes!.length;
  const rows: Row[] = [header, { offset: start, bytes: frame.subarray(start, start + packetLength), field: 'packet', value: byteCount(packetLength), note: 'the encrypted message' }];
  const padding = frame.length - start - packetLength;
  if (padding > 0) rows.push({ offset: start + packetLength, bytes: frame.subarray(start + packetLength), field: 'padding', value: `${byteCount(padding)} random`, note: 'padded intermediate: 0..15 bytes' });
  return rows;
}

/** Rows of the 64-byte obfuscated2 init as sent, with the tag it decrypts to. */
export function describeInit(init: Uint8Array, framing: Framing, tag: Uint8Array): Row[] {
  return [
    { offset: 0, bytes: init.subarray(0, 8), field: 'random', value: '8 bytes', note: 'chosen so they cannot be mistaken for HTTP, TLS or a plain framing' },
    { offset: 8, bytes: init.subarray(8, 40), field: 'key', value: '32 bytes', note: 'client->server AES-256-CTR key; the server->client one is bytes 8..56 reversed' },
    { offset: 40, bytes: init.subarray(40, 56), field: 'iv', value: '16 bytes', note: 'client->server counter' },
    { offset: 56, bytes: init.subarray(56, 60), field: 'protocol tag', value: hex(tag), note: `encrypted; decrypts to the ${framing.name} tag` },
    { offset: 60, bytes: init.subarray(60, 64), field: 'dc id, random', value: '4 bytes', note: 'encrypted int16 dc id and 2 random bytes' },
  ];
}
