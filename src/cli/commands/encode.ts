import { parseArgs } from 'node:util';
import { toHex } from '../../common/bytes.js';
import { TlEncodeError } from '../../runtime/errors.js';
import type { Command } from '../command.js';
import { argOrStdin, UsageError } from '../io.js';
import { runJsonl } from '../jsonl.js';
import { layerHint, loadLayers } from '../layers.js';

export const encode: Command = {
  name: 'encode',
  summary: 'canonical JSON -> the boxed TL serialization, as hex',
  help: `Usage: tlwire encode [--layer N] [--jsonl] [JSON]

Prints the boxed serialization of a constructor or function value, given in
canonical JSON (docs/conformance.md), as lowercase hex. Reads stdin when JSON
is not given.

Options:
  --layer N   133 or 228 (default: 228, the newest); several, such as
              133,228: the layer "_layer": N names, else the first that
              takes the value, in that order
  --jsonl     one JSON value per stdin line; answers {"hex":"..."} or
              {"error":"..."} per line; exit 1 if any line failed

Example:
  $ tlwire encode --layer 133 '{"_":"messages.getStatsURL","dark":true,"peer":{"_":"inputPeerSelf"},"params":"abc"}'
  e62a2c8101000000c97ea07d03616263`,
  async run(argv, io) {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { layer: { type: 'string' }, jsonl: { type: 'boolean' } } });
    const { numbers, codec } = await loadLayers(values.layer);
    const encodeText = async (text: string): Promise<string> => {
      const json: unknown = JSON.parse(text);
      try {
        return toHex(codec.encodeJson(json));
      } catch (e) {
        // A top-level name this layer lacks may be in another shipped layer.
        const name = (json as { _?: unknown } | null)?._;
        if (e instanceof TlEncodeError && e.code === 'UNKNOWN_CONSTRUCTOR' && e.path.length === 0 && typeof name === 'string' && numbers.length === 1) {
          const hint = await layerHint(name, numbers[0]);
          if (hint) throw new UsageError(`${name} is not in layer ${numbers[0]}${hint}`);
        }
        throw e;
      }
    };
    if (values.jsonl) {
      if (positionals.length) throw new UsageError('--jsonl reads stdin; give no JSON argument');
      return runJsonl(io, async (line) => ({ hex: await encodeText(line) }));
    }
    io.out(`${await encodeText(await argOrStdin(io, positionals, 'JSON'))}\n`);
    return 0;
  },
};
