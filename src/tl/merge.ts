import { formatId } from '../common/bytes.js';
import type { Combinator, SchemaText, Section } from './ast.js';
import { knownIdException } from './check.js';
import { combinatorKey } from './names.js';
import { parseSchema } from './parser.js';
import { printCombinator } from './printer.js';

/** The `// LAYER 228` lines of a schema text (tdesktop's api.tl ends with one), in order. */
export function layerLines(text: string): number[] {
  return [...text.matchAll(/^\/\/\s*LAYER\s+(\d+)\s*$/gm)].map((m) => Number(m[1]));
}

/** Two or more lines for one name (or one id) that differ, and the one the merge kept. */
export interface MergeConflict {
  /** `name`: one name, different lines (a different id, or the same id with other fields); `id`: one id, different names. */
  kind: 'name' | 'id';
  /** The name kept. */
  name: string;
  /** For `id`: the id the names share. */
  id?: number;
  kept: { file: string; line: string };
  dropped: { file: string; line: string }[];
  /** Why the kept line won: `newer layer 228` or `given first`. */
  why: string;
}

export interface MergeResult {
  /** The merged schema text: every kept line, `---types---` then `---functions---`, then `// LAYER N` when an input states one. */
  text: string;
  /** The layer the output states: the newest input layer, if any input states one. */
  layer: number | undefined;
  /** Each input with the layer its `// LAYER` line states. */
  files: { file: string; layer: number | undefined; lines: number }[];
  /** How many lines the output has. */
  lines: number;
  /** How many kept lines appear, the same, in every input. */
  inAll: number;
  /** Lines that only some inputs have (and no other input contradicts), with the files that have them. */
  partial: { line: string; files: string[] }[];
  conflicts: MergeConflict[];
}

interface Candidate {
  c: Combinator;
  line: string;
  /** Index of its file in priority order. */
  rank: number;
  file: string;
}

const SECTIONS: Section[] = ['types', 'functions'];

/**
 * Merges schema files that describe the same API by name and id (tdesktop's and TDLib's files
 * of one layer). The same line in several files is kept once; a line only some files have is
 * kept; where files disagree (one name with different lines, or one id under different names)
 * one line is kept by this rule: the file whose `// LAYER` line states the newer layer wins,
 * and among files of the same layer, or without a LAYER line (which rank below those with
 * one), the file given first wins. Two lines with the same id but other fields (a `?true`
 * field added without changing the id) are two definitions, resolved and reported like any
 * other conflict. Id sharing that `tlwire check` allows (TDLib's invokeWith*Prefix) is kept.
 */
export function mergeSchemas(inputs: SchemaText[]): MergeResult {
  const parsed = inputs.map((input, given) => {
    const layers = layerLines(input.text);
    return { file: input.file, given, layer: layers.length ? Math.max(...layers) : undefined, schema: parseSchema(input.text, input.file) };
  });
  // Priority order: newer stated layer first, then files without one; ties by the order given.
  const ranked = [...parsed].sort((a, b) => (b.layer ?? -1) - (a.layer ?? -1) || a.given - b.given);
  const why = (winner: (typeof ranked)[number], loser: (typeof ranked)[number]): string =>
    winner.layer !== undefined && winner.layer !== loser.layer ? `newer layer ${winner.layer}` : 'given first';

  // Every line by name, in priority order; the first line a file gives for a name counts.
  const byName = new Map<string, Candidate[]>();
  const order: string[] = [];
  ranked.forEach((f, rank) => {
    const seen = new Set<string>();
    for (const c of f.schema.combinators) {
      const key = combinatorKey(c);
      if (seen.has(key)) continue;
      seen.add(key);
      let list = byName.get(key);
      if (!list) byName.set(key, (list = [])), order.push(key);
      list.push({ c, line: printCombinator(c), rank, file: f.file });
    }
  });

  const conflicts: MergeConflict[] = [];
  const kept = new Map<string, Candidate>();
  for (const key of order) {
    const list = byName.get(key)!;
    const winner = list[0];
    kept.set(key, winner);
    const dropped = list.filter((x) => x.line !== winner.line);
    if (dropped.length) {
      conflicts.push({
        kind: 'name',
        name: winner.c.name,
        kept: { file: winner.file, line: winner.line },
        dropped: dropped.map((x) => ({ file: x.file, line: x.line })),
        why: why(ranked[winner.rank], ranked[dropped[0].rank]),
      });
    }
  }

  // One id under two names from different files (a rename): the higher-ranked name stays.
  const byId = new Map<number, Candidate>();
  for (const key of order) {
    const x = kept.get(key)!;
    if (x.c.id === undefined) continue;
    const other = byId.get(x.c.id);
    if (!other) {
      byId.set(x.c.id, x);
      continue;
    }
    if (other.file === x.file || knownIdException(x.c) || knownIdException(other.c)) continue;
    const [winner, loser] = other.rank <= x.rank ? [other, x] : [x, other];
    kept.delete(combinatorKey(loser.c));
    byId.set(x.c.id, winner);
    conflicts.push({
      kind: 'id',
      name: winner.c.name,
      id: x.c.id,
      kept: { file: winner.file, line: winner.line },
      dropped: [{ file: loser.file, line: loser.line }],
      why: why(ranked[winner.rank], ranked[loser.rank]),
    });
  }

  const partial: MergeResult['partial'] = [];
  let inAll = 0;
  const bySection: Record<Section, string[]> = { types: [], functions: [] };
  for (const key of order) {
    const x = kept.get(key);
    if (!x) continue;
    bySection[x.c.section].push(x.line);
    const holders = byName.get(key)!.filter((y) => y.line === x.line).map((y) => y.file);
    if (holders.length === inputs.length) inAll++;
    else if (holders.length === byName.get(key)!.length) partial.push({ line: x.line, files: holders });
  }

  // The highest-ranked file states the newest layer, if any file states one.
  const layer = ranked[0]?.layer;
  const header = [
    `// Merged by tlwire merge from ${parsed.map((f) => `${f.file} (${f.layer === undefined ? 'no LAYER line' : `layer ${f.layer}`})`).join(', ')}.`,
    '// Where they disagree: the newer // LAYER wins, then the file given first.',
  ];
  const body = SECTIONS.flatMap((section, i) => [...(i === 0 ? [] : ['', `---${section}---`, '']), ...bySection[section]]);
  const text = [...header, '', ...body, ...(layer === undefined ? [] : ['', `// LAYER ${layer}`]), ''].join('\n');
  return {
    text,
    layer,
    lines: bySection.types.length + bySection.functions.length,
    files: parsed.map((f) => ({ file: f.file, layer: f.layer, lines: f.schema.combinators.length })),
    inAll,
    partial,
    conflicts,
  };
}

/** The report of a merge, one fact per line: what came from where, then every conflict. */
export function formatMergeReport(result: MergeResult): string[] {
  const out = [`${result.lines} lines: ${result.inAll} in every file, ${result.partial.length} from some files only, ${result.conflicts.length} conflict(s)`];
  for (const p of result.partial) out.push(`only in ${p.files.join(', ')}: ${p.line}`);
  for (const c of result.conflicts) {
    const what = c.kind === 'id' ? `#${formatId(c.id!)} has two names` : `${c.name} has different lines`;
    out.push(`conflict: ${what}: kept ${c.kept.file} (${c.why}): ${c.kept.line}`);
    for (const d of c.dropped) out.push(`  dropped ${d.file}: ${d.line}`);
  }
  return out;
}
