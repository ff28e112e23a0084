import { describe, expect, it } from 'vitest';
import { explain, type ExplainResult, type ExplainRow } from '../../src/explain/explain.js';
import { formatExplain } from '../../src/explain/format.js';
import { fromHex, toHex } from '../../src/common/bytes.js';
import type { TlLayer } from '../../src/layer.js';
import { fnv1a, mulberry32 } from '../../src/conformance/random-value.js';
import { TlDecodeError } from '../../src/runtime/errors.js';
import { LAYERS, layerOf, readJsonl, type NegativeCase, type PositiveCase } from '../helpers.js';

/** The codec's verdict on some bytes, in the fields explain must reproduce. */
function codecVerdict(layer: TlLayer, bytes: Uint8Array, as: string | undefined, strict: boolean) {
  try {
    layer.decode(bytes, { as, strict });
    return { ok: true as const };
  } catch (e) {
    if (!(e instanceof TlDecodeError)) throw e;
    return { ok: false as const, code: e.code, offset: e.offset, path: e.fieldPath, id: e.constructorId, message: e.message };
  }
}

function explainVerdict(result: ExplainResult) {
  const e = result.error;
  if (!e) return { ok: true as const };
  return { ok: false as const, code: e.code, offset: e.offset, path: e.fieldPath, id: e.constructorId, message: e.message };
}

/** Rows that take bytes follow each other with no gap and no overlap, from offset 0. */
function expectTiled(rows: ExplainRow[], end: number): void {
  let at = 0;
  for (const row of rows) {
    if (row.length === 0) {
      expect(row.offset).toBeLessThanOrEqual(end);
      continue;
    }
    expect(row.offset, `row ${row.path} ${row.tlType}`).toBe(at);
    at += row.length;
  }
  expect(at).toBe(end);
}

/** The canonical JSON value at a row path such as `peer.channelId` or `messages[0].body`. */
function jsonAt(json: unknown, path: string): unknown {
  let v = json;
  for (const part of path.match(/[^.[\]]+|\[\d+\]/g) ?? []) {
    v = part.startsWith('[') ? (v as unknown[])[Number(part.slice(1, -1))] : (v as Record<string, unknown>)[part];
  }
  return v;
}

/** Each row's value, compared with what the codec decoded at the same path. */
function expectRowsMatchJson(rows: ExplainRow[], json: unknown): void {
  for (const row of rows) {
    // Flags words and their bits are not in the JSON.
    if (row.tlType === '#' || row.tlType.startsWith('bit ')) continue;
    const at = jsonAt(json, row.path);
    const type = row.tlType.replace(/^\w+\.\d+\?/, '');
    if (/#[0-9a-f]{8}$/.test(row.value) && !row.value.startsWith('vector#')) {
      expect(row.value.split('#')[0], row.path).toBe((at as { _: string })._);
    } else if (type === 'string') {
      expect(row.value, row.path).toBe(JSON.stringify(at));
    } else if (['long', 'bytes', 'int128', 'int256'].includes(type)) {
      expect(row.value, row.path).toBe(at);
    } else if (['int', 'Bool', 'double'].includes(type)) {
      expect(row.value, row.path).toBe(String(at));
    } else if (type === 'count') {
      expect(Number(row.value), row.path).toBe((at as unknown[]).length);
    }
  }
}

describe('explain: every golden vector', () => {
  for (const file of ['seed.jsonl', 'layer-133.jsonl', 'layer-228.jsonl']) {
    it(`${file}: rows tile the bytes and agree with the codec's value`, () => {
      const cases = readJsonl<PositiveCase>(file);
      for (const c of cases) {
        const layer = layerOf(c.schema);
        const bytes = fromHex(c.hex);
        const result = explain(layer, bytes, { as: c.name });
        expect(result.error, c.name).toBeUndefined();
        expect(result.consumed).toBe(bytes.length);
        expectTiled(result.rows, bytes.length);
        expect(result.rows[0].value).toBe(`${c.name}#${c.id}`);
        expectRowsMatchJson(result.rows, c.value);
      }
      expect(cases.length).toBeGreaterThan(50);
    });
  }
});

