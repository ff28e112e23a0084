import { createCipheriv, createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  abridged,
  acceptObfuscatedClient,
  AesCtrStream,
  intermediate,
  paddedIntermediate,
  startObfuscatedClient,
  TransportError,
  type TransportErrorCode,
} from '../../src/transport/index.js';
import { expectError } from '../expect-error.js';

const hex = (text: string) => Uint8Array.from(text.match(/../g) ?? [], (b) => parseInt(b, 16));
const randomBytes = (length: number) => crypto.getRandomValues(new Uint8Array(length));

function expectCode(fn: () => unknown, code: TransportErrorCode): TransportError {
  return expectError(fn, TransportError, code);
}

/** Independent AES-256-CTR (node:crypto) to check the keys and IVs picked from the init. */
function nodeCtr(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  return new Uint8Array(createCipheriv('aes-256-ctr', key, iv).update(data));
}

/** Feeds `data` to a stream in random-sized pieces. */
function processInPieces(stream: { process(d: Uint8Array): Uint8Array } | ((d: Uint8Array) => Uint8Array), data: Uint8Array) {
  const run = typeof stream === 'function' ? stream : (d: Uint8Array) => stream.process(d);
  const out = new Uint8Array(data.length);
  for (let offset = 0; offset < data.length; ) {
    const size = Math.min(data.length - offset, 1 + Math.floor(Math.random() * 40));
    out.set(run(data.subarray(offset, offset + size)), offset);
    offset += size;
  }
  return out;
}

describe('AesCtrStream', () => {
  it('matches NIST SP 800-38A F.5.5 (CTR-AES256.Encrypt)', () => {
    const key = hex('603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4');
    const counter = hex('f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff');
    const plaintext = hex(
      '6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51' +
        '30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710',
    );
    const ciphertext = hex(
      '601ec313775789a5b7a7f504bbf3d228f443e3ca4d62b59aca84e990cacaf5c5' +
        '2b0930daa23de94ce87017ba2d84988ddfc9c58db67aada613c2dd08457941a6',
    );
    expect(new AesCtrStream(key, counter).process(plaintext)).toEqual(ciphertext);
    expect(processInPieces(new AesCtrStream(key, counter), ciphertext)).toEqual(plaintext);
  });

  it('continues the keystream across calls, including counter carries', () => {
    const key = randomBytes(32);
    for (const iv of [randomBytes(16), new Uint8Array(16).fill(0xff), hex('000000000000000000000000fffffffe')]) {
      const data = randomBytes(5000);
      expect(processInPieces(new AesCtrStream(key, iv), data)).toEqual(nodeCtr(key, iv, data));
    }
  });
});

