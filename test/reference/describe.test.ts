import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeName, ExampleValues, type Description, type NotFound } from '../../src/reference/describe.js';
import { LAYER_REFERENCES } from '../../src/reference/layers.js';
import { LAYERS, ROOT } from '../helpers.js';

const layers = ([133, 228] as const).map((layer) => ({ tl: LAYERS[layer], reference: LAYER_REFERENCES[layer] }));

describe('describeName', () => {
  it('builds the example value the README uses for messages.getStatsURL, and its bytes', () => {
    const d = describeName('messages.getStatsURL', 133, layers) as Description;
    expect(d.example!.json).toEqual({ _: 'messages.getStatsURL', dark: true, peer: { _: 'inputPeerSelf' }, params: 'abc' });
    expect(d.example!.hex).toBe('e62a2c8101000000c97ea07d03616263');
    expect(d.example!.typescript).toContain("import { write_messages_getStatsURL } from 'tlwire/layer133';");
    expect(d.source).toMatch(/seed page/);
    expect(d.schema).toEqual({
      line: 'messages.getStatsURL#812c2ae6 flags:# dark:flags.0?true peer:InputPeer params:string = StatsURL;',
      idText: 'messages.getStatsURL flags:# peer:InputPeer params:string = StatsURL',
      computedId: '812c2ae6',
      declaredId: '812c2ae6',
    });
  });

  it("shows a constructor through its boxed type's writer, whose bytes are the hex shown", () => {
    const d = describeName('inputPeerSelf', 133, layers) as Description;
    expect(d.example!.hex).toBe('c97ea07d');
    expect(d.example!.typescript).toContain("import { write_InputPeer } from 'tlwire/layer133';");
    expect((describeName('boolTrue', 228, layers) as Description).example!.typescript).toContain('serialize(write_Object, ');
  });

  it('encodes an example of every method and constructor of both layers', () => {
    for (const { tl } of layers) {
      const examples = new ExampleValues(tl.model);
      for (const c of tl.model.combinators) if (c.id !== undefined) expect(() => tl.encode(examples.of(c)), c.name).not.toThrow();
    }
  });

  it('marks an entry taken from layer 134 by name only', () => {
    const d = describeName('chatFull', 133, layers) as Description;
    expect(d.source).toMatch(/^From layer 134's chatFull#[0-9a-f]{8}: the same name with another id/);
  });

  it('tells a near miss from a name of another layer', () => {
    expect(describeName('messages.getstatsurl', 133, layers)).toEqual({ name: 'messages.getstatsurl', layer: 133, suggestions: [{ name: 'messages.getStatsURL', layers: [133] }], inLayers: [] } satisfies NotFound);
    expect((describeName('messages.getStatsURL', 228, layers) as NotFound).inLayers).toEqual([133]);
  });
});

describe('the TypeScript examples', () => {
  it('type-check against tlwire', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tlwire-examples-'));
    try {
      const files = (
        [
          ['messages.getStatsURL', 133],
          ['messages.getHistory', 228],
          ['invokeWithLayer', 228],
          ['user', 228],
          ['boolTrue', 228],
        ] as const
      ).map(([name, layer], i) => {
        const d = describeName(name, layer, layers) as Description;
        // The package's entry points, as this checkout's sources.
        const source = d.example!.typescript.replace("from 'tlwire'", `from '${ROOT}/src/index.js'`).replace(/from 'tlwire\/layer(\d+)'/, `from '${ROOT}/src/generated/layer$1/index.js'`);
        const file = join(dir, `example${i}.ts`);
        writeFileSync(file, `${source}\nexport { bytes };\n`);
        return file;
      });
      const tsc = join(createRequire(import.meta.url).resolve('typescript/package.json'), '..', 'bin', 'tsc');
      const args = ['--ignoreConfig', '--noEmit', '--strict', '--skipLibCheck', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', ...files];
      expect(() => execFileSync(process.execPath, [tsc, ...args], { cwd: ROOT, encoding: 'utf8' })).not.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
