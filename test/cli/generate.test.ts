import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/cli/commands/generate.js';
import { fnv1a, mulberry32, RandomValues } from '../../src/conformance/random-value.js';
import { explain } from '../../src/explain/explain.js';
import { TlLayer, type LayerRegistry } from '../../src/layer.js';
import type { LayerModel } from '../../src/tl/model.js';
import { LAYERS, ROOT } from '../helpers.js';
import { runCommand } from './run-command.js';

const work = mkdtempSync(join(tmpdir(), 'tlwire-generate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('tlwire generate: layer 214, which tlwire does not ship', () => {
  const out = join(work, 'layer214');
  // The generated code imports the runtime from this repository's sources, as a user's would from tlwire.
  const runtimeImport = relative(out, join(ROOT, 'src', 'runtime', 'codec-support.js'));
  const modelImport = relative(out, join(ROOT, 'src', 'tl', 'model.js'));
  let layer: TlLayer;

  beforeAll(async () => {
    const schema = ['api-layer-214.tl', 'mtproto-tdesktop-layer-214.tl'].map((f) => join(ROOT, 'schema', f));
    const run = await runCommand(generate, ['--schema', ...schema, '--out', out, '--runtime-import', runtimeImport, '--model-import', modelImport]);
    expect(run).toEqual({ code: 0, out: `wrote 5 files to ${out}: layer 214, 1523 constructors, 737 functions\n`, err: '' });
    const generated = (await import(pathToFileURL(join(out, 'index.ts')).href)) as { registry: LayerRegistry; model: LayerModel };
    layer = new TlLayer(generated.registry, generated.model);
  }, 300_000);

  it('type-checks under the strict settings of this repository', () => {
    writeFileSync(join(out, 'package.json'), '{"type":"module"}\n');
    const compilerOptions = { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022', 'DOM'], strict: true, noEmit: true, skipLibCheck: true, verbatimModuleSyntax: true, isolatedModules: true, types: [] };
    writeFileSync(join(out, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['*.ts'] }));
    const tsc = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', join(out, 'tsconfig.json')], { encoding: 'utf8' });
    // tsc prints its messages on stdout; none, and exit code 0, is a clean type check.
    expect({ status: tsc.status, stdout: tsc.stdout, stderr: tsc.stderr }).toEqual({ status: 0, stdout: '', stderr: '' });
  }, 300_000);

  it('encodes and decodes every combinator of the layer', () => {
    let rand = mulberry32(0);
    const random = new RandomValues(layer.model, () => rand(), { measure: (body) => layer.encode(body).length });
    const boxed = layer.model.combinators.filter((c) => c.id !== undefined);
    for (const c of boxed) {
      rand = mulberry32(fnv1a(`214|${c.name}`));
      const value = random.combinator(c);
      const bytes = layer.encode(value);
      expect(layer.decode(bytes, { as: c.name }), c.name).toEqual(value);
    }
    // Every combinator but the id-less MTProto envelope `message`.
    expect(boxed.length).toBe(2259);
  });

  it('writes the same bytes as layer 228 for every line the two layers share', () => {
    const shipped = LAYERS[228];
    const lines228 = new Set(shipped.model.combinators.map((c) => c.line));
    // Shared lines whose fields only reach shared lines, so that a value means the same in both.
    const shared = layer.model.combinators.filter((c) => c.id !== undefined && lines228.has(c.line) && c.fields.every((f) => ['int', 'long', 'double', 'string', 'bytes', 'bool', 'true', 'flags', 'int128', 'int256'].includes(f.type.k)));
    let rand = mulberry32(0);
    const random = new RandomValues(layer.model, () => rand());
    for (const c of shared) {
      rand = mulberry32(fnv1a(`214=228|${c.name}`));
      const value = random.combinator(c);
      expect(layer.encode(value), c.name).toEqual(shipped.encode(value));
    }
    expect(shared.length).toBeGreaterThan(400);
  });

  it('can be explained byte by byte', () => {
    const bytes = layer.encode({ _: 'inputPeerChannel', channelId: 7n, accessHash: -1n });
    const result = explain(layer, bytes);
    expect(result.error).toBeUndefined();
    expect(result.rows.map((r) => [r.path, r.value])).toEqual([
      ['', 'inputPeerChannel#27bcbbfc'],
      ['channelId', '7'],
      ['accessHash', '-1'],
    ]);
  });
});

