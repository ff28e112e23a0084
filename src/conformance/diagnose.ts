import { explain, type ExplainResult, type ExplainRow } from '../explain/explain.js';
import { formatExplain } from '../explain/format.js';
import { toHex } from '../common/bytes.js';
import { BOOL_FALSE, BOOL_TRUE } from '../runtime/primitives/bool.js';
import { VECTOR_ID } from '../runtime/primitives/vector.js';
import type { TlLayer } from '../layer.js';
import { formatPath, type PathSegment } from '../runtime/errors.js';
import { indexLayer, minSize, type LayerIndex, type WireType } from '../tl/model.js';
import { emptyRowsAt, rowOfPath, ValueLayout, type LayoutRow } from './layout.js';

/** Where a peer's answer first departs from tlwire's, in terms of the value's fields. */
export interface Diagnosis {
  /** Byte offset in tlwire's serialization: the first differing byte, or where the differing field's bytes start. */
  offset?: number;
  /** Field path of the culprit (`peer.accessHash`, `messages[2].body`); '' for the value's own constructor id. */
  field: string;
  /** Its TL type as the schema writes it (`flags.0?string`). */
  tlType: string;
  /** The part of the field that differs, when not all of it: `padding`, `length prefix`. */
  part?: string;
  /** The constructor whose field it is. */
  owner: string;
  /** One line: what differs. */
  summary: string;
  /** More lines: hints, and tlwire's bytes around the offset as `tlwire explain` shows them. */
  details: string[];
}

/** The field blamed for a byte difference. */
interface Culprit {
  /** Its path; undefined when the difference is after the end of tlwire's value. */
  path: string | undefined;
  part?: string;
  /** Its explain row, if it has one (absent fields have none). */
  row?: ExplainRow;
  text: string;
  hint?: string;
}

/** Longest insertion or omission looked for when the rest of the bytes matches shifted. */
const MAX_SHIFT = 16;
/** Explain rows shown on each side of the culprit. */
const CONTEXT_ROWS = 3;
/** Bytes of each side shown from the first difference on. */
const SHOWN_BYTES = 16;

/** Explains how a peer's answers differ from a case, with tlwire's explain engine and the value's layout. */
export class Diagnoser {
  private readonly layout: ValueLayout;
  private readonly index: LayerIndex;

  constructor(
    readonly layer: TlLayer,
    private readonly color = false,
  ) {
    this.layout = new ValueLayout(layer.model);
    this.index = indexLayer(layer.model);
  }

  private layoutOf(name: string, value: unknown): LayoutRow[] {
    const c = this.layer.json.combinator(name);
    const top: WireType = c?.kind === 'function' ? { k: 'query' } : { k: 'object' };
    return this.layout.rows(this.layer.json.fromJson(value), top);
  }

  /** A peer's encoding `actual` of the value of case `name`, against tlwire's `expected`. */
  encodeMismatch(name: string, value: unknown, expected: Uint8Array, actual: Uint8Array): Diagnosis {
    const at = firstDifference(expected, actual);
    const result = explain(this.layer, expected, { as: name });
    const layout = this.layoutOf(name, value);
    const shift = findShift(expected, actual, at);
    const culprit = this.culprit(at, expected, actual, result.rows, layout, shift);
    const details: string[] = [];
    if (shift) {
      const run = toHex((shift.kind === 'inserted' ? actual : expected).subarray(shift.at, shift.at + shift.size));
      const how = `${shift.kind === 'inserted' ? 'with' : 'without'} the ${shift.size} byte(s) ${run} at byte ${shift.at}`;
      details.push(shift.whole ? `the peer's bytes are tlwire's ${how}` : `${how}, the next bytes match again (there is more wrong after them)`);
    }
    if (culprit.hint) details.push(culprit.hint);
    details.push(...this.context(result, culprit.row, at, actual));
    const field = located(layout, culprit.path ?? '', name);
    const where = culprit.path === undefined ? 'after the end of the value' : `${culprit.part ? `the ${culprit.part} of ` : ''}${field.text}`;
    const byteAt = (b: Uint8Array): string => (at < b.length ? toHex(b.subarray(at, at + 1)) : 'end');
    return {
      offset: at,
      field: culprit.path ?? '',
      tlType: culprit.path === undefined ? '' : field.tlType,
      part: culprit.part,
      owner: field.owner,
      summary: `first difference at byte ${at} (tlwire ${byteAt(expected)}, peer ${byteAt(actual)}; ${expected.length} vs ${actual.length} bytes), in ${where}: ${culprit.text}`,
      details,
    };
  }

