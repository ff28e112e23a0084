import { parseArgs } from 'node:util';
import type { Command } from '../command.js';
import { argOrStdin, UsageError } from '../io.js';
import { runJsonl } from '../jsonl.js';
import { parseHex } from '../input.js';
import { checkMethod, checkType, loadLayers, withIdHint } from '../layers.js';
import { TlLayer } from '../../layer.js';
import { RpcError, ServiceCodec, ServiceError } from '../../mtproto/service/index.js';
import { errorDescription } from '../../reference/describe.js';
import { NO_DESCRIPTION } from '../../reference/facts.js';
import { LAYER_REFERENCES } from '../../reference/layers.js';

/** A `--jsonl` line: HEX, or {"hex":"...","type":"..."}. */
function jsonlItem(line: string): { bytes: Uint8Array; type: string | undefined } {
  const item = line.startsWith('{') ? (JSON.parse(line) as { hex?: unknown; type?: unknown }) : { hex: line };
  if (typeof item.hex !== 'string') throw new UsageError('expected {"hex":"..."}');
  return { bytes: parseHex(item.hex), type: typeof item.type === 'string' ? item.type : undefined };
}

/** Exit code of `--method` when the answer is an rpc_error: the bytes decoded, the call failed. */
const RPC_ERROR_EXIT = 3;

/** `--method` decodes a result: a wrapper that returns its query's result has none of its own. */
async function checkResultMethod(layer: TlLayer, method: string): Promise<void> {
  await checkMethod(layer, method);
  if (layer.resultReader(method) === 'query') throw new UsageError(`${method} returns what its query returns: give the innermost method instead (--method messages.getStatsURL)`);
}

/** An rpc_result answering `method`: its result as canonical JSON, or the rpc_error it carries with what it means. */
function decodeAnswer(codec: ServiceCodec, layer: TlLayer, method: string, bytes: Uint8Array): { value: unknown } | { rpcError: unknown; description: string } {
  try {
    const result = codec.decodeResult(method, bytes);
    return { value: layer.json.toJson(result, layer.json.combinator(method)!.result) };
  } catch (e) {
    if (e instanceof RpcError) {
      const description = errorDescription(LAYER_REFERENCES[codec.layer.layer], method, e.pattern) ?? NO_DESCRIPTION;
      return { rpcError: e.toJSON(), description: `${e.code} ${e.pattern}: ${description}` };
    }
    if (e instanceof ServiceError) throw new UsageError(e.message);
    throw e;
  }
}

export const decode: Command = {
  name: 'decode',
  summary: 'hex -> canonical JSON (whole input consumed)',
  help: `Usage: tlwire decode [--layer N] [--type T | --method M] [--strict|--lenient] [--jsonl] [HEX]

Decodes boxed TL bytes and prints the value as canonical JSON. Reads stdin
when HEX is not given. Every byte must be consumed.

Options:
  --layer N   133 or 228 (default: 228, the newest); several, such as
              133,228, decode with the first that can, in that order (a value
              whose constructors the layers define differently gets
              "_layer": N, the layer that decoded it, which encode reads)
  --type T    decode as the boxed type T (StatsURL), a constructor or function
              name (messages.getStatsURL) or a vector type (Vector<long>);
              default: any constructor or function of the layer
  --method M  the input is an rpc_result answering the function M: print
              its result (gzip_packed is inflated) as canonical JSON of M's
              result type; an rpc_error prints its canonical JSON and, on
              stderr, what it means (the reference data), exit 3
  --strict    refuse non-zero padding, 0xfe length prefixes under 254,
              invalid UTF-8 and unknown flag bits (the default)
  --lenient   accept them, and keep an object of known length (a
              msg_container item, an rpc_result's result) whose constructor
              id the layer does not know as {"_":"unknown","id":"...","bytes":"..."}
  --jsonl     one item per stdin line: HEX, or {"hex":"...","type":"..."};
              answers {"value":...} or {"error":"..."} per line, and with
              --method {"rpcError":{...},"description":"..."} for an rpc_error

Example:
  $ tlwire decode --layer 133 e62a2c8101000000c97ea07d03616263
  {"_":"messages.getStatsURL","dark":true,"peer":{"_":"inputPeerSelf"},"params":"abc"}
  $ tlwire decode --layer 133 --method messages.getStatsURL 016d5cf300802b9c20159561e071a9471668747470733a2f2f742e6d652f73746174732f61626300
  {"_":"statsURL","url":"https://t.me/stats/abc"}`,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { layer: { type: 'string' }, type: { type: 'string' }, method: { type: 'string' }, jsonl: { type: 'boolean' }, lenient: { type: 'boolean' }, strict: { type: 'boolean' } },
    });
    if (values.strict && values.lenient) throw new UsageError('--strict and --lenient exclude each other');
    const { numbers, codec: layers } = await loadLayers(values.layer);
    const strict = !values.lenient;
    const method = values.method;
    if (method !== undefined) {
      if (values.type !== undefined) throw new UsageError('give --type or --method, not both: --method decodes an rpc_result as that function\'s result type');
      if (!(layers instanceof TlLayer)) throw new UsageError(`--method decodes with one layer: give --layer ${numbers[0]}`);
      const layer = layers;
      await checkResultMethod(layer, method);
      const codec = new ServiceCodec(layer, { strict });
      if (values.jsonl) {
        if (positionals.length) throw new UsageError('--jsonl reads stdin; give no HEX argument');
        return runJsonl(io, (line) => decodeAnswer(codec, layer, method, jsonlItem(line).bytes));
      }
      const answer = decodeAnswer(codec, layer, method, parseHex(await argOrStdin(io, positionals, 'HEX')));
      if ('rpcError' in answer) {
        io.out(`${JSON.stringify(answer.rpcError)}\n`);
        io.err(`rpc_error ${answer.description}\n`);
        return RPC_ERROR_EXIT;
      }
      io.out(`${JSON.stringify(answer.value)}\n`);
      return 0;
    }
    // Several layers refuse a type none of them has in the decode error.
    const checkTarget = (as: string | undefined) => (layers instanceof TlLayer ? checkType(layers, as) : undefined);
    await checkTarget(values.type);
    const decodeJson = async (bytes: Uint8Array, as: string | undefined): Promise<unknown> => {
      try {
        return layers.decodeJson(bytes, { as, strict });
      } catch (e) {
        throw await withIdHint(e, numbers);
      }
    };
    if (values.jsonl) {
      if (positionals.length) throw new UsageError('--jsonl reads stdin; give no HEX argument');
      return runJsonl(io, async (line) => {
        const item = jsonlItem(line);
        const as = item.type ?? values.type;
        await checkTarget(as);
        return { value: await decodeJson(item.bytes, as) };
      });
    }
    const bytes = parseHex(await argOrStdin(io, positionals, 'HEX'));
    io.out(`${JSON.stringify(await decodeJson(bytes, values.type))}\n`);
    return 0;
  },
};
