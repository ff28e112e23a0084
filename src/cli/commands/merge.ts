import { parseArgs } from 'node:util';
import { formatMergeReport, mergeSchemas } from '../../tl/merge.js';
import type { Command } from '../command.js';
import { readInputFile, writeOutputFile } from '../input.js';
import { UsageError } from '../io.js';

export const merge: Command = {
  name: 'merge',
  summary: 'merge schema files of one API (tdesktop and TDLib) into one, reporting every conflict',
  help: `Usage: tlwire merge A.tl B.tl... --out MERGED.tl

Merges schema files by name and id and writes one schema: a line found in
several files is kept once, a line found in some files only is kept, and
where files disagree (one name with different lines, such as another id or
the same id with another ?true field; or one id under two names) one line
is kept by this rule: the file whose "// LAYER N" line states the newer
layer wins; among files of one layer, or without a LAYER line (they rank
below files with one), the file given first wins. The output ends with the
newest input's "// LAYER N" line, so tlwire check and tlwire generate take
it as it is.

Prints what came from where (lines in every file, lines only some files
have) and every conflict with the line kept and the lines dropped.

Options:
  --out FILE   where to write the merged schema (required)

Example:
  $ tlwire merge schema/api-layer-228-tdesktop-via-gotd.tl schema/api-layer-228-tdlib.tl --out merged.tl
  wrote merged.tl: 2 files, layer 228
  2469 lines: 2447 in every file, 22 from some files only, 0 conflict(s)
  only in schema/api-layer-228-tdesktop-via-gotd.tl: null#56730bcc = Null;
  ...`,
  async run(argv, io) {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' } } });
    if (positionals.length < 2) throw new UsageError(`expected two or more schema files, got ${positionals.length}: tlwire merge A.tl B.tl --out MERGED.tl`);
    if (values.out === undefined) throw new UsageError('no output file given: add --out MERGED.tl');
    const result = mergeSchemas(positionals.map((file) => ({ file, text: readInputFile(file) })));
    writeOutputFile(values.out, result.text);
    io.out(`wrote ${values.out}: ${positionals.length} files, ${result.layer === undefined ? 'no LAYER line (give tlwire generate --layer N)' : `layer ${result.layer}`}\n`);
    for (const line of formatMergeReport(result)) io.out(`${line}\n`);
    return 0;
  },
};