  /** The field most likely wrong at the first difference `at`. */
  private culprit(at: number, expected: Uint8Array, actual: Uint8Array, rows: ExplainRow[], layout: LayoutRow[], shift: Shift | undefined): Culprit {
    const leaves = rows.filter((r) => r.length > 0);
    // Bytes inserted where a conditional field with a clear bit sits: the peer wrote that field
    // anyway. Every field takes a multiple of 4 bytes, so 1 to 3 bytes more are a padding matter.
    const points = shift?.kind === 'inserted' ? shift.points : [at];
    const wholeFields = shift === undefined || shift.size % 4 === 0;
    const absent = wholeFields ? points.flatMap((p) => emptyRowsAt(layout, p).filter((r) => r.kind === 'absent' && r.absentType!.k !== 'true')) : [];
    if (absent.length > 0) {
      // Of several absent fields there, the first (in wire order) whose smallest value fits in the bytes written.
      const f = absent.sort((a, b) => layout.indexOf(a) - layout.indexOf(b)).find((r) => shift === undefined || (minSize(r.absentType!, this.index) <= shift.size && this.couldStart(r.absentType!, actual.subarray(r.offset, r.offset + shift.size)))) ?? absent[0];
      const wrote = shift ? `wrote ${shift.size} byte(s) ${toHex(actual.subarray(shift.at, shift.at + shift.size))}` : 'wrote bytes';
      const others = absent.filter((r) => r !== f).map((r) => formatPath(r.path));
      const also = others.length ? ` (${others.join(', ')} ${others.length > 1 ? 'are' : 'is'} absent there too)` : '';
      return { path: formatPath(f.path), text: `it is absent (bit ${f.flag} is clear), so tlwire writes no bytes for it; the peer ${wrote} there${also}` };
    }
    const paddedEndingAt = (p: number): ExplainRow | undefined => leaves.find((r) => r.offset + r.length === p && (r.tlType === 'padding' || isPayload(r, layout)));
    // Among equally good points the earliest is where the peer can first have gone wrong.
    const earliest = shift ? [...shift.points].sort((a, b) => a - b) : [];
    const padded = shift?.kind === 'inserted' ? earliest.map(paddedEndingAt).find((r) => r !== undefined) : undefined;
    if (padded) {
      const padding = leaves.find((r) => r.path === padded.path && r.tlType === 'padding');
      const end = padding ? padding.offset + padding.length : padded.offset + padded.length;
      const text = `tlwire pads ${padded.path} with ${padding?.length ?? 0} zero byte(s) to end at byte ${end}; the peer wrote ${shift!.size} byte(s) more (the length prefix and the payload together are padded to a multiple of 4)`;
      return { path: padded.path, part: 'padding', row: padding ?? padded, text };
    }
    const shortPadding = shift?.kind === 'omitted' ? earliest.map((p) => leaves.find((r) => r.tlType === 'padding' && r.offset <= p && p < r.offset + r.length)).find((r) => r !== undefined) : undefined;
    if (shortPadding) {
      const text = `tlwire pads ${shortPadding.path} with ${shortPadding.length} zero byte(s) to end at byte ${shortPadding.offset + shortPadding.length}; the peer left out ${shift!.size} byte(s) (the length prefix and the payload together are padded to a multiple of 4)`;
      return { path: shortPadding.path, part: 'padding', row: shortPadding, text };
    }
    const containing = leaves.find((r) => r.offset <= at && at < r.offset + r.length);
    if (!containing) {
      const more = toHex(actual.subarray(at, at + SHOWN_BYTES)) + (actual.length - at > SHOWN_BYTES ? '…' : '');
      return { path: undefined, text: `the peer wrote ${actual.length - expected.length} byte(s) more: ${more}` };
    }
    const part = containing.tlType === 'padding' ? 'padding' : containing.tlType === 'length' ? 'length prefix' : undefined;
    const span = `bytes ${containing.offset}-${containing.offset + containing.length - 1}`;
    let text: string;
    if (shift?.kind === 'omitted') text = `the peer left out ${shift.size} byte(s) here (tlwire's ${span}: ${containing.value})`;
    else if (at >= actual.length) text = `the peer's bytes end here, tlwire's go on to byte ${expected.length}`;
    else text = `tlwire writes ${containing.value} (${span}: ${toHex(expected.subarray(containing.offset, containing.offset + containing.length))}), the peer ${toHex(actual.subarray(containing.offset, containing.offset + containing.length))}`;
    // A difference right where a padded payload ends may be that payload's padding gone wrong.
    const before = at === containing.offset ? paddedEndingAt(at) : undefined;
    const hint = before ? `byte ${at} is also where ${before.tlType === 'padding' ? 'the padding' : 'the payload'} of ${before.path} ends: check that field's padding too` : undefined;
    return { path: containing.path, part, row: containing, text, hint };
  }

