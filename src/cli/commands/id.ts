import { parseArgs } from 'node:util';
import { knownIdException } from '../../tl/check.js';
import { computeId, normalizeForId } from '../../tl/id.js';
import { parseCombinator } from '../../tl/parser.js';
import { formatId } from '../../common/bytes.js';
import type { Command } from '../command.js';
import { argOrStdin } from '../io.js';

export const id: Command = {
  name: 'id',
  summary: 'the id of one schema line, and the text it is the CRC32 of',
  help: `Usage: tlwire id [LINE]

Computes the constructor id of one TL schema line: the CRC32 of the line
normalized by the TL rules (no #id, no flags.N?true fields, bytes written
string, Vector<T> written Vector T). Prints the id, the normalized text and,
when the line declares an #id, whether it matches. Reads stdin when LINE is
not given. Exit 1 when the declared id differs (and is not one of the known
historical exceptions).

Example:
  $ tlwire id 'messages.getStatsURL#812c2ae6 flags:# dark:flags.0?true peer:InputPeer params:string = StatsURL'
  #812c2ae6 = crc32("messages.getStatsURL flags:# peer:InputPeer params:string = StatsURL")
  declared #812c2ae6: matches`,
  async run(argv, io) {
    const { positionals } = parseArgs({ args: argv, allowPositionals: true, options: {} });
    const c = parseCombinator(await argOrStdin(io, positionals, 'LINE'), '<line>');
    const computed = computeId(c);
    io.out(`#${formatId(computed)} = crc32(${JSON.stringify(normalizeForId(c))})\n`);
    if (c.id === undefined) {
      io.out('no #id declared\n');
      return 0;
    }
    if (c.id === computed) {
      io.out(`declared #${formatId(c.id)}: matches\n`);
      return 0;
    }
    const exception = knownIdException(c);
    if (exception) {
      io.out(`declared #${formatId(c.id)}: differs, a known exception: ${exception.why}\n`);
      return 0;
    }
    io.out(`declared #${formatId(c.id)}: does not match the line\n`);
    return 1;
  },
};
