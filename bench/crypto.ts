/**
 * The crypto cases: AES-256-IGE at 1 MiB, the MTProto 2.0 envelope (a 1 MiB server message
 * decrypted, a 1 KiB client request encrypted) and the obfuscated2 transport's AES-256-CTR,
 * each once through tlwire as Node loads it and once (`.browser`) through tlwire bundled for
 * browsers, where no node:crypto is reachable. Before timing, every library's bytes are checked
 * against tlwire's. The peers' envelope steps are composed in peers/crypto.ts.
 */
import { createCipheriv } from 'node:crypto';
import * as tlwireNode from '../dist/mtproto/index.js';
import { AesCtrStream } from '../dist/transport/aes-ctr-stream.js';
import { mulberry32 } from '../src/conformance/random-value.js';
import { assertSame, type CaseSpec, type Library, type Prepared } from './cases.js';
import type { PeerCrypto } from './peers/crypto.js';

type PeerEnvelope = Pick<typeof import('./peers/crypto.js'), 'decryptFromServer' | 'encryptFromClient'>;

const MIB = 1 << 20;
import type { Tlwire } from './lib/browser-bundle.js';

function bytes(seed: number, length: number): Uint8Array {
  const rand = mulberry32(seed);
  return Uint8Array.from({ length }, () => Math.floor(rand() * 256));
}

const authKey = bytes(1, 256);
const key = bytes(2, 32);
const iv = bytes(3, 32);
const header = { salt: 0x0123456789abcdefn, sessionId: -0x1122334455667788n, seqNo: 7 };
const serverMsgId = 0x5e308b91c2c1f001n;
const clientMsgId = 0x5e308b9100000004n;
/** The client's padding, the same for every library so that the packets are byte for byte equal. */
const padding = bytes(4, 1024);

async function tlwireFor(browser: boolean): Promise<Tlwire> {
  if (browser) return (await import('./lib/browser-bundle.js')).tlwireForBrowsers();
  if (tlwireNode.cryptoBackend !== 'node') throw new Error(`tlwire on Node chose the ${tlwireNode.cryptoBackend} path`);
  return { ...tlwireNode, AesCtrStream };
}

async function peerFor(library: Library, browser: boolean): Promise<PeerCrypto> {
  const peers = await import('./peers/crypto.js');
  if (library === 'mtcute') return browser ? peers.mtcuteWasmOnly() : peers.mtcuteCrypto();
  if (library === 'gramjs') return peers.gramjsCrypto();
  throw new Error(`no crypto for ${library}`);
}

type Step = (t: Tlwire) => { expected: Uint8Array; op: () => Uint8Array; wireBytes: number };
type PeerStep = (c: PeerCrypto, authKeyId: Uint8Array, envelope: PeerEnvelope) => () => Uint8Array;

/** Runs tlwire's step (the expected bytes) and, for a peer, checks its step gives the same bytes. */
async function prepareCrypto(caseId: string, library: Library, browser: boolean, tlwireStep: Step, peerStep: PeerStep): Promise<Prepared> {
  const tlwire = await tlwireFor(browser);
  const mine = tlwireStep(tlwire);
  if (library === 'tlwire') {
    assertSame(caseId, library, mine.expected, mine.op());
    return { op: mine.op, wireBytes: mine.wireBytes };
  }
  const op = peerStep(await peerFor(library, browser), tlwire.authKeyIdBytes(authKey), await import('./peers/crypto.js'));
  assertSame(caseId, library, mine.expected, op());
  return { op, wireBytes: mine.wireBytes, note: peerNote(library, browser) };
}

function peerNote(library: Library, browser: boolean): string {
  if (library === 'gramjs') return 'telegram/crypto IGE and CTR, node:crypto SHA-256';
  return browser ? '@mtcute/wasm only (its browser provider)' : '@mtcute/wasm IGE, node:crypto SHA-256 and CTR (its Node provider)';
}

const igeData = bytes(5, MIB);
const serverBody = bytes(6, MIB);
const clientBody = bytes(7, 1024);

function igeCase(direction: 'encrypt' | 'decrypt', browser: boolean): CaseSpec {
  const id = `ige.${direction}${browser ? '.browser' : ''}` as CaseSpec['id'];
  return {
    id,
    title: `AES-256-IGE ${direction}, 1 MiB${browser ? ', the browser build' : ''}`,
    kind: 'crypto',
    libraries: ['tlwire', 'mtcute', 'gramjs'],
    gramjsSchema: 'stock',
    targets: { mtcute: direction === 'encrypt' ? (browser ? undefined : 3) : browser ? 0.8 : 1, gramjs: 2 },
    prepare(library) {
      return prepareCrypto(
        id,
        library,
        browser,
        (t) => {
          const run = () => (direction === 'encrypt' ? t.aesIgeEncrypt(igeData, key, iv) : t.aesIgeDecrypt(igeData, key, iv));
          return { expected: run(), op: run, wireBytes: igeData.length };
        },
        (c) => () => (direction === 'encrypt' ? c.igeEncrypt(igeData, key, iv) : c.igeDecrypt(igeData, key, iv)),
      );
    },
  };
}