  /** Whether `bytes` can begin a value of type `t`: an id where one must be, anything where any bytes will do. */
  private couldStart(t: WireType, bytes: Uint8Array): boolean {
    const id = bytes.length >= 4 ? new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true) : undefined;
    switch (t.k) {
      case 'boxed':
      case 'object':
      case 'query':
        return id !== undefined && id !== VECTOR_ID && this.layer.nameOf(id) !== undefined;
      case 'bool':
        return id === BOOL_TRUE || id === BOOL_FALSE;
      case 'vector':
        return !t.boxed || id === VECTOR_ID;
      default:
        return true;
    }
  }

  /** A peer's decoding `actual` of the bytes of case `name`, against the case's canonical JSON. */
  decodeMismatch(name: string, expected: unknown, actual: unknown, bytes: Uint8Array): Diagnosis {
    const diff = firstJsonDifference(expected, actual);
    if (!diff) throw new Error('decodeMismatch called on equal values');
    const layout = this.layoutOf(name, expected);
    // The innermost field on the path that tlwire's value has: a field only the peer has takes no bytes.
    let path = diff.path;
    let row = rowOfPath(layout, path);
    while (!row && path.length) {
      path = path.slice(0, -1);
      row = rowOfPath(layout, path);
    }
    const result = explain(this.layer, bytes, { as: name });
    const field = located(layout, formatPath(path), name);
    let where = '';
    let mark: ExplainRow | undefined;
    let offset = row?.offset;
    if (row && row.length > 0) {
      where = ` (bytes ${row.offset}-${row.offset + row.length - 1})`;
      mark = result.rows.find((r) => r.path === formatPath(path) && r.length > 0);
    } else if (row?.flag) {
      // A `true` or absent field has no bytes: its bit in the flags word says it all.
      const [flagsKey, bit] = row.flag.split('.');
      const flags = rowOfFlags(layout, [...path.slice(0, -1), flagsKey]);
      if (flags) {
        offset = flags.offset;
        where = ` (no bytes of its own: bit ${bit} of the flags word at bytes ${flags.offset}-${flags.offset + 3})`;
        mark = result.rows.find((r) => r.path === `${formatPath(flags.path)}.${bit}`);
      }
    }
    return {
      offset,
      field: formatPath(diff.path),
      tlType: field.tlType,
      owner: field.owner,
      summary: `the decoded value differs at ${formatPath(diff.path) || 'the top'}, ${path.length ? field.text : name}${where}: ${diff.what}`,
      details: this.context(result, mark, offset ?? 0, undefined),
    };
  }

  /** tlwire's explain rows around `mark` (or `offset`), and both sides' bytes from the first difference `at`. */
  private context(result: ExplainResult, mark: ExplainRow | undefined, at: number, actual: Uint8Array | undefined): string[] {
    const rows = result.rows;
    let center = mark ? rows.indexOf(mark) : rows.findIndex((r) => r.offset >= at);
    if (center < 0) center = rows.length - 1;
    const first = Math.max(0, center - CONTEXT_ROWS);
    const window = rows.slice(first, center + CONTEXT_ROWS + 1);
    const table = formatExplain({ ...result, rows: window, error: undefined }, { color: this.color }).trimEnd().split('\n');
    // formatExplain ends with a status line about the whole input; this is an excerpt.
    table.pop();
    // Line 0 is the header, line i + 1 shows window[i].
    const marked = (i: number): boolean => mark !== undefined && window[i - 1] === mark;
    const lines = [`tlwire's bytes, as \`tlwire explain\` shows them${mark ? ' (> marks the field)' : ''}:`, ...table.map((l, i) => `${marked(i) ? '>' : ' '} ${l}`)];
    if (actual) {
      lines.push(`tlwire from byte ${at}: ${toHex(result.bytes.subarray(at, at + SHOWN_BYTES)) || '(end)'}`);
      lines.push(`peer   from byte ${at}: ${toHex(actual.subarray(at, at + SHOWN_BYTES)) || '(end)'}`);
    }
    return lines;
  }
}

/** A field by its path: its owner, its schema type, and `field P (T) of C` for the report. */
function located(layout: readonly LayoutRow[], path: string, name: string): { owner: string; tlType: string; text: string } {
  if (path === '') return { owner: name, tlType: name, text: `the constructor id of ${name}` };
  const row = layout.find((r) => formatPath(r.path) === path && r.kind !== 'id' && r.kind !== 'count' && r.kind !== 'vector-id');
  const owner = row?.owner || name;
  const tlType = row ? `${row.flag ? `${row.flag}?` : ''}${row.tlType}` : '';
  return { owner, tlType, text: `field ${path}${tlType ? ` (${tlType})` : ''} of ${owner}` };
}