describe('obfuscated2', () => {
  it('builds the init with the tag, dc id and the encrypted last 8 bytes', () => {
    const random = randomBytes(64);
    const { init } = startObfuscatedClient({ tag: intermediate.obfuscationTag!, dcId: -2, random: () => random });
    expect(init.subarray(0, 56)).toEqual(random.subarray(0, 56));
    const plainInit = random.slice();
    plainInit.set([0xee, 0xee, 0xee, 0xee, 0xfe, 0xff], 56);
    const encrypted = nodeCtr(random.subarray(8, 40), random.subarray(40, 56), plainInit);
    expect(init.subarray(56)).toEqual(encrypted.subarray(56));
  });

  it('skips random inits a server could mistake for another protocol', () => {
    const forbidden = [
      [0xef, 1, 2, 3, 4, 5, 6, 7],
      [...new TextEncoder().encode('HEAD'), 1, 1, 1, 1],
      [...new TextEncoder().encode('POST'), 1, 1, 1, 1],
      [...new TextEncoder().encode('GET '), 1, 1, 1, 1],
      [...new TextEncoder().encode('OPTI'), 1, 1, 1, 1],
      [0xdd, 0xdd, 0xdd, 0xdd, 1, 1, 1, 1],
      [0xee, 0xee, 0xee, 0xee, 1, 1, 1, 1],
      [0x16, 0x03, 0x01, 0x02, 1, 1, 1, 1],
      [9, 9, 9, 9, 0, 0, 0, 0],
    ];
    const allowed = [0x01, 0x02, 0x03, 0x04, 0, 0, 0, 1];
    const candidates = [...forbidden, allowed].map((head) => {
      const init = randomBytes(64);
      init.set(head);
      return init;
    });
    let calls = 0;
    const { init } = startObfuscatedClient({ tag: abridged.obfuscationTag!, random: () => candidates[calls++] });
    expect(calls).toBe(candidates.length);
    expect([...init.subarray(0, 8)]).toEqual(allowed);
  });

  it('gives up on a random source that only yields forbidden inits', () => {
    const init = new Uint8Array(64).fill(0xee);
    expectCode(() => startObfuscatedClient({ tag: abridged.obfuscationTag!, random: () => init }), 'BAD_ARGUMENT');
  });

  it('round-trips client <-> server in both directions with arbitrary chunking', () => {
    const client = startObfuscatedClient({ tag: paddedIntermediate.obfuscationTag!, dcId: 4 });
    const server = acceptObfuscatedClient(client.init);
    expect(server.tag).toEqual(paddedIntermediate.obfuscationTag);
    expect(server.dcId).toBe(4);
    for (let round = 0; round < 3; round++) {
      const up = randomBytes(777 + round);
      expect(processInPieces(server.cipher.decrypt, processInPieces(client.cipher.encrypt, up))).toEqual(up);
      const down = randomBytes(1234 - round);
      expect(processInPieces(client.cipher.decrypt, processInPieces(server.cipher.encrypt, down))).toEqual(down);
    }
  });

  it('derives the server->client stream from the reversed init', () => {
    const client = startObfuscatedClient({ tag: intermediate.obfuscationTag! });
    const server = acceptObfuscatedClient(client.init);
    const reversed = client.init.slice(8, 56).reverse();
    const data = randomBytes(100);
    expect(server.cipher.encrypt(data)).toEqual(nodeCtr(reversed.subarray(0, 32), reversed.subarray(32), data));
  });

  it('mixes a proxy secret into both keys: key = SHA256(key + secret)', () => {
    const secret = randomBytes(16);
    const client = startObfuscatedClient({ tag: intermediate.obfuscationTag!, secret });
    const key = createHash('sha256').update(client.init.subarray(8, 40)).update(secret).digest();
    // The stream encrypted the 64-byte init first, so the next bytes use keystream from offset 64.
    const keystream = nodeCtr(key, client.init.subarray(40, 56), new Uint8Array(64 + 16));
    expect(client.init.subarray(56, 60).map((b, i) => b ^ keystream[56 + i])).toEqual(intermediate.obfuscationTag);
    expect(client.cipher.encrypt(new Uint8Array(16))).toEqual(keystream.subarray(64));

    const server = acceptObfuscatedClient(client.init, { secret });
    expect(server.cipher.decrypt(keystream.subarray(64))).toEqual(new Uint8Array(16));
    const data = randomBytes(64);
    expect(client.cipher.decrypt(server.cipher.encrypt(data))).toEqual(data);
  });

  it('rejects an init sealed with another secret, a short init, or an unknown tag', () => {
    const client = startObfuscatedClient({ tag: intermediate.obfuscationTag!, secret: randomBytes(16) });
    expectCode(() => acceptObfuscatedClient(client.init, { secret: randomBytes(16) }), 'BAD_OBFUSCATION_INIT');
    expectCode(() => acceptObfuscatedClient(client.init.subarray(0, 63)), 'BAD_OBFUSCATION_INIT');
    expectCode(() => startObfuscatedClient({ tag: Uint8Array.of(1, 2, 3, 4) }), 'BAD_ARGUMENT');
    expectCode(() => startObfuscatedClient({ tag: intermediate.obfuscationTag!, secret: randomBytes(17) }), 'BAD_ARGUMENT');
  });
});
