import { describe, expect, it } from 'vitest';
import { rowAt, ValueLayout, type LayoutRow } from '../../src/conformance/layout.js';
import { formatPath } from '../../src/runtime/errors.js';
import { fnv1a, mulberry32, RandomValues, type FlagsMode } from '../../src/conformance/random-value.js';
import { explain } from '../../src/explain/explain.js';
import { LAYERS } from '../helpers.js';

/** Rows that own bytes directly (the others only group them). */
const leaf = (r: LayoutRow): boolean => r.length > 0 && r.kind !== 'object' && r.kind !== 'vector';

describe('ValueLayout', () => {
  for (const [number, layer] of Object.entries(LAYERS)) {
    for (const flags of ['all', 'none'] as FlagsMode[]) {
      it(`layer ${number}, flags ${flags}: the leaf rows of every combinator tile its serialization, on explain's boundaries`, () => {
        const layout = new ValueLayout(layer.model);
        let checked = 0;
        for (const c of layer.model.combinators) {
          if (c.id === undefined) continue;
          const random = new RandomValues(layer.model, mulberry32(fnv1a(`layout|${c.name}|${flags}`)), { flags, measure: (body) => layer.encode(body).length });
          const value = random.combinator(c);
          const bytes = layer.encode(value);
          const rows = layout.rows(value);
          expect(rows[0].length, c.name).toBe(bytes.length);
          // Leaves follow each other without gaps or overlaps, from byte 0 to the end.
          let at = 0;
          for (const row of rows.filter(leaf)) {
            expect(row.offset, `${c.name} ${formatPath(row.path)}`).toBe(at);
            at += row.length;
          }
          expect(at, c.name).toBe(bytes.length);
          // Every leaf starts where tlwire's explain engine, which reads the bytes, starts a row.
          const starts = new Set(explain(layer, bytes, { as: c.name }).rows.map((r) => r.offset));
          for (const row of rows.filter(leaf)) expect(starts.has(row.offset), `${c.name} ${formatPath(row.path)} at ${row.offset}`).toBe(true);
          checked++;
        }
        expect(checked).toBe(layer.model.combinators.filter((c) => c.id !== undefined).length);
      });
    }
  }

  it('lays out messages.getStatsURL field by field', () => {
    const layer = LAYERS[133];
    const value = layer.json.fromJson({ _: 'messages.getStatsURL', dark: true, peer: { _: 'inputPeerSelf' }, params: 'abc' });
    const rows = new ValueLayout(layer.model).rows(value);
    const shown = rows.map((r) => `${r.offset}+${r.length} ${r.kind} ${formatPath(r.path)} ${r.tlType}${r.flag ? ` ${r.flag}` : ''}`);
    expect(shown).toEqual([
      '0+16 object  Object',
      '0+4 id  Object',
      '4+4 flags flags #',
      '8+0 true dark true flags.0',
      '8+4 object peer InputPeer',
      '8+4 id peer InputPeer',
      '12+4 value params string',
    ]);
    expect(rows.find((r) => r.kind === 'value')).toMatchObject({ prefix: 1, payload: 3, owner: 'messages.getStatsURL' });
    expect(rows.find((r) => r.kind === 'id' && r.path.length === 1)).toMatchObject({ ctor: 'inputPeerSelf', owner: 'messages.getStatsURL', value: 0x7da07ec9 });
    expect(formatPath(rowAt(rows, 13)!.path)).toBe('params');
  });

  it('marks absent conditional fields where they would be, and sizes long strings with the 4-byte prefix', () => {
    const layer = LAYERS[133];
    const value = layer.json.fromJson({ _: 'statsGraph', json: { _: 'dataJSON', data: 'x'.repeat(254) } });
    const rows = new ValueLayout(layer.model).rows(value);
    const data = rows.find((r) => formatPath(r.path) === 'json.data')!;
    expect(data).toMatchObject({ offset: 12, prefix: 4, payload: 254, length: 260 });
    expect(rows.at(-1)).toMatchObject({ kind: 'absent', offset: 272, length: 0, flag: 'flags.0', tlType: 'string', path: ['zoomToken'] });
    expect(rows[0].length).toBe(layer.encode(value).length);
  });

  it('counts vectors and bare envelopes: msg_container', () => {
    const layer = LAYERS[133];
    const json = { _: 'msg_container', messages: [{ _: 'message', msgId: '1', seqno: 2, bytes: 8, body: { _: 'statsURL', url: '' } }] };
    const rows = new ValueLayout(layer.model).rows(layer.json.fromJson(json));
    const shown = rows.map((r) => `${r.offset}+${r.length} ${r.kind} ${formatPath(r.path)} ${r.tlType}`);
    expect(shown).toEqual([
      '0+32 object  Object',
      '0+4 id  Object',
      '4+28 vector messages vector<%message>',
      '4+4 count messages int',
      '8+24 object messages[0] %message',
      '8+8 value messages[0].msgId long',
      '16+4 value messages[0].seqno int',
      '20+4 value messages[0].bytes int',
      '24+8 object messages[0].body Object',
      '24+4 id messages[0].body Object',
      '28+4 value messages[0].body.url string',
    ]);
    expect(rows[0].length).toBe(layer.encodeJson(json).length);
  });
});
