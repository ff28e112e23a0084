import { closeSync, openSync, writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SuiteGenerator, PROFILES_PER_ROUND } from '../../conformance/suite.js';
import type { Command } from '../command.js';
import { fileError, parseWholeNumber } from '../input.js';
import { UsageError } from '../io.js';
import { layerHint, loadLayer, parseLayerOption } from '../layers.js';

export const vectors: Command = {
  name: 'vectors',
  summary: 'generate a conformance suite (JSONL cases) for every constructor and function',
  help: `Usage: tlwire vectors [--layer N] [--seed S] [--per K] [--only NAME,...] [--out FILE]

Writes conformance cases as JSONL (docs/conformance.md): for each constructor
and function of the layer, K positive cases {"schema","name","id","value","hex"}
(seeded random valid values: string and bytes lengths 0-5, 253, 254, 255 and
1000, int and long extremes, all flags set, none, random mixes, nested
objects, empty and non-empty vectors), then negative cases
{"schema","type","hex","error","why"} (truncation at every field boundary,
lengths and counts beyond the input, unknown and wrong-type ids, trailing
bytes). tlwire checks every case against itself while writing it. The same
seed always gives the same file.

Options:
  --layer N      133 or 228 (default: 228, the newest)
  --seed S       any text (default: 1)
  --per K        positive cases per combinator (default: ${PROFILES_PER_ROUND}, the smallest
                 number that walks every edge value above)
  --only NAMES   comma-separated constructor and function names
  --out FILE     write to FILE instead of stdout

Example:
  $ tlwire vectors --layer 133 --only statsURL,messages.getStatsURL --out suite.jsonl
  wrote 48 cases (24 positive, 24 negative) for 2 combinators of layer 133 to suite.jsonl`,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { layer: { type: 'string' }, seed: { type: 'string' }, per: { type: 'string' }, only: { type: 'string' }, out: { type: 'string' } },
    });
    if (positionals.length) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])} (tlwire vectors --help)`);
    const layerNumber = parseLayerOption(values.layer);
    const layer = await loadLayer(layerNumber);
    const generator = new SuiteGenerator(layer, { seed: values.seed ?? '1', per: parseWholeNumber(values.per, '--per', 'a number from 1 to 1000', { min: 1, max: 1000 }) ?? PROFILES_PER_ROUND });
    let combinators = generator.combinators();
    if (values.only !== undefined) {
      const names = values.only.split(',').map((n) => n.trim()).filter((n) => n !== '');
      if (names.length === 0) throw new UsageError('--only takes constructor or function names, e.g. --only statsURL,messages.getStatsURL');
      const known = new Set(combinators.map((c) => c.name));
      const missing = names.find((n) => !known.has(n));
      if (missing !== undefined) throw new UsageError(`layer ${layerNumber} has no constructor or function ${missing}${await layerHint(missing, layerNumber)}`);
      const wanted = new Set(names);
      combinators = combinators.filter((c) => wanted.has(c.name));
    }
    const fd = values.out === undefined ? undefined : openOut(values.out);
    const write = (text: string): void => {
      if (fd === undefined) io.out(text);
      else writeSync(fd, text);
    };
    let positive = 0;
    let negative = 0;
    try {
      for (const c of combinators) {
        const cases = [...generator.positive(c), ...generator.negative(c)];
        positive += cases.filter((k) => 'value' in k).length;
        negative += cases.filter((k) => !('value' in k)).length;
        write(cases.map((k) => `${JSON.stringify(k)}\n`).join(''));
      }
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
    if (values.out !== undefined) io.out(`wrote ${positive + negative} cases (${positive} positive, ${negative} negative) for ${combinators.length} combinator${combinators.length === 1 ? '' : 's'} of layer ${layerNumber} to ${values.out}\n`);
    return 0;
  },
};

function openOut(path: string): number {
  try {
    return openSync(path, 'w');
  } catch (e) {
    throw fileError('write', path, e);
  }
}
