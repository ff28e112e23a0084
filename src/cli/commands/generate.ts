import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatId } from '../../common/bytes.js';
import { generateFromModel } from '../../codegen/generate.js';
import { SERVICE_FILE } from '../../codegen/layers.js';
import type { SchemaText } from '../../tl/ast.js';
import { layerLines } from '../../tl/merge.js';
import { SchemaError } from '../../tl/errors.js';
import { assembleLayer, buildLayerModel, type LayerModel } from '../../tl/model.js';
import type { Command } from '../command.js';
import { parseWholeNumber, readInputFile, writeOutputFile } from '../input.js';
import { UsageError } from '../io.js';

/** tlwire's own copy of the MTProto service lines tdesktop's schema leaves out. */
const BUNDLED_SERVICE = fileURLToPath(new URL(`../../../schema/${SERVICE_FILE}`, import.meta.url));

/** The `// LAYER 214` line that tdesktop's api.tl ends with. */
function layerFromText(files: SchemaText[]): number {
  const found = new Map<number, string>();
  for (const { file, text } of files) {
    for (const n of layerLines(text)) found.set(n, file);
  }
  if (found.size === 1) return [...found.keys()][0];
  if (found.size === 0) throw new UsageError(`no "// LAYER N" line in the schema files: give --layer N`);
  throw new UsageError(`the schema files name several layers (${[...found].map(([n, p]) => `${n} in ${p}`).join(', ')}): give --layer N`);
}

export const generate: Command = {
  name: 'generate',
  summary: 'generate a typed codec (TypeScript) from any schema files',
  help: `Usage: tlwire generate --schema FILE... --out DIR [options]

Generates a codec for the layer the schema files make: types.ts (a type
per constructor and function), codec.ts (a writer and a reader for each),
registry.ts (the id and result tables), model.ts and index.ts, into DIR.
The code imports tlwire's runtime, so the program that uses it needs tlwire
installed. Load it as a TlLayer:
  import { TlLayer } from 'tlwire';
  import * as l from './DIR/index.js';
  const layer = new TlLayer(l.registry, l.model);

Options:
  --schema FILE      a schema file (repeat it, or list more files after it)
  --out DIR          where to write (created if missing; the five files are
                     overwritten)
  --layer N          the layer number (default: the "// LAYER N" line)
  --service FILE     the MTProto service lines tdesktop's mtproto.tl parses
                     by hand: rpc_result, message, msg_container, msg_copy,
                     gzip_packed (default: tlwire's own
                     ${SERVICE_FILE})
  --no-service       add no service file (your files define those lines)
  --runtime-import S import path of the runtime (default tlwire/codec-support)
  --model-import S   import path of the model types (default tlwire/tl)

Example:
  $ tlwire generate --schema schema/api-layer-214.tl schema/mtproto-tdesktop-layer-214.tl --out src/layer214
  wrote 6 files to src/layer214: layer 214, 1523 constructors, 737 functions`,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        schema: { type: 'string', multiple: true },
        out: { type: 'string' },
        layer: { type: 'string' },
        service: { type: 'string' },
        'no-service': { type: 'boolean' },
        'runtime-import': { type: 'string' },
        'model-import': { type: 'string' },
      },
    });
    const paths = [...(values.schema ?? []), ...positionals];
    if (paths.length === 0) throw new UsageError('no schema files given: tlwire generate --schema FILE... --out DIR');
    if (values.out === undefined) throw new UsageError('no output folder given: add --out DIR');
    if (values.service !== undefined && values['no-service']) throw new UsageError('--service and --no-service exclude each other');
    const layerOption = parseWholeNumber(values.layer, '--layer', 'a layer number');
    const files = paths.map((file) => ({ file, text: readInputFile(file) }));
    const layer = layerOption ?? layerFromText(files);
    const servicePath = values['no-service'] ? undefined : (values.service ?? BUNDLED_SERVICE);
    const { sources, leftOut } = assembleLayer(files, servicePath === undefined ? undefined : { file: servicePath, text: readInputFile(servicePath) });
    let model: LayerModel;
    let generated: Map<string, string>;
    try {
      model = buildLayerModel(layer, sources);
      generated = generateFromModel(model, { runtimeImport: values['runtime-import'] ?? 'tlwire/codec-support', modelImport: values['model-import'] ?? 'tlwire/tl' });
    } catch (e) {
      // A clash with the added service file is fixed by not adding it.
      if (e instanceof SchemaError && servicePath !== undefined && e.message.includes(servicePath)) throw new UsageError(`${e.message}; if your files define the MTProto service lines, add --no-service`);
      throw e;
    }
    mkdirSync(values.out, { recursive: true });
    for (const [name, text] of generated) writeOutputFile(join(values.out, name), text);
    const functions = model.combinators.filter((c) => c.kind === 'function').length;
    for (const { dropped, kept } of leftOut) io.out(`left out ${dropped.name} (${dropped.pos.file}:${dropped.pos.line}): it shares #${formatId(kept.id!)} with ${kept.name}\n`);
    io.out(`wrote ${generated.size} files to ${values.out}: layer ${layer}, ${model.combinators.length - functions} constructors, ${functions} functions\n`);
    return 0;
  },
};
