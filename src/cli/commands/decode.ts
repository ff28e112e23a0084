import { parseArgs } from 'node:util';
import { fromHex } from '../../json/canonical.js';
import type { Command } from '../command.js';
import { argOrStdin, UsageError } from '../io.js';
import { runJsonl } from '../jsonl.js';
import { layerHint, loadLayer, parseLayerOption } from '../layers.js';
import type { TlLayer } from '../../layer.js';

function parseHex(text: string): Uint8Array {
  try {
    return fromHex(text);
  } catch {
    throw new UsageError(`input is not hex: expected pairs of hex digits, got ${JSON.stringify(text.slice(0, 40))}`);
  }
}

async function checkTarget(layer: TlLayer, as: string | undefined): Promise<void> {
  if (as === undefined) return;
  try {
    layer.reader(as);
  } catch {
    throw new UsageError(`layer ${layer.layer} has no type ${as}${await layerHint(as, layer.layer)}`);
  }
}

export const decode: Command = {
  name: 'decode',
  summary: 'hex -> canonical JSON (whole input consumed)',
  help: `Usage: tlwire decode [--layer N] [--type T] [--strict|--lenient] [--jsonl] [HEX]

Decodes boxed TL bytes and prints the value as canonical JSON. Reads stdin
when HEX is not given. Every byte must be consumed.

Options:
  --layer N   133 or 228 (default: 228, the newest)
  --type T    decode as the boxed type T (StatsURL), a constructor or function
              name (messages.getStatsURL) or a vector type (Vector<long>);
              default: any constructor or function of the layer
  --lenient   accept non-zero padding, 0xfe length prefixes under 254,
              invalid UTF-8 and unknown flag bits (default: strict)
  --jsonl     one item per stdin line: HEX, or {"hex":"...","type":"..."};
              answers {"value":...} or {"error":"..."} per line

Example:
  $ tlwire decode --layer 133 e62a2c8101000000c97ea07d03616263
  {"_":"messages.getStatsURL","dark":true,"peer":{"_":"inputPeerSelf"},"params":"abc"}`,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { layer: { type: 'string' }, type: { type: 'string' }, jsonl: { type: 'boolean' }, lenient: { type: 'boolean' }, strict: { type: 'boolean' } },
    });
    const layer = await loadLayer(parseLayerOption(values.layer));
    await checkTarget(layer, values.type);
    const strict = !values.lenient;
    if (values.jsonl) {
      if (positionals.length) throw new UsageError('--jsonl reads stdin; give no HEX argument');
      return runJsonl(io, async (line) => {
        const item = line.startsWith('{') ? (JSON.parse(line) as { hex?: unknown; type?: unknown }) : { hex: line };
        if (typeof item.hex !== 'string') throw new UsageError('expected {"hex":"..."}');
        const as = typeof item.type === 'string' ? item.type : values.type;
        await checkTarget(layer, as);
        return { value: layer.decodeJson(parseHex(item.hex), { as, strict }) };
      });
    }
    const bytes = parseHex(await argOrStdin(io, positionals, 'HEX'));
    io.out(`${JSON.stringify(layer.decodeJson(bytes, { as: values.type, strict }))}\n`);
    return 0;
  },
};