function envelopeDecryptCase(browser: boolean): CaseSpec {
  const id = `envelope.decrypt${browser ? '.browser' : ''}` as CaseSpec['id'];
  return {
    id,
    title: `MTProto 2.0: decrypt and check a 1 MiB message from the server${browser ? ', the browser build' : ''}`,
    kind: 'crypto',
    libraries: browser ? ['tlwire', 'mtcute'] : ['tlwire', 'mtcute', 'gramjs'],
    gramjsSchema: 'stock',
    targets: { mtcute: browser ? undefined : 1.5, gramjs: 2 },
    prepare(library) {
      let packet: Uint8Array = new Uint8Array(0);
      return prepareCrypto(
        id,
        library,
        browser,
        (t) => {
          packet = t.encryptMessage({ authKey, ...header, msgId: serverMsgId, body: serverBody, side: 'server' });
          const run = () => t.decryptMessage({ authKey, data: packet, side: 'client', expectedSessionId: header.sessionId }).body;
          return { expected: serverBody, op: run, wireBytes: packet.length };
        },
        (c, authKeyId, envelope) => () => envelope.decryptFromServer(c, authKey, authKeyId, packet),
      );
    },
  };
}

function envelopeEncryptCase(browser: boolean): CaseSpec {
  const id = `envelope.encrypt${browser ? '.browser' : ''}` as CaseSpec['id'];
  return {
    id,
    title: `MTProto 2.0: encrypt a 1 KiB request from the client${browser ? ', the browser build' : ''}`,
    kind: 'crypto',
    libraries: browser ? ['tlwire', 'mtcute'] : ['tlwire', 'mtcute', 'gramjs'],
    gramjsSchema: 'stock',
    targets: { mtcute: browser ? undefined : 1.5, gramjs: 2 },
    prepare(library) {
      // tlwire pads to a size bucket; the peers are given the same padding.
      let paddingLength = 0;
      return prepareCrypto(
        id,
        library,
        browser,
        (t) => {
          const run = () => t.encryptMessage({ authKey, ...header, msgId: clientMsgId, body: clientBody, side: 'client', random: (n) => padding.subarray(0, n) });
          const expected = run();
          paddingLength = expected.length - 24 - 32 - clientBody.length;
          return { expected, op: run, wireBytes: expected.length };
        },
        (c, authKeyId, envelope) => () => envelope.encryptFromClient(c, authKey, authKeyId, { ...header, msgId: clientMsgId }, clientBody, padding.subarray(0, paddingLength)),
      );
    },
  };
}

function ctrCase(browser: boolean): CaseSpec {
  const id = `obfuscated2.ctr${browser ? '.browser' : ''}` as CaseSpec['id'];
  const ctrKey = key;
  const ctrIv = iv.subarray(0, 16);
  return {
    id,
    title: `obfuscated2: 1 MiB through AES-256-CTR${browser ? ', the browser build' : ''}`,
    kind: 'crypto',
    libraries: ['tlwire', 'mtcute', 'gramjs'],
    gramjsSchema: 'stock',
    targets: { gramjs: 2 },
    async prepare(library) {
      // Every library's first MiB of keystream must match node:crypto's; timing then goes on along the stream.
      const expected = new Uint8Array(createCipheriv('aes-256-ctr', ctrKey, ctrIv).update(igeData));
      const tlwire = await tlwireFor(browser);
      const stream: (data: Uint8Array) => Uint8Array =
        library === 'tlwire'
          ? ((s) => (data: Uint8Array) => s.process(data))(new tlwire.AesCtrStream(ctrKey, ctrIv))
          : (await peerFor(library, browser)).ctr(ctrKey, ctrIv);
      assertSame(id, library, expected, stream(igeData));
      return { op: () => stream(igeData), wireBytes: igeData.length, note: library === 'tlwire' ? undefined : peerNote(library, browser) };
    },
  };
}

export const CRYPTO_CASES: readonly CaseSpec[] = [false, true].flatMap((browser) => [
  igeCase('decrypt', browser),
  igeCase('encrypt', browser),
  envelopeDecryptCase(browser),
  envelopeEncryptCase(browser),
  ctrCase(browser),
]);