function rowOfFlags(layout: readonly LayoutRow[], path: PathSegment[]): LayoutRow | undefined {
  const text = formatPath(path);
  return layout.find((r) => r.kind === 'flags' && formatPath(r.path) === text);
}

/** Whether an explain row is the payload of a string or bytes (a field with a length prefix). */
function isPayload(row: ExplainRow, layout: readonly LayoutRow[]): boolean {
  return layout.some((r) => r.prefix !== undefined && formatPath(r.path) === row.path && r.offset + r.prefix === row.offset);
}

/** The first offset where the two differ; the shorter length if one is a prefix of the other. */
export function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return n;
}

/** The peer's bytes are tlwire's with `size` bytes inserted or omitted; `points` are every offset where that fits. */
export interface Shift {
  kind: 'inserted' | 'omitted';
  size: number;
  /** The last insertion point: the first difference. */
  at: number;
  /** All offsets in tlwire's bytes where the same insertion or omission gives the peer's bytes. */
  points: number[];
  /** The whole rest matches, not just the bytes right after (a peer may get several fields wrong). */
  whole: boolean;
}

/** Bytes that must match again after a local insertion or omission, unless the input ends sooner. */
const MIN_MATCH = 4;

/**
 * Whether the bytes match again once `size` bytes are taken as inserted into (or omitted from)
 * tlwire's bytes at the first difference `at`: over the whole rest if the lengths allow, else
 * the smallest realignment after which a few bytes match (a peer may get several fields
 * wrong). Equal bytes before `at` can slide the run left, so every point where it fits is
 * returned: a field boundary among them names the likely culprit.
 */
export function findShift(expected: Uint8Array, actual: Uint8Array, at: number): Shift | undefined {
  const sides = (kind: Shift['kind']): [Uint8Array, Uint8Array] => (kind === 'inserted' ? [actual, expected] : [expected, actual]);
  /** How many bytes match from `at` on after the realignment (zeros, which match anything, do not count), and whether that is all of both rests. */
  const run = (kind: Shift['kind'], size: number): { length: number; whole: boolean } => {
    const [longer, shorter] = sides(kind);
    let i = at;
    let telling = 0;
    while (i < shorter.length && i + size < longer.length && shorter[i] === longer[i + size]) if (shorter[i++] !== 0) telling++;
    return { length: telling === 0 ? 0 : i - at, whole: i === shorter.length && i + size === longer.length };
  };
  const found = (kind: Shift['kind'], size: number, whole: boolean): Shift => {
    const [longer] = sides(kind);
    const points = [at];
    // Sliding the run left by one gives the same bytes when the byte before it equals its last byte.
    for (let p = at - 1; p >= 0 && longer[p] === longer[p + size]; p--) points.push(p);
    return { kind, size, at, points, whole };
  };
  // A realignment of the whole rest first, else the smallest one that matches a few bytes.
  let local: { kind: Shift['kind']; size: number } | undefined;
  for (let size = 1; size <= MAX_SHIFT; size++) {
    for (const kind of ['inserted', 'omitted'] as const) {
      const r = run(kind, size);
      if (r.whole) return found(kind, size, true);
      if (r.length >= MIN_MATCH) local ??= { kind, size };
    }
  }
  return local && found(local.kind, local.size, false);
}

export interface JsonDifference {
  path: PathSegment[];
  what: string;
}

function show(v: unknown): string {
  const text = JSON.stringify(v) ?? 'nothing';
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The first place two canonical JSON values differ, in tlwire's field order; undefined if equal. */
export function firstJsonDifference(expected: unknown, actual: unknown, path: PathSegment[] = []): JsonDifference | undefined {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) return { path, what: `the peer has ${actual.length} element(s), tlwire ${expected.length}` };
    for (let i = 0; i < expected.length; i++) {
      const d = firstJsonDifference(expected[i], actual[i], [...path, i]);
      if (d) return d;
    }
    return undefined;
  }
  if (isObject(expected) && isObject(actual)) {
    if (expected._ !== actual._) return { path, what: `the peer has constructor ${show(actual._)}, tlwire ${show(expected._)}` };
    for (const key of Object.keys(expected)) {
      if (!(key in actual)) return { path: [...path, key], what: `the peer leaves it out, tlwire has ${show(expected[key])}` };
      const d = firstJsonDifference(expected[key], actual[key], [...path, key]);
      if (d) return d;
    }
    for (const key of Object.keys(actual)) if (!(key in expected)) return { path: [...path, key], what: `the peer has ${show(actual[key])}, tlwire has no such field here` };
    return undefined;
  }
  if (expected === actual) return undefined;
  return { path, what: `the peer has ${show(actual)}, tlwire ${show(expected)}` };
}
