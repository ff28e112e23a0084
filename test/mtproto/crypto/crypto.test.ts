import { sha1 } from '@noble/hashes/legacy.js';
import { describe, expect, it } from 'vitest';
import { fromHex } from '../../../src/common/bytes.js';
import type { server_DH_params_ok, set_client_DH_params } from '../../../src/generated/layer133/types.js';
import { LAYERS } from '../../helpers.js';
import { dump, sample } from '../auth-key-sample.js';
import { mtprotoPaths } from './paths.js';
import { ascii, counting, grammers, openssl } from '../vectors.js';

// Every published vector, on the Node path (node:crypto + WebAssembly) and on the portable path
// (what browsers, Bun and Deno run). test/mtproto/crypto/crypto-differential.test.ts compares the paths
// with each other and with @noble over random inputs.
const paths = await mtprotoPaths();

describe.each(paths)('$path path', ({ path, mtproto }) => {
  const { aesIgeDecrypt, aesIgeEncrypt, authKeyId, authKeyIdBytes, computeMsgKey, decodePlainMessage, decryptMessage, deriveAesKeyIv, MtprotoError } = mtproto;

  it('is the path it is named after', () => {
    expect(mtproto.cryptoBackend).toBe(path);
  });

  describe('AES-IGE', () => {
    it('matches OpenSSL igetest vector 0 (encrypt)', () => {
      const v = openssl.encrypt;
      expect(aesIgeEncrypt(v.input, v.key, v.iv)).toEqual(v.output);
      expect(aesIgeDecrypt(v.output, v.key, v.iv)).toEqual(v.input);
    });

    it('matches OpenSSL igetest vector 1 (decrypt)', () => {
      const v = openssl.decrypt;
      expect(aesIgeDecrypt(v.input, v.key, v.iv)).toEqual(v.output);
      expect(aesIgeEncrypt(v.output, v.key, v.iv)).toEqual(v.input);
    });

    it('matches the grammers AES-256-IGE vectors', () => {
      const bytes = counting(32);
      expect(aesIgeEncrypt(bytes, bytes, bytes)).toEqual(Uint8Array.from(grammers.igeEncrypted));
      expect(aesIgeDecrypt(bytes, bytes, bytes)).toEqual(Uint8Array.from(grammers.igeDecrypted));
    });

    it('round-trips many blocks without touching its input', () => {
      const key = crypto.getRandomValues(new Uint8Array(32));
      const iv = crypto.getRandomValues(new Uint8Array(32));
      const plaintext = crypto.getRandomValues(new Uint8Array(16 * 1000));
      const copy = plaintext.slice();
      const encrypted = aesIgeEncrypt(plaintext, key, iv);
      expect(plaintext).toEqual(copy);
      expect(encrypted).not.toEqual(plaintext);
      expect(aesIgeDecrypt(encrypted, key, iv)).toEqual(plaintext);
    });

    it('accepts unaligned views of a larger buffer', () => {
      const backing = crypto.getRandomValues(new Uint8Array(1 + 32 + 32 + 64));
      const key = backing.subarray(1, 33);
      const iv = backing.subarray(33, 65);
      const data = backing.subarray(65, 129);
      expect(aesIgeDecrypt(aesIgeEncrypt(data, key, iv), key, iv)).toEqual(data);
    });

    it('rejects data that is not whole blocks, and bad key or IV sizes', () => {
      const key = new Uint8Array(32);
      const iv = new Uint8Array(32);
      const expectCode = (fn: () => unknown) => {
        expect(fn).toThrow(MtprotoError);
        expect(fn).toThrow(expect.objectContaining({ code: 'BAD_AES_INPUT' }));
      };
      expectCode(() => aesIgeEncrypt(new Uint8Array(15), key, iv));
      expectCode(() => aesIgeDecrypt(new Uint8Array(33), key, iv));
      expectCode(() => aesIgeEncrypt(new Uint8Array(16), new Uint8Array(31), iv));
      expectCode(() => aesIgeEncrypt(new Uint8Array(16), key, new Uint8Array(16)));
    });
  });

  describe('MTProto 2.0 key material', () => {
    const authKey = counting(256);
    const msgKey = counting(16);

    it('computes auth_key_id (grammers vector)', () => {
      expect(authKeyIdBytes(authKey)).toEqual(Uint8Array.from(grammers.authKeyId));
      const view = new DataView(Uint8Array.from(grammers.authKeyId).buffer);
      expect(authKeyId(authKey)).toBe(view.getBigInt64(0, true));
    });

    it('derives the client->server AES key and IV (grammers vector)', () => {
      const { key, iv } = deriveAesKeyIv(authKey, msgKey, 'client');
      expect(key).toEqual(Uint8Array.from(grammers.clientKey));
      expect(iv).toEqual(Uint8Array.from(grammers.clientIv));
    });

    it('derives the server->client AES key and IV (grammers vector)', () => {
      const { key, iv } = deriveAesKeyIv(authKey, msgKey, 'server');
      expect(key).toEqual(Uint8Array.from(grammers.serverKey));
      expect(iv).toEqual(Uint8Array.from(grammers.serverIv));
    });

    it('reproduces the grammers client packet from msg_key, KDF and IGE', () => {
      const text = ascii(grammers.clientPlaintext);
      // grammers pads this 45-byte plaintext with 19 zero bytes, to 64.
      const padded = new Uint8Array(64);
      padded.set(text);
      const msgKey = computeMsgKey(authKey, padded, 'client');
      const { key, iv } = deriveAesKeyIv(authKey, msgKey, 'client');
      const packet = [...authKeyIdBytes(authKey), ...msgKey, ...aesIgeEncrypt(padded, key, iv)];
      expect(packet).toEqual(grammers.clientPacket);
    });

    it('rejects an auth key that is not 256 bytes', () => {
      expect(() => authKeyId(new Uint8Array(255))).toThrow(expect.objectContaining({ code: 'BAD_AUTH_KEY' }));
      expect(() => computeMsgKey(new Uint8Array(8), new Uint8Array(16), 'client')).toThrow(MtprotoError);
    });
  });

  describe('MTProto 2.0 envelope (grammers server packet)', () => {
    it('decrypts and checks the real server packet', () => {
      const message = decryptMessage({ authKey: Uint8Array.from(grammers.serverAuthKey), data: Uint8Array.from(grammers.serverPacket), side: 'client', expectedSessionId: 'any' });
      expect(message.msgId).toBe(0x5e308b91c2c1f001n);
      expect(message.body).toEqual(Uint8Array.from(grammers.serverPlaintext).slice(32, 32 + 88));
    });
  });

  describe('auth key sample (core.telegram.org)', () => {
    const layer = LAYERS[133];
    const plainBody = (packet: string, name: string) => layer.decode(decodePlainMessage(dump(packet)).body, { as: name });
    const tmpAesKey = fromHex(sample.tmpAesKey);
    const tmpAesIv = fromHex(sample.tmpAesIv);

    it('AES-IGE-decrypts encrypted_answer', () => {
      const paramsOk = plainBody(sample.serverDhParamsOk, 'server_DH_params_ok') as server_DH_params_ok;
      expect(aesIgeDecrypt(paramsOk.encryptedAnswer, tmpAesKey, tmpAesIv)).toEqual(fromHex(sample.answerWithHash));
    });

    it('AES-IGE-encrypts set_client_DH_params.encrypted_data', () => {
      const setParams = plainBody(sample.setClientDhParams, 'set_client_DH_params') as set_client_DH_params;
      const data = dump(sample.clientDhInnerData);
      const dataWithHash = Uint8Array.from([...sha1(data), ...data, ...fromHex(sample.clientDhPadding)]);
      expect(aesIgeEncrypt(dataWithHash, tmpAesKey, tmpAesIv)).toEqual(setParams.encryptedData);
      expect(aesIgeDecrypt(setParams.encryptedData, tmpAesKey, tmpAesIv)).toEqual(dataWithHash);
    });
  });
});
