import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateLayer } from '../../src/codegen/generate.js';
import { SHIPPED_LAYERS, shippedLayerSources } from '../../src/codegen/layers.js';
import { LAYER_REFERENCES } from '../../src/reference/layers.js';
import { bundleProgram, ROOT } from '../helpers.js';

const sourcesOf = (spec: (typeof SHIPPED_LAYERS)[number]) => shippedLayerSources(spec, (name) => readFileSync(join(ROOT, 'schema', name), 'utf8'));

describe('generated code', () => {
  for (const spec of SHIPPED_LAYERS) {
    it(`layer ${spec.layer} is committed exactly as the generator writes it`, () => {
      const files = generateLayer(spec.layer, sourcesOf(spec), { reference: LAYER_REFERENCES[spec.layer] });
      expect([...files.keys()].sort()).toEqual(['codec.ts', 'index.ts', 'model.ts', 'registry.ts', 'types.ts']);
      for (const [name, text] of files) {
        const committed = readFileSync(join(ROOT, 'src', 'generated', `layer${spec.layer}`, name), 'utf8');
        // On failure: run `npm run generate` and commit the result.
        expect(committed === text, `src/generated/layer${spec.layer}/${name} is stale`).toBe(true);
      }
    });
  }

  it('is deterministic', () => {
    const spec = SHIPPED_LAYERS[0];
    const a = generateLayer(spec.layer, sourcesOf(spec), { reference: LAYER_REFERENCES[spec.layer] });
    const b = generateLayer(spec.layer, sourcesOf(spec), { reference: LAYER_REFERENCES[spec.layer] });
    expect([...a.entries()]).toEqual([...b.entries()]);
  });

  it('derives the flags word and skips the true field in messages.getStatsURL', () => {
    const codec = readFileSync(join(ROOT, 'src', 'generated', 'layer133', 'codec.ts'), 'utf8');
    const writer = codec.slice(codec.indexOf('function writeFields_messages_getStatsURL('), codec.indexOf('function readFields_messages_getStatsURL('));
    expect(writer).toContain('const set_dark = isSet(v.dark, 1);');
    expect(writer).toContain('const flags = (set_dark ? 0x1 : 0);');
    // The id and the flags word: one run of fixed-size stores after one claim.
    expect(writer).toContain('const p0 = claim(w, 8);');
    expect(writer).toContain('storeInt(w, p0, 0x812c2ae6);');
    expect(writer).toContain('storeInt(w, p0 + 4, flags);');
    expect(writer).not.toContain('v.flags');
    expect(writer).not.toMatch(/write\w*\(w, v\.dark/);
  });

  it('refuses a true flag that is not a boolean, naming the field', async () => {
    const { LAYERS } = await import('../helpers.js');
    const value = { _: 'messages.getStatsURL', dark: 'no', peer: { _: 'inputPeerSelf' }, params: '' };
    expect(() => LAYERS[133].encode(value)).toThrow(expect.objectContaining({ code: 'BAD_VALUE', fieldPath: 'dark' }));
    expect(LAYERS[133].encode({ ...value, dark: false })).toEqual(LAYERS[133].encode({ ...value, dark: undefined }));
  });

  it('names the constructor and the field path whichever codec a program calls first', async () => {
    const L = await import('../../src/generated/layer228/index.js');
    const { serialize, deserialize } = await import('../../src/runtime/index.js');
    const { decodeError, encodeError } = await import('../runtime/helpers.js');
    // A bare reader called directly: statsURL's url, truncated after the length byte.
    const bare = decodeError(() => deserialize(L.readBare_statsURL, Uint8Array.of(3, 0x61)));
    expect([bare.fieldPath, bare.constructorName]).toEqual(['url', 'statsURL']);
    // A function's reader: inputPeerChannel's accessHash, two levels down, cut short.
    const call = serialize(L.write_messages_getHistory, { _: 'messages.getHistory', peer: { _: 'inputPeerChannel', channelId: 1n, accessHash: 2n }, offsetId: 0, offsetDate: 0, addOffset: 0, limit: 1, maxId: 0, minId: 0, hash: 0n });
    const deep = decodeError(() => deserialize(L.read_messages_getHistory, call.subarray(0, 20)));
    expect([deep.fieldPath, deep.constructorName, deep.offset]).toEqual(['peer.accessHash', 'inputPeerChannel', 16]);
    // A function's writer and a bare writer called directly, with a wrong value inside.
    const written = encodeError(() => serialize(L.write_messages_getHistory, { _: 'messages.getHistory', peer: { _: 'inputPeerChannel', channelId: 1n, accessHash: 2 }, offsetId: 0, offsetDate: 0, addOffset: 0, limit: 1, maxId: 0, minId: 0, hash: 0n } as never));
    expect([written.code, written.fieldPath, written.constructorName]).toEqual(['BAD_VALUE', 'peer.accessHash', 'inputPeerChannel']);
    const bareWritten = encodeError(() => serialize(L.writeBare_messages_messages, { _: 'messages.messages', messages: [], topics: [], chats: [], users: [{ _: 'userEmpty', id: 1 }] } as never));
    expect([bareWritten.fieldPath, bareWritten.constructorName]).toEqual(['users[0].id', 'userEmpty']);
    expect(encodeError(() => serialize(L.write_messages_getHistory, undefined as never)).code).toBe('MISSING_FIELD');
  });

  it('bundles only what one method reaches', async () => {
    const { code } = await bundleProgram([
      "import { serialize, deserialize } from './src/index.js';",
      "import { write_messages_getStatsURL, read_StatsURL } from './src/generated/layer133/index.js';",
      "const bytes = serialize(write_messages_getStatsURL, { _: 'messages.getStatsURL', dark: true, peer: { _: 'inputPeerSelf' }, params: 'abc' });",
      'console.log(deserialize(read_StatsURL, bytes));',
    ]);
    // The InputPeer constructors are reached; unrelated ones, the id table and the model are not.
    expect(code).toContain('inputPeerChannelFromMessage');
    expect(code).not.toContain('inputMediaUploadedPhoto');
    expect(code).not.toContain('messages.getHistory');
    expect(code).not.toContain('JSON.parse');
    expect(code.length).toBeLessThan(16 * 1024);
  });
});
