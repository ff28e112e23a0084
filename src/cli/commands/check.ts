import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { verifyIds } from '../../tl/check.js';
import { SchemaError } from '../../tl/errors.js';
import { parseSchema } from '../../tl/parser.js';
import { formatId } from '../../tl/printer.js';
import type { SchemaFile } from '../../tl/ast.js';
import type { Command } from '../command.js';
import { UsageError } from '../io.js';

export const check: Command = {
  name: 'check',
  summary: 'parse schema files and verify every constructor id',
  help: `Usage: tlwire check FILE...

Parses TL schema files and checks every declared #id against the CRC32 of
its normalized line. Prints how many ids it verified, every known historical
exception it allowed, and every problem as file:line:column. Exit 1 on any
error.

Example:
  $ tlwire check schema/api-layer-133.tl schema/mtproto-tdesktop-layer-133.tl`,
  async run(argv, io) {
    const { positionals } = parseArgs({ args: argv, allowPositionals: true, options: {} });
    if (positionals.length === 0) throw new UsageError('no schema files given: tlwire check FILE...');
    const files: SchemaFile[] = [];
    const errors: SchemaError[] = [];
    for (const path of positionals) {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (e) {
        throw new UsageError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      try {
        files.push(parseSchema(text, path));
      } catch (e) {
        if (!(e instanceof SchemaError)) throw e;
        errors.push(e);
      }
    }
    const report = verifyIds(files);
    errors.push(...report.errors);
    const lines = files.reduce((n, f) => n + f.combinators.length, 0);
    io.out(`${files.length} of ${positionals.length} file(s) parsed, ${lines} combinators: ${report.verified} ids verified, ${report.withoutId} lines without an id, ${report.allowed.length} known exception(s) allowed, ${errors.length} error(s)\n`);
    for (const a of report.allowed) {
      const { pos, name, id } = a.combinator;
      io.out(`allowed ${pos.file}:${pos.line}:${pos.column}: ${name}#${formatId(id!)} (the line gives #${formatId(a.computed)}): ${a.why}\n`);
    }
    for (const e of errors) io.out(`error ${e.message}\n`);
    return errors.length ? 1 : 0;
  },
};
