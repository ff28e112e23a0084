/**
 * The benchmark cases. Each library gets the same values in its own shape; before anything is
 * timed, `prepare` asserts that its bytes equal tlwire's (encode) or that it decodes tlwire's
 * bytes back to the same bytes (decode), and throws `BytesMismatch` otherwise.
 */
import { isDeepStrictEqual } from 'node:util';
import { Reader, deserialize, serialize, toHex } from '../dist/index.js';
import * as L133 from '../dist/generated/layer133/index.js';
import * as L228 from '../dist/generated/layer228/index.js';
import { getHistoryRequest, getStatsUrlRequest, historyPage, updateStream } from './fixtures/data.js';
import { decodeHistory, encodeHistory } from './handwritten/history.js';
import type { GramjsSchema } from './peers/gramjs.js';
import { writeGetStatsUrl } from './handwritten/stats-url.js';
import { CRYPTO_CASES } from './crypto.js';

export const LIBRARIES = ['tlwire', 'mtcute', 'gramjs', 'handwritten'] as const;
export type Library = (typeof LIBRARIES)[number];

export const CASE_IDS = [
  'getHistory.encode',
  'getStatsURL.encode',
  'messages.encode',
  'messages.decode',
  'updates.decode',
  ...(['ige.decrypt', 'ige.encrypt', 'envelope.decrypt', 'envelope.encrypt', 'obfuscated2.ctr'] as const).flatMap((id) => [id, `${id}.browser`] as const),
] as const;
export type CaseId = (typeof CASE_IDS)[number];

export interface Prepared {
  /** One operation: what ops/s counts. */
  op: () => unknown;
  /** The wire bytes one operation produces or consumes: MB/s = ops/s x this. */
  wireBytes: number;
  /** What the library was given, when it is not its shipped layer. */
  note?: string;
}

export interface CaseSpec {
  id: CaseId;
  title: string;
  kind: 'encode' | 'decode' | 'crypto';
  /** Required tlwire/peer ratios, where they differ from the codec's (encode 2x, decode 1.5x mtcute; 20x GramJS). */
  targets?: { mtcute?: number; gramjs?: number };
  libraries: readonly Library[];
  /** Which schema GramJS loads for this case (one per process). */
  gramjsSchema: GramjsSchema;
  prepare(library: Library): Promise<Prepared>;
}

export class BytesMismatch extends Error {
  constructor(caseId: string, library: string, expected: Uint8Array, actual: Uint8Array) {
    let at = 0;
    while (at < expected.length && at < actual.length && expected[at] === actual[at]) at++;
    const around = (b: Uint8Array) => toHex(b.subarray(Math.max(0, at - 8), at + 8));
    super(
      `${caseId}: ${library} bytes differ from tlwire's at offset ${at} (lengths ${actual.length} and ${expected.length}): ` +
        `${library} ...${around(actual)}... tlwire ...${around(expected)}...`,
    );
  }
}

export function assertSame(caseId: string, library: string, expected: Uint8Array, actual: Uint8Array): void {
  if (expected.length !== actual.length || expected.some((b, i) => actual[i] !== b)) throw new BytesMismatch(caseId, library, expected, actual);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Every constructor name in a value, to find those a peer's layer defines differently. */
function constructorNames(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const x of value) constructorNames(x, into);
  else if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array)) {
    const o = value as Record<string, unknown>;
    if (typeof o._ === 'string') into.add(o._);
    for (const key of Object.keys(o)) if (key !== '_') constructorNames(o[key], into);
  }
  return into;
}

/**
 * Gives mtcute tlwire's definitions of the constructors its layer defines otherwise, after
 * checking that the entries are written in mtcute's own form. Returns the note for the table.
 */
async function adoptForMtcute(names: Set<string>): Promise<string | undefined> {
  const { adoptDefinitions, checkCodegenForm, MTCUTE_LAYER } = await import('./peers/mtcute.js');
  const form = checkCodegenForm(L228.model);
  if (form.different.length > 0) throw new Error(`mtcute entries written here differ from the shipped ones for ${form.different.join(', ')}`);
  const adopted = adoptDefinitions(L228.model, names);
  if (adopted.length === 0) return undefined;
  return `layer ${MTCUTE_LAYER} + tlwire's ${adopted.join(', ')} (written as mtcute's generator does: ${form.identical} of ${form.compared} shipped entries re-created byte for byte)`;
}

