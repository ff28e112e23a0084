import { parseArgs } from 'node:util';
import { CaseFormatError, layerOfSchema, parseCase } from '../../conformance/cases.js';
import { formatReport } from '../../conformance/report.js';
import { runConformance, type SourcedCase } from '../../conformance/run.js';
import type { Command } from '../command.js';
import { parseWholeNumber, readInputFile } from '../input.js';
import { UsageError } from '../io.js';
import { loadLayer } from '../layers.js';

function readCases(path: string): SourcedCase[] {
  const text = readInputFile(path);
  const cases: SourcedCase[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const source = `${path}:${i + 1}`;
    try {
      cases.push({ case: parseCase(line, source), source });
    } catch (e) {
      if (e instanceof CaseFormatError) throw new UsageError(e.message);
      throw e;
    }
  });
  return cases;
}

export const conformance: Command = {
  name: 'conformance',
  summary: 'run JSONL cases through another TL implementation and report where it differs',
  help: `Usage: tlwire conformance --cmd 'COMMAND ...' [--timeout S] [--show N] [--all] FILE.jsonl...

Runs the cases of FILE.jsonl (from tlwire vectors, or test/vectors/) through
another implementation that speaks the line protocol of
\`tlwire encode|decode --jsonl\` (docs/conformance.md). The runner appends
\`encode --layer N --jsonl\` or \`decode --layer N --jsonl\` to COMMAND (run by
the shell), writes one request per line to its stdin and reads one answer per
line from its stdout: {"hex":"..."}, {"value":...}, {"error":"..."}, or
{"crash":"..."} from an adapter that contained its library's crash. One
process per layer and direction.

Checks: encode(value) == hex, decode(hex) == value, and every negative case
refused with {"error":...}. Reports passed and failed checks per constructor
(negative cases under the type they are decoded as), and for each failure the
first differing byte, its field path and tlwire's explain rows around it;
and the failures grouped into classes (what was wrong with the accepted
bytes, or the shape of the difference).
Exit 0 when every check passed, 1 otherwise.

Options:
  --cmd COMMAND  the implementation to test (e.g. 'npx tlwire', 'python3 codec.py')
  --timeout S    seconds per peer run before it is killed (default: 120)
  --show N       failures printed in full (default: 20)
  --all          list every constructor, not only those with failures
  --interleave   decode each constructor's cases together, a valid case again
                 after each negative one: catches state kept between calls

Example:
  $ tlwire vectors --layer 133 --out suite.jsonl
  $ tlwire conformance --cmd 'npx tlwire' suite.jsonl`,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { cmd: { type: 'string' }, timeout: { type: 'string' }, show: { type: 'string' }, all: { type: 'boolean' }, interleave: { type: 'boolean' } },
    });
    if (values.cmd === undefined || values.cmd.trim() === '') throw new UsageError("no implementation given: --cmd 'COMMAND ...' (tlwire conformance --help)");
    if (positionals.length === 0) throw new UsageError('no case files given: tlwire conformance --cmd COMMAND FILE.jsonl...');
    const show = parseWholeNumber(values.show, '--show', 'a positive whole number', { min: 1 }) ?? 20;
    const timeoutMs = (parseWholeNumber(values.timeout, '--timeout', 'a positive whole number', { min: 1 }) ?? 120) * 1000;
    const cases = positionals.flatMap(readCases);
    if (cases.length === 0) throw new UsageError(`no cases in ${positionals.join(', ')}`);
    // Every layer the cases name must be shipped, before any peer starts.
    for (const layer of new Set(cases.map((c) => layerOfSchema(c.case.schema)!))) await loadLayer(layer);
    const report = await runConformance(cases, {
      command: values.cmd.trim(),
      timeoutMs,
      loadLayer,
      maxDiagnosed: show,
      color: io.color,
      interleave: values.interleave,
    });
    io.out(formatReport(report, { all: values.all, maxShown: show }));
    return report.failed === 0 && report.problems.length === 0 ? 0 : 1;
  },
};
