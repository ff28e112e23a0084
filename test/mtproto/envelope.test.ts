import { describe, expect, it } from 'vitest';
import {
  aesIgeEncrypt,
  authKeyIdBytes,
  computeMsgKey,
  decodePlainMessage,
  decryptMessage,
  deriveAesKeyIv,
  encodePlainMessage,
  encryptMessage,
  MtprotoError,
  type MtprotoErrorCode,
  type Sender,
} from '../../src/mtproto/index.js';
import { counting, grammers } from './vectors.js';
import { expectError } from '../expect-error.js';

const authKey = counting(256);
const otherAuthKey = counting(256).map((b) => b ^ 0x5a);
const salt = 0x0123456789abcdefn;
const sessionId = -0x1122334455667788n;

function expectCode(fn: () => unknown, code: MtprotoErrorCode): MtprotoError {
  return expectError(fn, MtprotoError, code);
}

/** Builds a correctly keyed packet around an arbitrary (possibly invalid) inner plaintext. */
function sealRaw(plaintext: Uint8Array, sender: Sender): Uint8Array {
  const msgKey = computeMsgKey(authKey, plaintext, sender);
  const { key, iv } = deriveAesKeyIv(authKey, msgKey, sender);
  return Uint8Array.from([...authKeyIdBytes(authKey), ...msgKey, ...aesIgeEncrypt(plaintext, key, iv)]);
}

function innerPlaintext(opts: { msgId: bigint; dataLength: number; bodyLength: number; paddingLength: number }) {
  const out = new Uint8Array(32 + opts.bodyLength + opts.paddingLength);
  const view = new DataView(out.buffer);
  view.setBigInt64(0, salt, true);
  view.setBigInt64(8, sessionId, true);
  view.setBigInt64(16, opts.msgId, true);
  view.setInt32(24, 1, true);
  view.setUint32(28, opts.dataLength, true);
  return out;
}

const body = Uint8Array.from({ length: 40 }, (_, i) => i * 7);
const clientMsgId = 0x5e308b9100000004n;

function clientPacket(): Uint8Array {
  return encryptMessage({ authKey, salt, sessionId, msgId: clientMsgId, seqNo: 3, body, side: 'client' });
}

describe('decryptMessage on a real server packet (grammers vector)', () => {
  const serverAuthKey = Uint8Array.from(grammers.serverAuthKey);
  const data = Uint8Array.from(grammers.serverPacket);
  const plain = Uint8Array.from(grammers.serverPlaintext);
  const plainView = new DataView(plain.buffer);

  it('decrypts and parses the header', () => {
    const message = decryptMessage({ authKey: serverAuthKey, data, side: 'client', expectedSessionId: 'any' });
    expect(message.salt).toBe(plainView.getBigInt64(0, true));
    expect(message.sessionId).toBe(plainView.getBigInt64(8, true));
    expect(message.msgId).toBe(0x5e308b91c2c1f001n);
    expect(message.seqNo).toBe(2);
    expect(message.body).toEqual(plain.slice(32, 32 + 88));
  });

  it('checks the session id', () => {
    const expectedSessionId = plainView.getBigUint64(8, true);
    expect(decryptMessage({ authKey: serverAuthKey, data, side: 'client', expectedSessionId }).seqNo).toBe(2);
    expectCode(
      () => decryptMessage({ authKey: serverAuthKey, data, side: 'client', expectedSessionId: expectedSessionId + 1n }),
      'SESSION_MISMATCH',
    );
  });

  it('fails the msg_key check when decrypted as the wrong direction', () => {
    expectCode(() => decryptMessage({ authKey: serverAuthKey, data, side: 'server', expectedSessionId: 'any' }), 'MSG_KEY_MISMATCH');
  });
});