/** An encode case: every library's bytes must equal tlwire's. */
async function prepareEncode(caseId: CaseId, library: Library, value: { _: string }, gramjsSchema: GramjsSchema, tlwireEncode: () => Uint8Array): Promise<Prepared> {
  const expected = tlwireEncode();
  if (library === 'tlwire') return { op: tlwireEncode, wireBytes: expected.length };
  if (library === 'mtcute') {
    const { mtcute, toMtcute } = await import('./peers/mtcute.js');
    const note = await adoptForMtcute(constructorNames(value));
    const v = toMtcute(L228.model, value) as { _: string };
    assertSame(caseId, library, expected, mtcute.encode(v));
    return { op: () => mtcute.encode(v), wireBytes: expected.length, note };
  }
  if (library === 'gramjs') {
    const { loadGramjs, toGramjs } = await import('./peers/gramjs.js');
    const gramjs = loadGramjs(gramjsSchema);
    const v = toGramjs(gramjs, L228.model, value);
    assertSame(caseId, library, expected, v.getBytes());
    return { op: () => v.getBytes(), wireBytes: expected.length, note: gramjsSchema === 'tlwire228' ? "tlwire's layer 228 schema text" : undefined };
  }
  throw new Error(`${caseId} has no ${library} variant`);
}

/**
 * A decode case: every library decodes tlwire's bytes, and its own encoder gives them back.
 * `stream`: the bytes are many objects back to back, read with one reader until the end.
 */
async function prepareDecode(caseId: CaseId, library: Library, bytes: Uint8Array, stream: boolean, gramjsSchema: GramjsSchema, names: Set<string>, tlwire: { decode: () => unknown; reencode: (decoded: unknown) => Uint8Array }): Promise<Prepared> {
  if (library === 'tlwire') {
    assertSame(caseId, library, bytes, tlwire.reencode(tlwire.decode()));
    return { op: tlwire.decode, wireBytes: bytes.length };
  }
  if (library === 'mtcute') {
    const { mtcute } = await import('./peers/mtcute.js');
    const note = await adoptForMtcute(names);
    const decodeAll = (): unknown[] => {
      const r = mtcute.reader(bytes);
      const out: unknown[] = [];
      while (r.pos < bytes.length) out.push(r.object());
      return out;
    };
    assertSame(caseId, library, bytes, concat(decodeAll().map((v) => mtcute.encode(v as { _: string }))));
    return { op: stream ? decodeAll : () => mtcute.decode(bytes), wireBytes: bytes.length, note };
  }
  if (library === 'gramjs') {
    const { loadGramjs, asBuffer } = await import('./peers/gramjs.js');
    const gramjs = loadGramjs(gramjsSchema);
    const buffer = asBuffer(bytes);
    const decodeAll = () => {
      const r = new gramjs.BinaryReader(buffer);
      const out = [];
      while (r.tellPosition() < buffer.length) out.push(r.tgReadObject());
      return out;
    };
    assertSame(caseId, library, bytes, concat(decodeAll().map((v) => v.getBytes())));
    const decodeOne = () => new gramjs.BinaryReader(buffer).tgReadObject();
    return { op: stream ? decodeAll : decodeOne, wireBytes: bytes.length, note: gramjsSchema === 'tlwire228' ? "tlwire's layer 228 schema text" : undefined };
  }
  throw new Error(`${caseId} has no ${library} variant`);
}

