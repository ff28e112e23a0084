import { sha1 } from '@noble/hashes/legacy.js';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../src/common/bytes.js';
import { aesIgeDecrypt, aesIgeEncrypt, decodePlainMessage, encodePlainMessage, msgIdToUnixMs } from '../../src/mtproto/index.js';
import type {
  client_DH_inner_data,
  dh_gen_ok,
  p_q_inner_data_dc,
  req_DH_params,
  req_pq_multi,
  resPQ,
  server_DH_inner_data,
  server_DH_params_ok,
  set_client_DH_params,
} from '../../src/generated/layer133/types.js';
import { LAYERS } from '../helpers.js';
import { dump, sample } from './auth-key-sample.js';

// core.telegram.org's auth key generation example, checked with tlwire's codec, envelope,
// SHA-1 and AES-IGE. The RSA step (4.1) is not checked: it depends on a random temp_key
// the page does not print.

const layer = LAYERS[133];

const concat = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(parts.flatMap((part) => [...part]));
const bigEndian = (bytes: Uint8Array): bigint => (bytes.length === 0 ? 0n : BigInt(`0x${toHex(bytes)}`));
const bigEndianBytes = (value: bigint, length: number): Uint8Array => fromHex(value.toString(16).padStart(length * 2, '0'));

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  base %= modulus;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * base) % modulus;
    base = (base * base) % modulus;
  }
  return result;
}

/** Unwraps a plaintext packet and decodes its body as `name`. */
function plainMessage<T>(packet: string, name: string): { msgId: bigint; body: Uint8Array; value: T } {
  const { msgId, body } = decodePlainMessage(dump(packet));
  return { msgId, body, value: layer.decode(body, { as: name }) as T };
}

const nonce = fromHex(sample.nonce);
const serverNonce = fromHex(sample.serverNonce);
const newNonce = fromHex(sample.newNonce);

describe('auth key sample: the six plaintext packets', () => {
  const packets = [
    { step: '1', packet: sample.reqPqMulti, name: 'req_pq_multi', sender: 'client' },
    { step: '2', packet: sample.resPq, name: 'resPQ', sender: 'server' },
    { step: '5', packet: sample.reqDhParams, name: 'req_DH_params', sender: 'client' },
    { step: '6', packet: sample.serverDhParamsOk, name: 'server_DH_params_ok', sender: 'server' },
    { step: '7.2', packet: sample.setClientDhParams, name: 'set_client_DH_params', sender: 'client' },
    { step: '9', packet: sample.dhGenOk, name: 'dh_gen_ok', sender: 'server' },
  ] as const;

  it.each(packets)('step $step: $name decodes and re-encodes byte for byte', ({ packet, name, sender }) => {
    const { msgId, value } = plainMessage<{ _: string; nonce: Uint8Array }>(packet, name);
    expect(value._).toBe(name);
    expect(value.nonce).toEqual(nonce);
    // Client msg_ids are divisible by 4, server responses are 1 mod 4.
    expect(BigInt.asUintN(2, msgId)).toBe(sender === 'client' ? 0n : 1n);
    // Every msg_id carries the time of the exchange: within a minute of server_time.
    expect(Math.abs(msgIdToUnixMs(msgId) / 1000 - sample.serverTime)).toBeLessThan(60);
    expect(encodePlainMessage({ msgId, body: layer.encode(value) })).toEqual(dump(packet));
  });
});

describe('auth key sample: proof of work', () => {
  const resPq = plainMessage<resPQ>(sample.resPq, 'resPQ').value;
  const reqDh = plainMessage<req_DH_params>(sample.reqDhParams, 'req_DH_params').value;

  it('resPQ carries pq as a big-endian string and three key fingerprints', () => {
    expect(resPq.serverNonce).toEqual(serverNonce);
    expect(bigEndian(resPq.pq)).toBe(sample.pq);
    const wireBytes = (fingerprint: bigint) => {
      const bytes = new Uint8Array(8);
      new DataView(bytes.buffer).setBigInt64(0, fingerprint, true);
      return toHex(bytes).toUpperCase();
    };
    expect(resPq.serverPublicKeyFingerprints.map(wireBytes)).toEqual(sample.fingerprints);
  });

  it('p * q = pq with p < q, and req_DH_params sends them back with the chosen fingerprint', () => {
    expect(sample.p * sample.q).toBe(sample.pq);
    expect(sample.p < sample.q).toBe(true);
    expect(bigEndian(reqDh.p)).toBe(sample.p);
    expect(bigEndian(reqDh.q)).toBe(sample.q);
    expect(reqDh.serverNonce).toEqual(serverNonce);
    expect(reqDh.publicKeyFingerprint).toBe(resPq.serverPublicKeyFingerprints[0]);
    expect(reqDh.encryptedData).toHaveLength(256);
  });

  it('p_q_inner_data_dc built from the values above matches the sample bytes', () => {
    const inner: p_q_inner_data_dc = {
      _: 'p_q_inner_data_dc',
      pq: resPq.pq,
      p: bigEndianBytes(sample.p, 4),
      q: bigEndianBytes(sample.q, 4),
      nonce,
      serverNonce,
      newNonce,
      dc: 2,
    };
    expect(layer.encode(inner)).toEqual(dump(sample.pqInnerDataDc));
  });
});