describe('tlwire generate: options and mistakes', () => {
  const tiny = join(work, 'tiny.tl');
  writeFileSync(tiny, ['statsURL#47a971e0 url:string = StatsURL;', '---functions---', 'messages.getStatsURL#812c2ae6 flags:# dark:flags.0?true peer:InputPeer params:string = StatsURL;', ''].join('\n'));
  const peers = join(work, 'peers.tl');
  writeFileSync(peers, ['inputPeerSelf#7da07ec9 = InputPeer;', '// LAYER 133', ''].join('\n'));

  it('imports tlwire by package name, adds the service lines and reads the layer from "// LAYER N"', async () => {
    const out = join(work, 'tiny');
    const run = await runCommand(generate, ['--schema', tiny, peers, '--out', out]);
    expect(run).toEqual({ code: 0, out: `wrote 5 files to ${out}: layer 133, 7 constructors, 1 functions\n`, err: '' });
    const codec = readFileSync(join(out, 'codec.ts'), 'utf8');
    expect(codec).toContain("} from 'tlwire/codec-support';");
    expect(codec).toContain('export function readBare_rpc_result(');
    expect(readFileSync(join(out, 'model.ts'), 'utf8')).toContain("import type { LayerModel } from 'tlwire/tl';");
  });

  it('leaves the service lines out with --no-service', async () => {
    const out = join(work, 'bare');
    const run = await runCommand(generate, ['--schema', tiny, '--schema', peers, '--out', out, '--no-service', '--layer', '7']);
    expect(run.out).toBe(`wrote 5 files to ${out}: layer 7, 2 constructors, 1 functions\n`);
    expect(readFileSync(join(out, 'codec.ts'), 'utf8')).not.toContain('rpc_result');
  });

  it('answers every mistake with one line', async () => {
    const cases: [string[], string][] = [
      [[], 'tlwire generate: no schema files given: tlwire generate --schema FILE... --out DIR\n'],
      [['--schema', tiny], 'tlwire generate: no output folder given: add --out DIR\n'],
      [['--schema', tiny, '--out', work], 'tlwire generate: no "// LAYER N" line in the schema files: give --layer N\n'],
      [['--schema', join(work, 'missing.tl'), '--out', work], `tlwire generate: cannot read ${join(work, 'missing.tl')}: no such file\n`],
      [['--schema', tiny, '--out', work, '--layer', 'x'], 'tlwire generate: --layer takes a layer number, got "x"\n'],
      [['--schema', tiny, '--out', work, '--service', tiny, '--no-service'], 'tlwire generate: --service and --no-service exclude each other\n'],
    ];
    for (const [argv, err] of cases) expect(await runCommand(generate, argv), argv.join(' ')).toEqual({ code: 1, out: '', err });
    const unknown = await runCommand(generate, ['--frobnicate']);
    expect(unknown.err).toBe('tlwire generate: unknown option --frobnicate (tlwire generate --help)\n');
  });

  it('points at the schema problem', async () => {
    const broken = join(work, 'broken.tl');
    writeFileSync(broken, 'user#12345678 photo:Photo = User;\n');
    const run = await runCommand(generate, ['--schema', broken, '--out', work, '--layer', '1', '--no-service']);
    expect(run).toEqual({ code: 1, out: '', err: `tlwire generate: ${broken}:1:15: type Photo used by field photo of user is not defined\n` });
  });

  it('says to leave the service file out when the schema has its own service lines', async () => {
    const own = join(work, 'own-service.tl');
    writeFileSync(own, 'gzip_packed#3072cfa1 packed_data:bytes = Object;\n');
    const run = await runCommand(generate, ['--schema', own, '--out', work, '--layer', '1']);
    expect(run.err).toMatch(/^tlwire generate: .*mtproto-service-official\.tl:10:1: gzip_packed is already defined at .*own-service\.tl:1:1 with another line; if your files define the MTProto service lines, add --no-service\n$/);
  });

  it("leaves out tdlib's prefix pseudo-functions, which share the ids of real wrappers", async () => {
    const tdlib = join(work, 'prefix.tl');
    writeFileSync(tdlib, ['---functions---', 'invokeWithApnsSecretPrefix#0dae54f8 nonce:string secret:string = Error;', 'invokeWithApnsSecret#0dae54f8 {X:Type} nonce:string secret:string query:!X = X;', ''].join('\n'));
    const out = join(work, 'prefix');
    const run = await runCommand(generate, ['--schema', tdlib, '--out', out, '--layer', '1', '--no-service']);
    expect(run.out).toBe(`left out invokeWithApnsSecretPrefix (${tdlib}:2): it shares #0dae54f8 with invokeWithApnsSecret\nwrote 5 files to ${out}: layer 1, 0 constructors, 1 functions\n`);
  });
});