describe('encryptMessage / decryptMessage', () => {
  it('round-trips client -> server and server -> client', () => {
    const fromClient = decryptMessage({ authKey, data: clientPacket(), side: 'server', expectedSessionId: sessionId });
    expect(fromClient).toEqual({ salt, sessionId, msgId: clientMsgId, seqNo: 3, body });

    const serverMsgId = clientMsgId + 1n;
    const packet = encryptMessage({ authKey, salt, sessionId, msgId: serverMsgId, seqNo: 4, body, side: 'server' });
    const fromServer = decryptMessage({ authKey, data: packet, side: 'client', expectedSessionId: 'any' });
    expect(fromServer).toEqual({ salt, sessionId, msgId: serverMsgId, seqNo: 4, body });
  });

  it('pads to size buckets (powers of two up to 1 KiB, then multiples of 512) with 12..1024 random bytes', () => {
    const lengths = new Set<number>();
    for (let length = 0; length <= 4096; length += 4) {
      const requested: number[] = [];
      const packet = encryptMessage({
        authKey, salt, sessionId, msgId: clientMsgId, seqNo: 1, body: new Uint8Array(length), side: 'client',
        random: (n) => (requested.push(n), new Uint8Array(n)),
      });
      const encryptedLength = packet.length - 24;
      lengths.add(encryptedLength);
      expect(requested).toEqual([encryptedLength - 32 - length]);
      expect(requested[0]).toBeGreaterThanOrEqual(12);
      expect(requested[0]).toBeLessThanOrEqual(1024);
      expect(decryptMessage({ authKey, data: packet, side: 'server', expectedSessionId: sessionId }).body.length).toBe(length);
    }
    // 1,025 body lengths, 11 packet lengths.
    expect([...lengths]).toEqual([64, 128, 256, 512, 1024, 1536, 2048, 2560, 3072, 3584, 4096, 4608]);
  });

  it('is deterministic for a fixed random source and differs otherwise', () => {
    const make = (random?: (n: number) => Uint8Array) =>
      encryptMessage({ authKey, salt, sessionId, msgId: clientMsgId, seqNo: 3, body, side: 'client', random });
    const zeros = (n: number) => new Uint8Array(n);
    expect(make(zeros)).toEqual(make(zeros));
    expect(make()).not.toEqual(make());
  });

  it('rejects a tampered msg_key', () => {
    const data = clientPacket();
    data[8] ^= 1;
    expectCode(() => decryptMessage({ authKey, data, side: 'server', expectedSessionId: 'any' }), 'MSG_KEY_MISMATCH');
  });

  it('rejects tampered ciphertext', () => {
    const data = clientPacket();
    data[data.length - 1] ^= 0x80;
    expectCode(() => decryptMessage({ authKey, data, side: 'server', expectedSessionId: 'any' }), 'MSG_KEY_MISMATCH');
  });

  it('rejects a packet for another auth key', () => {
    expectCode(() => decryptMessage({ authKey: otherAuthKey, data: clientPacket(), side: 'server', expectedSessionId: 'any' }), 'AUTH_KEY_ID_MISMATCH');
  });

  it('rejects a wrong session', () => {
    expectCode(
      () => decryptMessage({ authKey, data: clientPacket(), side: 'server', expectedSessionId: 42n }),
      'SESSION_MISMATCH',
    );
  });

  it('rejects truncated, too short and unaligned packets', () => {
    const data = clientPacket();
    expectCode(() => decryptMessage({ authKey, data: data.subarray(0, data.length - 4), side: 'server', expectedSessionId: 'any' }), 'BAD_LENGTH');
    expectCode(() => decryptMessage({ authKey, data: data.subarray(0, 24 + 32), side: 'server', expectedSessionId: 'any' }), 'BAD_LENGTH');
    expectCode(() => decryptMessage({ authKey, data: new Uint8Array(8), side: 'server', expectedSessionId: 'any' }), 'BAD_LENGTH');
  });

  it('ignores transport padding only when asked to', () => {
    const padded = Uint8Array.from([...clientPacket(), 1, 2, 3, 4, 5, 6, 7]);
    expectCode(() => decryptMessage({ authKey, data: padded, side: 'server', expectedSessionId: 'any' }), 'BAD_LENGTH');
    expect(decryptMessage({ authKey, data: padded, side: 'server', expectedSessionId: 'any', transportPadding: true }).body).toEqual(body);
  });

  it('rejects padding shorter than 12 or longer than 1024 bytes', () => {
    const short = innerPlaintext({ msgId: clientMsgId, dataLength: 8, bodyLength: 8, paddingLength: 8 });
    expectCode(() => decryptMessage({ authKey, data: sealRaw(short, 'client'), side: 'server', expectedSessionId: 'any' }), 'BAD_PADDING');
    const long = innerPlaintext({ msgId: clientMsgId, dataLength: 0, bodyLength: 0, paddingLength: 1040 });
    expectCode(() => decryptMessage({ authKey, data: sealRaw(long, 'client'), side: 'server', expectedSessionId: 'any' }), 'BAD_PADDING');
  });

  it('rejects message_data_length past the data or not a multiple of 4', () => {
    const tooLong = innerPlaintext({ msgId: clientMsgId, dataLength: 64, bodyLength: 4, paddingLength: 12 });
    expectCode(() => decryptMessage({ authKey, data: sealRaw(tooLong, 'client'), side: 'server', expectedSessionId: 'any' }), 'BAD_DATA_LENGTH');
    const unaligned = innerPlaintext({ msgId: clientMsgId, dataLength: 2, bodyLength: 4, paddingLength: 12 });
    expectCode(() => decryptMessage({ authKey, data: sealRaw(unaligned, 'client'), side: 'server', expectedSessionId: 'any' }), 'BAD_DATA_LENGTH');
  });

  it('checks msg_id parity for the sender', () => {
    const serverWithEvenId = innerPlaintext({ msgId: clientMsgId, dataLength: 4, bodyLength: 4, paddingLength: 12 });
    expectCode(() => decryptMessage({ authKey, data: sealRaw(serverWithEvenId, 'server'), side: 'client', expectedSessionId: 'any' }), 'BAD_MSG_ID');
    const clientWithOddId = innerPlaintext({ msgId: clientMsgId + 3n, dataLength: 4, bodyLength: 4, paddingLength: 12 });
    expectCode(() => decryptMessage({ authKey, data: sealRaw(clientWithOddId, 'client'), side: 'server', expectedSessionId: 'any' }), 'BAD_MSG_ID');
    const notification = innerPlaintext({ msgId: clientMsgId + 3n, dataLength: 4, bodyLength: 4, paddingLength: 12 });
    expect(decryptMessage({ authKey, data: sealRaw(notification, 'server'), side: 'client', expectedSessionId: 'any' }).msgId).toBe(clientMsgId + 3n);
  });

  it('refuses to encrypt invalid input', () => {
    const base = { authKey, salt, sessionId, msgId: clientMsgId, seqNo: 1, body, side: 'client' as const };
    expectCode(() => encryptMessage({ ...base, msgId: clientMsgId + 1n }), 'BAD_MSG_ID');
    expectCode(() => encryptMessage({ ...base, side: 'server' }), 'BAD_MSG_ID');
    expectCode(() => encryptMessage({ ...base, body: new Uint8Array(6) }), 'BAD_DATA_LENGTH');
    expectCode(() => encryptMessage({ ...base, seqNo: -1 }), 'BAD_ARGUMENT');
    expectCode(() => encryptMessage({ ...base, authKey: new Uint8Array(128) }), 'BAD_AUTH_KEY');
  });
});