describe('explain: rejected bytes', () => {
  const negatives = readJsonl<NegativeCase>('negative.jsonl');

  it('gives the codec error of every negative vector, strict and lenient', () => {
    for (const c of negatives) {
      const layer = layerOf(c.schema);
      const bytes = fromHex(c.hex);
      for (const strict of [true, false]) {
        const result = explain(layer, bytes, { as: c.type, strict });
        expect(explainVerdict(result), `${c.why} (strict ${strict})`).toEqual(codecVerdict(layer, bytes, c.type, strict));
        if (result.error) {
          expect(result.consumed).toBe(result.error.offset);
          // Nothing at or past the failing offset is shown as decoded, but for the two documented
          // exceptions: a whole value of another constructor than asked for, an envelope length.
          const readOn = result.error.code === 'LENGTH_MISMATCH' || layer.registry.ids[c.type] !== undefined;
          if (!readOn) for (const row of result.rows) expect(row.offset + row.length).toBeLessThanOrEqual(result.error.offset);
        }
      }
    }
    expect(negatives.length).toBe(90);
  });

  it('stops its rows at the failing offset and names the field path', () => {
    // statsURL{url:"https://t.me/s"} cut inside the string.
    const result = explain(LAYERS[133], fromHex('e071a9470e6874747073'), { as: 'StatsURL' });
    expect(result.rows.map((r) => [r.offset, r.length, r.path])).toEqual([[0, 4, '']]);
    expect(result.error).toMatchObject({ code: 'TRUNCATED', offset: 4, constructorId: 0x47a971e0, fieldPath: 'url' });
  });

  it('agrees with the codec on truncated and corrupted golden vectors', () => {
    const cases = [...readJsonl<PositiveCase>('layer-133.jsonl'), ...readJsonl<PositiveCase>('layer-228.jsonl')].filter((_, i) => i % 7 === 0);
    let compared = 0;
    let failures = 0;
    for (const c of cases) {
      const layer = layerOf(c.schema);
      const good = fromHex(c.hex);
      const rand = mulberry32(fnv1a(`explain-fuzz|${c.schema}|${c.name}|${c.hex.length}`));
      const variants: Uint8Array[] = [good.subarray(0, Math.floor(rand() * good.length))];
      for (let k = 0; k < 3; k++) {
        const bad = good.slice();
        bad[Math.floor(rand() * bad.length)] ^= 1 << Math.floor(rand() * 8);
        variants.push(bad);
      }
      const extended = new Uint8Array(good.length + 3);
      extended.set(good);
      variants.push(extended);
      for (const bytes of variants) {
        for (const as of [c.name, undefined]) {
          const strict = rand() < 0.5;
          const expected = codecVerdict(layer, bytes, as, strict);
          const result = explain(layer, bytes, { as, strict });
          expect(explainVerdict(result), `${c.name} ${toHex(bytes)} as ${as} strict ${strict}`).toEqual(expected);
          if (result.error) failures++;
          else expectTiled(result.rows, bytes.length);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(5000);
    // Most variants must fail, or the comparison says little about the error paths.
    expect(failures).toBeGreaterThan(compared / 2);
  });

  it('reports nesting past maxDepth like the codec', () => {
    // msg_container > message > body: depth 2 already exceeds a limit of 1.
    const hex = readJsonl<PositiveCase>('layer-133.jsonl').find((c) => c.name === 'msg_container' && c.hex.length > 16)!.hex;
    const bytes = fromHex(hex);
    const result = explain(LAYERS[133], bytes, { maxDepth: 1 });
    let expected: unknown;
    try {
      LAYERS[133].decode(bytes, { maxDepth: 1 });
    } catch (e) {
      expected = e;
    }
    expect(result.error).toMatchObject({ code: 'TOO_DEEP', offset: (expected as TlDecodeError).offset, fieldPath: (expected as TlDecodeError).fieldPath });
  });

  it('names the target the layer lacks', () => {
    expect(explain(LAYERS[228], fromHex('e62a2c81'), { as: 'messages.getStatsURL' }).error).toMatchObject({ code: 'UNKNOWN_CONSTRUCTOR', offset: 0 });
    expect(explain(LAYERS[133], fromHex('e071a947'), { method: 'no.suchMethod' }).error?.message).toContain('no function named no.suchMethod');
  });

  it('says which constructor was found instead of the one asked for', () => {
    const result = explain(LAYERS[133], fromHex('e071a94703616263'), { as: 'messages.getStatsURL' });
    expect(result.error).toMatchObject({ code: 'WRONG_CONSTRUCTOR', offset: 0, constructorName: 'statsURL' });
  });
});

describe('explain --method: an rpc_result read as the method answers', () => {
  const layer = LAYERS[133];
  const rpcResult = (result: string): Uint8Array => fromHex(`016d5cf3${'0100000000000000'}${result}`);
  const statsUrl = toHex(layer.encode({ _: 'statsURL', url: 'https://t.me/s' }));

  it('reads the result as the method result type', () => {
    const result = explain(layer, rpcResult(statsUrl), { method: 'messages.getStatsURL' });
    expect(result.error).toBeUndefined();
    const row = result.rows.find((r) => r.path === 'result')!;
    expect(row).toMatchObject({ tlType: 'StatsURL (messages.getStatsURL)', value: 'statsURL#47a971e0', depth: 1 });
    expect(result.rows.find((r) => r.path === 'result.url' && r.tlType === 'string')?.value).toBe('"https://t.me/s"');
  });

  it('rejects a result of another type, at the result', () => {
    const result = explain(layer, rpcResult('c97ea07d'), { method: 'messages.getStatsURL' });
    expect(result.error).toMatchObject({ code: 'WRONG_CONSTRUCTOR', offset: 12, fieldPath: 'result', constructorName: 'inputPeerSelf' });
  });

  it('reads vector results and the bare result without rpc_result', () => {
    const vector = '15c4b51c020000000700000009000000';
    const wrapped = explain(layer, rpcResult(vector), { method: 'contacts.getContactIDs' });
    expect(wrapped.error).toBeUndefined();
    expect(wrapped.rows.filter((r) => r.tlType === 'int').map((r) => [r.path, r.value])).toEqual([
      ['result[0]', '7'],
      ['result[1]', '9'],
    ]);
    const alone = explain(layer, fromHex(vector), { method: 'contacts.getContactIDs' });
    expect(alone.rows[0]).toMatchObject({ path: '', tlType: 'Vector<int> (contacts.getContactIDs)' });
  });

  it('accepts rpc_error and gzip_packed in place of the result', () => {
    const error = toHex(layer.encode({ _: 'rpc_error', errorCode: 420, errorMessage: 'FLOOD_WAIT_3' }));
    const result = explain(layer, rpcResult(error), { method: 'messages.getStatsURL' });
    expect(result.error).toBeUndefined();
    expect(result.rows.find((r) => r.path === 'result.errorMessage' && r.tlType === 'string')?.value).toBe('"FLOOD_WAIT_3"');
    const gzip = toHex(layer.encode({ _: 'gzip_packed', packedData: new Uint8Array([0x1f, 0x8b, 8, 0]) }));
    const packed = explain(layer, rpcResult(gzip), { method: 'messages.getStatsURL' });
    expect(packed.rows.find((r) => r.path === 'result.packedData' && r.tlType === 'bytes')?.value).toBe('1f8b0800');
  });
});

describe('formatExplain', () => {
  const result = explain(LAYERS[133], fromHex('e62a2c8101000000c97ea07d03616263'));

  it('prints one aligned line per row, then the verdict', () => {
    const text = formatExplain(result, { color: false });
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(result.rows.length + 2);
    expect(lines[0]).toMatch(/^offset +bytes +field +type +value$/);
    // The type column starts at the same place on every line.
    const typeColumn = lines[0].indexOf('type');
    for (const line of lines.slice(1, -1)) expect(line.slice(typeColumn - 2, typeColumn)).toBe('  ');
    expect(lines[1]).toContain('messages.getStatsURL#812c2ae6');
    expect(lines.some((l) => /flags\.0 +bit 0 +1 +\(dark\)/.test(l))).toBe(true);
    expect(lines.at(-1)).toBe('16 bytes, all decoded');
    expect(text).not.toContain('\x1b[');
  });

  it('colours only when asked', () => {
    expect(formatExplain(result, { color: true })).toContain('\x1b[32m');
  });

  it('shows the undecoded rest and the error', () => {
    const failed = explain(LAYERS[133], fromHex('e62a2c8101000000c97ea07d05616263'));
    const lines = formatExplain(failed, { color: false }).trimEnd().split('\n');
    expect(lines.at(-2)).toMatch(/^ +12 +05616263 +params +not decoded$/);
    expect(lines.at(-1)).toBe('decode error TRUNCATED: truncated string: length 5 needs 8 bytes with prefix and padding, 4 left (at offset 12, in messages.getStatsURL#812c2ae6, field params)');
  });

  it('clips long payloads', () => {
    const long = explain(LAYERS[133], LAYERS[133].encode({ _: 'statsURL', url: 'x'.repeat(300) }));
    const text = formatExplain(long, { color: false });
    expect(text).toContain(`${'78'.repeat(16)}…`);
    expect(text).toContain('300  (0xfe and a 3-byte length)');
    expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThan(200);
  });
});

describe('explain --lenient', () => {
  it('shows a flags bit no field uses', () => {
    // messages.getStatsURL with flags 0x3: bit 1 is not in the schema.
    const bytes = fromHex('e62a2c8103000000c97ea07d03616263');
    expect(explain(LAYERS[133], bytes).error).toMatchObject({ code: 'UNKNOWN_FLAGS', offset: 4 });
    const result = explain(LAYERS[133], bytes, { strict: false });
    expect(result.error).toBeUndefined();
    expect(result.rows.filter((r) => r.tlType.startsWith('bit ')).map((r) => [r.path, r.value, r.note])).toEqual([
      ['flags.0', '1', 'dark'],
      ['flags.1', '1', 'no field uses this bit'],
    ]);
  });

  it('marks padding that is not zero', () => {
    const result = explain(LAYERS[133], fromHex('e071a947026869ff'), { strict: false });
    expect(result.rows.at(-1)).toMatchObject({ offset: 7, length: 1, tlType: 'padding', value: 'not zero (accepted: lenient)' });
    const strict = explain(LAYERS[133], fromHex('e071a947026869ff'));
    expect(strict.error).toMatchObject({ code: 'BAD_PADDING', offset: 7, fieldPath: 'url' });
    // The string before the bad padding decoded, and is shown.
    expect(strict.rows.at(-1)).toMatchObject({ offset: 5, length: 2, tlType: 'string', value: '"hi"' });
  });
});
