import { parseArgs } from 'node:util';
import { SHIPPED_LAYERS } from '../../codegen/layers.js';
import { botsAnswer, describeName, idDerivation, paramCells, type Description } from '../../reference/describe.js';
import { NO_DESCRIPTION } from '../../reference/facts.js';
import { LAYER_REFERENCES } from '../../reference/layers.js';
import { oneLine } from '../../reference/markdown.js';
import type { Command } from '../command.js';
import { UsageError } from '../io.js';
import { loadLayer, parseLayerOption } from '../layers.js';

/** A Markdown table cell: one line, `|` escaped. */
function cell(text: string): string {
  return oneLine(text).replace(/\|/g, '\\|');
}

function table(head: string[], rows: string[][]): string[] {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

/** The page as Markdown, in the order of the seed page. */
function markdown(d: Description): string {
  const out = [`# ${d.name}`, '', `${d.kind} of layer ${d.layer} · ${d.page}`, '', d.description, ''];
  if (d.source) out.push(`> ${d.source}`, '');
  if (d.example) {
    out.push('## Example', '', '```ts', d.example.typescript, '```', '', '```sh', `$ ${d.example.cli}`, d.example.hex, '```', '');
  }
  if (d.params) {
    out.push('## Parameters', '');
    if (d.params.length === 0) out.push('None.');
    else {
      out.push(...table(['Name', 'Type', 'Description'], d.params.map(paramCells)));
    }
    out.push('');
  }
  if (d.result && d.kind === 'method') {
    const made = d.result.type === 'X' ? ': what its `query` returns' : d.result.constructors.length ? `: ${d.result.constructors.map((c) => `\`${c}\``).join(', ')}` : '';
    out.push('## Result', '', `\`${d.result.type}\`${made}`, '');
  }
  if (d.result && d.kind === 'constructor') out.push('## Type', '', `\`${d.result.type}\`: ${d.result.constructors.map((c) => `\`${c}\``).join(', ')}`, '');
  if (d.constructors) {
    out.push('## Constructors', '', ...table(['Constructor', 'Id', 'Description'], d.constructors.map((c) => [`\`${c.name}\``, `#${c.id}`, c.description])), '');
    if (d.returnedBy?.length) out.push(`Returned by: ${d.returnedBy.map((m) => `\`${m}\``).join(', ')}.`, '');
  }
  if (d.errors) {
    out.push('## Possible errors', '');
    if (d.errors.length === 0) out.push(`None listed: ${NO_DESCRIPTION}.`);
    else out.push(...table(['Code', 'Type', 'Description'], d.errors.map((e) => [String(e.code), e.name, e.description])));
    out.push('');
  }
  if (d.callers) {
    out.push('## Can bots use this method?', '', botsAnswer(d.callers), '');
  }
  out.push('## Layers', '', ...d.layers.map((l) => `- layer ${l.layer}${l.id ? `: #${l.id}` : ''}`), '');
  if (d.schema) {
    out.push('## Schema', '', '```', d.schema.line, '```', '', idDerivation(d.schema), '');
  }
  return out.join('\n');
}

export const describe: Command = {
  name: 'describe',
  summary: 'the reference page of a method, constructor or type: description, example, errors, bots',
  help: `Usage: tlwire describe NAME [--layer N] [--json]

Prints what the reference data says about a method, constructor or type of a
shipped layer: its description, a TypeScript example and the CLI line with its
bytes, the parameters (TL type, description; what each flags bit controls),
the result type and its constructors, the errors it can return, whether bots
may call it, which shipped layers have it (with which id), its schema line and
how its id is derived. Markdown by default, JSON with --json.

Options:
  --layer N   133 or 228 (default: 228, the newest)
  --json      the sections as JSON

Example:
  $ tlwire describe messages.getStatsURL --layer 133`,
  async run(argv, io) {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { layer: { type: 'string' }, json: { type: 'boolean' } } });
    if (positionals.length !== 1) throw new UsageError(`expected one NAME (a method, constructor or type), got ${positionals.length}`);
    const layer = parseLayerOption(values.layer);
    await loadLayer(layer);
    const layers = await Promise.all(SHIPPED_LAYERS.map(async (s) => ({ tl: await loadLayer(s.layer), reference: LAYER_REFERENCES[s.layer] })));
    const found = describeName(positionals[0], layer, layers);
    if (!('kind' in found)) {
      const hints = [
        ...(found.suggestions.length ? [`did you mean ${found.suggestions.map((n) => (n.layers.includes(layer) ? n.name : `${n.name} (layer ${n.layers.join(', ')}: --layer ${n.layers[0]})`)).join(' or ')}?`] : []),
        ...(found.inLayers.length ? [`${found.name} is in layer ${found.inLayers.join(', ')}: use --layer ${found.inLayers[0]}`] : []),
      ];
      throw new UsageError(`layer ${layer} has no method, constructor or type ${found.name}${hints.length ? `: ${hints.join('; ')}` : ''}`);
    }
    io.out(values.json ? `${JSON.stringify(found, null, 2)}\n` : markdown(found));
    return 0;
  },
};
