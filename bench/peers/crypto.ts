/**
 * The peers' crypto, composed here into the same MTProto 2.0 steps tlwire's envelope takes
 * (neither peer exposes an envelope function that runs outside its client):
 *
 * - mtcute as its Node client runs it (@mtcute/node's crypto provider): AES-IGE from
 *   @mtcute/wasm (the SIMD build), SHA-256 and AES-CTR from node:crypto. `mtcuteWasmOnly` is
 *   what it runs in browsers: @mtcute/wasm for SHA and CTR too.
 * - GramJS as it runs on Node: `telegram/crypto/IGE` (@cryptography/aes, pure JS), SHA-256
 *   from node:crypto (its Helpers.sha256 is node:crypto's, awaited), and `telegram/crypto/CTR`
 *   (pure JS, byte by byte) for obfuscation.
 *
 * Both peers compute auth_key_id once per key (tlwire computes it on every call), and the
 * envelope steps below do that too: it is what their clients do per message.
 */
import { createCipheriv, createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { concatBytes } from '../../dist/common/bytes.js';

const require = createRequire(import.meta.url);

export interface PeerCrypto {
  igeEncrypt(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Uint8Array;
  igeDecrypt(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Uint8Array;
  sha256(data: Uint8Array): Uint8Array;
  /** A one-way AES-256-CTR stream. */
  ctr(key: Uint8Array, iv: Uint8Array): (data: Uint8Array) => Uint8Array;
}

interface MtcuteWasm {
  getWasmUrl(): URL;
  initSync(module: BufferSource | WebAssembly.Module): void;
  ige256Encrypt(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Uint8Array;
  ige256Decrypt(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Uint8Array;
  sha256(data: Uint8Array): Uint8Array;
  createCtr256(key: Uint8Array, iv: Uint8Array): number;
  ctr256(ctx: number, data: Uint8Array): Uint8Array;
}

async function loadMtcuteWasm(): Promise<MtcuteWasm> {
  const wasm = (await import('@mtcute/wasm')) as unknown as MtcuteWasm;
  // The SIMD build where the engine validates it (Node 20 does), as mtcute itself picks.
  wasm.initSync(readFileSync(fileURLToPath(wasm.getWasmUrl())));
  return wasm;
}

const nodeSha256 = (data: Uint8Array): Uint8Array => createHash('sha256').update(data).digest();

export async function mtcuteCrypto(): Promise<PeerCrypto> {
  const wasm = await loadMtcuteWasm();
  return {
    igeEncrypt: wasm.ige256Encrypt,
    igeDecrypt: wasm.ige256Decrypt,
    sha256: nodeSha256,
    ctr: (key, iv) => {
      const cipher = createCipheriv('aes-256-ctr', key, iv);
      return (data) => cipher.update(data);
    },
  };
}

export async function mtcuteWasmOnly(): Promise<PeerCrypto> {
  const wasm = await loadMtcuteWasm();
  return {
    igeEncrypt: wasm.ige256Encrypt,
    igeDecrypt: wasm.ige256Decrypt,
    sha256: wasm.sha256,
    ctr: (key, iv) => {
      const ctx = wasm.createCtr256(key, iv);
      return (data) => wasm.ctr256(ctx, data);
    },
  };
}

type GramjsIge = new (key: Buffer, iv: Buffer) => { encryptIge(data: Buffer): Buffer; decryptIge(data: Buffer): Buffer };
type GramjsCtr = new (key: Buffer, iv: Buffer) => { encrypt(data: Buffer): Buffer };
const buffer = (bytes: Uint8Array): Buffer => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));

export function gramjsCrypto(): PeerCrypto {
  const { IGE } = require('telegram/crypto/IGE') as { IGE: GramjsIge };
  const { CTR } = require('telegram/crypto/CTR') as { CTR: GramjsCtr };
  return {
    igeEncrypt: (data, key, iv) => new IGE(buffer(key), buffer(iv)).encryptIge(buffer(data)),
    igeDecrypt: (data, key, iv) => new IGE(buffer(key), buffer(iv)).decryptIge(buffer(data)),
    sha256: nodeSha256,
    ctr: (key, iv) => {
      const ctr = new CTR(Buffer.from(key), Buffer.from(iv));
      return (data) => ctr.encrypt(buffer(data));
    },
  };
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

/** MTProto 2.0 aes_key and aes_iv from msg_key (x = 0 from the client, 8 from the server). */
function kdf(c: PeerCrypto, authKey: Uint8Array, msgKey: Uint8Array, x: number): { key: Uint8Array; iv: Uint8Array } {
  const a = c.sha256(concatBytes(msgKey, authKey.subarray(x, x + 36)));
  const b = c.sha256(concatBytes(authKey.subarray(40 + x, 76 + x), msgKey));
  return {
    key: concatBytes(a.subarray(0, 8), b.subarray(8, 24), a.subarray(24, 32)),
    iv: concatBytes(b.subarray(0, 8), a.subarray(8, 24), b.subarray(24, 32)),
  };
}

/** The client's side of a server message: auth_key_id, KDF, IGE, msg_key over the plaintext, header checks. */
export function decryptFromServer(c: PeerCrypto, authKey: Uint8Array, authKeyId: Uint8Array, packet: Uint8Array): Uint8Array {
  if (!equal(packet.subarray(0, 8), authKeyId)) throw new Error('auth_key_id mismatch');
  const msgKey = packet.subarray(8, 24);
  const { key, iv } = kdf(c, authKey, msgKey, 8);
  const plaintext = c.igeDecrypt(packet.subarray(24), key, iv);
  if (!equal(c.sha256(concatBytes(authKey.subarray(96, 128), plaintext)).subarray(8, 24), msgKey)) throw new Error('msg_key mismatch');
  const view = new DataView(plaintext.buffer, plaintext.byteOffset, plaintext.byteLength);
  const length = view.getUint32(28, true);
  const padding = plaintext.length - 32 - length;
  if (length % 4 !== 0 || padding < 12 || padding > 1024) throw new Error('bad length');
  if ((view.getUint32(16, true) & 3) === 0) throw new Error('bad msg_id');
  return plaintext.subarray(32, 32 + length);
}

/** A client message: header + body + the given padding, msg_key, KDF, IGE, the outer header. */
export function encryptFromClient(c: PeerCrypto, authKey: Uint8Array, authKeyId: Uint8Array, header: { salt: bigint; sessionId: bigint; msgId: bigint; seqNo: number }, body: Uint8Array, padding: Uint8Array): Uint8Array {
  const plaintext = new Uint8Array(32 + body.length + padding.length);
  const view = new DataView(plaintext.buffer);
  view.setBigUint64(0, BigInt.asUintN(64, header.salt), true);
  view.setBigUint64(8, BigInt.asUintN(64, header.sessionId), true);
  view.setBigUint64(16, BigInt.asUintN(64, header.msgId), true);
  view.setInt32(24, header.seqNo, true);
  view.setUint32(28, body.length, true);
  plaintext.set(body, 32);
  plaintext.set(padding, 32 + body.length);
  const msgKey = c.sha256(concatBytes(authKey.subarray(88, 120), plaintext)).subarray(8, 24);
  const { key, iv } = kdf(c, authKey, msgKey, 0);
  return concatBytes(authKeyId, msgKey, c.igeEncrypt(plaintext, key, iv));
}
