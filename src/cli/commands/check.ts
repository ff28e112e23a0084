import { parseArgs } from 'node:util';
import { formatPos } from '../../tl/errors.js';
import { lintSchemas } from '../../tl/lint.js';
import { formatId } from '../../common/bytes.js';
import type { Command } from '../command.js';
import { readInputFile } from '../input.js';
import { UsageError } from '../io.js';

/** `a, b, c and 12 more`: a long list cut to a line. */
function sample(names: string[], shown = 4): string {
  const head = names.slice(0, shown).join(', ');
  return names.length > shown ? `${head} and ${names.length - shown} more` : head;
}

export const check: Command = {
  name: 'check',
  summary: 'check schema files: ids, duplicates, undefined types, flags fields',
  help: `Usage: tlwire check [--one-schema] FILE...

Parses TL schema files and reports every problem as file:line:column:
  - parse errors (each malformed statement, not just the first)
  - an #id that is not the CRC32 of its line (the known historical
    exceptions are allowed and listed)
  - a name or an id defined twice (the same line in two files, like boolTrue
    in an API and an MTProto file, is one definition; tdlib's
    invokeWith*Prefix pseudo-functions share ids on purpose)
  - a type used but never defined
  - a conditional field whose flags field is missing or declared after it
Exit 1 on any error.

Files that redefine each other's names (two layers, or two flavours of one)
are not one schema: each file joins the first set, in the order given, that
it does not contradict, and each set is checked on its own. The output says
which files were kept apart and why.

Options:
  --one-schema   the files are one schema: a name or id that two of them
                 define differently is an error

Example:
  $ tlwire check schema/api-layer-133.tl schema/mtproto-tdesktop-layer-133.tl schema/mtproto-service-official.tl
  3 file(s), 1394 combinators, 1 schema set(s): 1375 ids verified, 16 lines without an id, 3 known exception(s) allowed, 0 shared id(s) allowed, 0 error(s)
  ...`,
  async run(argv, io) {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { 'one-schema': { type: 'boolean' } } });
    if (positionals.length === 0) throw new UsageError('no schema files given: tlwire check FILE...');
    const inputs = positionals.map((file) => ({ file, text: readInputFile(file) }));
    const report = lintSchemas(inputs, { oneSchema: values['one-schema'] });
    const { errors } = report;
    io.out(
      `${inputs.length} file(s), ${report.combinators} combinators, ${report.sets.length} schema set(s): ${report.idsVerified} ids verified, ${report.withoutId} lines without an id, ` +
        `${report.allowed.length} known exception(s) allowed, ${report.allowedDuplicateIds.length} shared id(s) allowed, ${errors.length} error(s)\n`,
    );
    if (report.sets.length > 1) report.sets.forEach((files, i) => io.out(`set ${i + 1}: ${files.join(' ')}\n`));
    for (const r of report.redefinitions) io.out(`apart: ${r.file} redefines ${r.names.length} name(s) or id(s) of ${r.other}'s set: ${sample(r.names)}\n`);
    for (const a of report.allowed) {
      const { pos, name, id } = a.combinator;
      io.out(`allowed ${formatPos(pos)}: ${name}#${formatId(id!)} (the line gives #${formatId(a.computed)}): ${a.why}\n`);
    }
    for (const a of report.allowedDuplicateIds) {
      const { pos, name, id } = a.combinator;
      io.out(`allowed ${formatPos(pos)}: ${name} shares #${formatId(id!)} with ${a.other.name} (${a.other.pos.file}:${a.other.pos.line}): ${a.why}\n`);
    }
    for (const e of errors) io.out(`error ${e.message}\n`);
    return errors.length ? 1 : 0;
  },
};
