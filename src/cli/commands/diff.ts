import { parseArgs } from 'node:util';
import type { SchemaFile } from '../../tl/ast.js';
import { diffSchemas } from '../../tl/diff.js';
import { parseSchema } from '../../tl/parser.js';
import type { Command } from '../command.js';
import { readInputFile } from '../input.js';
import { UsageError } from '../io.js';

/** `a.tl,b.tl`: the files of one side. */
function loadSide(spec: string): SchemaFile[] {
  const paths = spec.split(',').filter((p) => p !== '');
  if (paths.length === 0) throw new UsageError(`no schema file in ${JSON.stringify(spec)}`);
  return paths.map((path) => parseSchema(readInputFile(path), path));
}

export const diff: Command = {
  name: 'diff',
  summary: 'what changed between two schemas, one fact per line',
  help: `Usage: tlwire diff OLD.tl NEW.tl

Compares two schemas by name and prints one fact per line:
  removed constructor|function NAME#id: its fields = its type
  renamed constructor|function OLD -> NEW#id (same id, new name)
  changed constructor|function NAME: id OLD -> NEW; added field ...;
          removed field ...; field x: A -> B; field order ...; returns A -> B
  added constructor|function NAME#id: its fields = its type
  removed type T (no constructor builds it any more) / added type T
then a count of each. Builtin lines (int ? = Int; vector ...) are left out.
A side may be several files joined by commas (api.tl,mtproto.tl); a name
defined twice with different lines on one side is an error.

Example:
  $ tlwire diff schema/api-layer-133.tl schema/api-layer-228-tdesktop-via-gotd.tl | grep getStatsURL
  removed function messages.getStatsURL#812c2ae6: flags:# dark:flags.0?true peer:InputPeer params:string = StatsURL`,
  async run(argv, io) {
    const { positionals } = parseArgs({ args: argv, allowPositionals: true, options: {} });
    if (positionals.length !== 2) throw new UsageError(`expected two schemas, OLD and NEW, got ${positionals.length}: tlwire diff OLD.tl NEW.tl`);
    const result = diffSchemas(loadSide(positionals[0]), loadSide(positionals[1]));
    for (const fact of result.facts) io.out(`${fact.text}\n`);
    const { removed, renamed, changed, added } = result.counts;
    io.out(`${removed} removed, ${renamed} renamed, ${changed} changed, ${added} added\n`);
    return 0;
  },
};