export const CASES: readonly CaseSpec[] = [
  {
    id: 'getHistory.encode',
    title: 'encode messages.getHistory on inputPeerChannel',
    kind: 'encode',
    libraries: ['tlwire', 'mtcute', 'gramjs'],
    gramjsSchema: 'stock',
    prepare(library) {
      const value = getHistoryRequest();
      return prepareEncode(this.id, library, value, this.gramjsSchema, () => serialize(L228.write_messages_getHistory, value));
    },
  },
  {
    id: 'getStatsURL.encode',
    title: 'encode messages.getStatsURL (layer 133) against a hand-written writer',
    kind: 'encode',
    libraries: ['tlwire', 'handwritten'],
    gramjsSchema: 'stock',
    async prepare(library) {
      const value = getStatsUrlRequest();
      const tlwireEncode = () => serialize(L133.write_messages_getStatsURL, value);
      const expected = tlwireEncode();
      if (library === 'tlwire') return { op: tlwireEncode, wireBytes: expected.length };
      if (library !== 'handwritten') throw new Error(`${this.id} has no ${library} variant`);
      assertSame(this.id, library, expected, writeGetStatsUrl(value));
      return { op: () => writeGetStatsUrl(value), wireBytes: expected.length };
    },
  },
  {
    id: 'messages.encode',
    title: 'encode messages.messages: 50 messages, 10 users, 1 channel',
    kind: 'encode',
    libraries: ['tlwire', 'mtcute', 'gramjs', 'handwritten'],
    // Its message, user, channel and messageReplyHeader differ in GramJS's layer 198.
    gramjsSchema: 'tlwire228',
    async prepare(library) {
      const value = historyPage();
      const tlwireEncode = () => serialize(L228.write_messages_Messages, value);
      if (library !== 'handwritten') return prepareEncode(this.id, library, value, this.gramjsSchema, tlwireEncode);
      const expected = tlwireEncode();
      assertSame(this.id, library, expected, encodeHistory(value));
      return { op: () => encodeHistory(value), wireBytes: expected.length, note: 'calibration: this response only' };
    },
  },
  {
    id: 'messages.decode',
    title: 'decode messages.messages: 50 messages, 10 users, 1 channel',
    kind: 'decode',
    libraries: ['tlwire', 'mtcute', 'gramjs', 'handwritten'],
    gramjsSchema: 'tlwire228',
    async prepare(library) {
      const value = historyPage();
      const bytes = serialize(L228.write_messages_Messages, value);
      if (library === 'handwritten') {
        // The same value as tlwire's decoder gives, and the same bytes back.
        const decoded = decodeHistory(bytes);
        if (!isDeepStrictEqual(decoded, deserialize(L228.read_messages_Messages, bytes))) throw new Error(`${this.id}: the hand-written decoder's value differs from tlwire's`);
        assertSame(this.id, library, bytes, encodeHistory(decoded));
        return { op: () => decodeHistory(bytes), wireBytes: bytes.length, note: 'calibration: this response only' };
      }
      return prepareDecode(this.id, library, bytes, false, this.gramjsSchema, constructorNames(value), {
        decode: () => deserialize(L228.read_messages_Messages, bytes),
        reencode: (decoded) => serialize(L228.write_messages_Messages, decoded as L228.messages_Messages),
      });
    },
  },
  {
    id: 'updates.decode',
    title: 'decode 1,000 small updates back to back',
    kind: 'decode',
    libraries: ['tlwire', 'mtcute', 'gramjs'],
    gramjsSchema: 'stock',
    prepare(library) {
      const values = updateStream();
      const bytes = concat(values.map((v) => serialize(L228.write_Updates, v)));
      return prepareDecode(this.id, library, bytes, true, this.gramjsSchema, constructorNames(values), {
        decode: () => {
          const r = new Reader(bytes);
          const out: L228.Updates[] = [];
          while (r.pos < r.end) out.push(L228.read_Updates(r));
          return out;
        },
        reencode: (decoded) => concat((decoded as L228.Updates[]).map((v) => serialize(L228.write_Updates, v))),
      });
    },
  },
  ...CRYPTO_CASES,
];

export function caseById(id: string): CaseSpec {
  const spec = CASES.find((c) => c.id === id);
  if (!spec) throw new Error(`no case ${id}; cases: ${CASES.map((c) => c.id).join(', ')}`);
  return spec;
}