describe('plaintext messages', () => {
  const msgId = 0x51e57ac42770964an & ~3n;

  it('encodes auth_key_id = 0, msg_id, length, body', () => {
    const packet = encodePlainMessage({ msgId, body: Uint8Array.of(1, 2, 3, 4) });
    const view = new DataView(packet.buffer);
    expect(packet.length).toBe(24);
    expect(view.getBigUint64(0, true)).toBe(0n);
    expect(view.getBigInt64(8, true)).toBe(msgId);
    expect(view.getUint32(16, true)).toBe(4);
    expect(decodePlainMessage(packet)).toEqual({ msgId, body: Uint8Array.of(1, 2, 3, 4) });
  });

  it('rejects malformed plaintext packets', () => {
    const packet = encodePlainMessage({ msgId, body: new Uint8Array(8) });
    expectCode(() => decodePlainMessage(packet.subarray(0, 19)), 'BAD_LENGTH');
    expectCode(() => decodePlainMessage(packet.subarray(0, 24)), 'BAD_DATA_LENGTH');
    const encrypted = packet.slice();
    encrypted[0] = 1;
    expectCode(() => decodePlainMessage(encrypted), 'AUTH_KEY_ID_MISMATCH');
    expectCode(() => encodePlainMessage({ msgId, body: new Uint8Array(3) }), 'BAD_DATA_LENGTH');
  });

  it('accepts trailing transport padding only when asked to', () => {
    const padded = Uint8Array.from([...encodePlainMessage({ msgId, body: new Uint8Array(8) }), 9, 9, 9]);
    expectCode(() => decodePlainMessage(padded), 'BAD_LENGTH');
    expect(decodePlainMessage(padded, { transportPadding: true }).body).toEqual(new Uint8Array(8));
  });
});
