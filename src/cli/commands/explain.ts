import { parseArgs } from 'node:util';
import { explain as explainBytes } from '../../explain/explain.js';
import { formatExplain } from '../../explain/format.js';
import type { Command } from '../command.js';
import { argOrStdin, UsageError } from '../io.js';
import { parseHex } from '../input.js';
import { checkMethod, checkType, loadLayer, parseLayerOption } from '../layers.js';

export const explain: Command = {
  name: 'explain',
  summary: 'annotated dump of TL bytes: offset, bytes, field path, type, value',
  help: `Usage: tlwire explain [--layer N] [--type T | --method M] [--lenient] [HEX]

Explains boxed TL bytes one row per piece: offset, the bytes, the field path
(peer.channelId), its TL type and the decoded value. Flags words are shown bit
by bit with the fields each bit enables; string and bytes lengths and padding
have rows of their own. On bytes that do not decode it shows everything up to
the failing offset, the rest of the bytes and the codec's error (exit 1).
Reads stdin when HEX is not given. Colour when stdout is a terminal and
NO_COLOR is not set.

Options:
  --layer N   133 or 228 (default: 228, the newest)
  --type T    read the bytes as the boxed type T, a constructor or function
              name or a vector type (default: any constructor or function)
  --method M  the bytes answer a call of M: an rpc_result whose result is
              read as M's result type (an rpc_error or gzip_packed may stand
              in for it), or that result alone
  --lenient   accept what strict decoding rejects (non-zero padding, unknown
              flag bits...)

Example:
  $ tlwire explain --layer 133 e62a2c8101000000c97ea07d03616263
  offset  bytes     field        type       value
       0  e62a2c81  (value)      Object     messages.getStatsURL#812c2ae6
       4  01000000    flags      #          0x00000001
                        flags.0  bit 0      1  (dark)
       8  c97ea07d    peer       InputPeer  inputPeerSelf#7da07ec9
      12  03          params     length     3  (1-byte prefix)
      13  616263      params     string     "abc"
  16 bytes, all decoded`,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { layer: { type: 'string' }, type: { type: 'string' }, method: { type: 'string' }, lenient: { type: 'boolean' } },
    });
    if (values.type !== undefined && values.method !== undefined) throw new UsageError('--type and --method exclude each other: --method reads an rpc_result');
    const layer = await loadLayer(parseLayerOption(values.layer));
    await checkType(layer, values.type);
    await checkMethod(layer, values.method);
    const bytes = parseHex(await argOrStdin(io, positionals, 'HEX'));
    const result = explainBytes(layer, bytes, { as: values.type, method: values.method, strict: !values.lenient });
    io.out(formatExplain(result, { color: io.color }));
    return result.error ? 1 : 0;
  },
};