describe('auth key sample: Diffie-Hellman exchange', () => {
  const tmpAesKey = fromHex(sample.tmpAesKey);
  const tmpAesIv = fromHex(sample.tmpAesIv);
  const paramsOk = plainMessage<server_DH_params_ok>(sample.serverDhParamsOk, 'server_DH_params_ok').value;
  const answerWithHash = aesIgeDecrypt(paramsOk.encryptedAnswer, tmpAesKey, tmpAesIv);
  const { value: serverInner, consumed } = layer.decodePrefix(answerWithHash.subarray(20), { as: 'server_DH_inner_data' });
  const serverDh = serverInner as server_DH_inner_data;
  const dhPrime = bigEndian(serverDh.dhPrime);
  const b = BigInt(`0x${sample.b}`);

  it('derives tmp_aes_key and tmp_aes_iv from new_nonce and server_nonce with SHA-1', () => {
    const newServer = sha1(concat(newNonce, serverNonce));
    const serverNew = sha1(concat(serverNonce, newNonce));
    const newNew = sha1(concat(newNonce, newNonce));
    expect(concat(newServer, serverNew.subarray(0, 12))).toEqual(tmpAesKey);
    expect(concat(serverNew.subarray(12, 20), newNew, newNonce.subarray(0, 4))).toEqual(tmpAesIv);
  });

  it('AES-IGE-decrypts encrypted_answer to SHA1(answer) + answer + padding', () => {
    expect(answerWithHash).toEqual(fromHex(sample.answerWithHash));
    const answer = answerWithHash.subarray(20, 20 + consumed);
    expect(sha1(answer)).toEqual(answerWithHash.subarray(0, 20));
    expect(answerWithHash.length - 20 - consumed).toBeLessThan(16);
  });

  it('server_DH_inner_data carries the nonces, g = 3, a 2048-bit dh_prime, g_a and server_time', () => {
    expect(serverDh.nonce).toEqual(nonce);
    expect(serverDh.serverNonce).toEqual(serverNonce);
    expect(serverDh.g).toBe(sample.g);
    expect(serverDh.dhPrime).toHaveLength(256);
    expect(dhPrime >> 2047n).toBe(1n);
    const gA = bigEndian(serverDh.gA);
    expect(gA > 1n && gA < dhPrime - 1n).toBe(true);
    expect(serverDh.serverTime).toBe(sample.serverTime);
  });

  it('g_b = pow(g, b) mod dh_prime, sent in client_DH_inner_data', () => {
    const gB = bigEndianBytes(modPow(BigInt(serverDh.g), b, dhPrime), 256);
    expect(gB).toEqual(fromHex(sample.gB));
    const inner: client_DH_inner_data = { _: 'client_DH_inner_data', nonce, serverNonce, retryId: 0n, gB };
    expect(layer.encode(inner)).toEqual(dump(sample.clientDhInnerData));
  });

  it('encrypts SHA1(data) + data + padding with the temporary key into set_client_DH_params', () => {
    const data = dump(sample.clientDhInnerData);
    const dataWithHash = concat(sha1(data), data, fromHex(sample.clientDhPadding));
    expect(dataWithHash.length % 16).toBe(0);
    const setParams = plainMessage<set_client_DH_params>(sample.setClientDhParams, 'set_client_DH_params').value;
    expect(setParams.serverNonce).toEqual(serverNonce);
    expect(aesIgeEncrypt(dataWithHash, tmpAesKey, tmpAesIv)).toEqual(setParams.encryptedData);
  });

  it('auth_key = pow(g_a, b) mod dh_prime, confirmed by dh_gen_ok.new_nonce_hash1', () => {
    const authKey = bigEndianBytes(modPow(bigEndian(serverDh.gA), b, dhPrime), 256);
    expect(authKey).toEqual(fromHex(sample.authKey));
    // new_nonce_hash1 = low 128 bits of SHA1(new_nonce + 0x01 + auth_key_aux_hash),
    // auth_key_aux_hash = high 64 bits of SHA1(auth_key).
    const auxHash = sha1(authKey).subarray(0, 8);
    const expected = sha1(concat(newNonce, Uint8Array.of(1), auxHash)).subarray(4, 20);
    const genOk = plainMessage<dh_gen_ok>(sample.dhGenOk, 'dh_gen_ok').value;
    expect(genOk.serverNonce).toEqual(serverNonce);
    expect(genOk.newNonceHash1).toEqual(expected);
  });

  it('req_pq_multi is the first message of the exchange', () => {
    const first = plainMessage<req_pq_multi>(sample.reqPqMulti, 'req_pq_multi');
    const last = plainMessage<set_client_DH_params>(sample.setClientDhParams, 'set_client_DH_params');
    expect(first.msgId < last.msgId).toBe(true);
  });
});
