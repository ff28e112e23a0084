import { toHex } from '../common/bytes.js';
import type { ExplainResult, ExplainRow } from './explain.js';

/** Bytes shown per row; longer payloads end in `…`. */
const MAX_ROW_BYTES = 16;
/** Characters of a value shown per row. */
const MAX_VALUE = 72;

const ANSI = { dim: '\x1b[2m', bold: '\x1b[1m', red: '\x1b[31m', green: '\x1b[32m', yellow: '\x1b[33m', cyan: '\x1b[36m', reset: '\x1b[0m' } as const;
type Style = Exclude<keyof typeof ANSI, 'reset'>;

function hexBytes(bytes: Uint8Array): string {
  const s = toHex(bytes.subarray(0, MAX_ROW_BYTES));
  return bytes.length > MAX_ROW_BYTES ? `${s}…` : s;
}

function clip(text: string): string {
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

export interface FormatOptions {
  /** ANSI colours (for a terminal). */
  color: boolean;
}

/**
 * The rows as an aligned table: offset, bytes, field path (indented by depth), TL type,
 * value and note; then either how many bytes decoded or the undecoded rest and the error.
 */
export function formatExplain(result: ExplainResult, options: FormatOptions): string {
  const paint = (style: Style, text: string): string => (options.color && text ? `${ANSI[style]}${text}${ANSI.reset}` : text);
  const table: string[][] = [['offset', 'bytes', 'field', 'type', 'value']];
  const styles: Style[] = ['dim', 'cyan', 'bold', 'yellow', 'green'];
  const cells = (row: ExplainRow): string[] => [
    row.length === 0 ? '' : String(row.offset),
    row.length === 0 ? '' : hexBytes(result.bytes.subarray(row.offset, row.offset + row.length)),
    `${'  '.repeat(row.depth)}${row.path || '(value)'}`,
    row.tlType,
    clip(row.value),
  ];
  for (const row of result.rows) table.push(cells(row));
  const { error } = result;
  if (error) {
    const rest = result.bytes.subarray(error.offset);
    table.push([String(error.offset), rest.length ? hexBytes(rest) : '(end)', error.fieldPath || '(value)', '', 'not decoded']);
  }
  const widths = table[0].map((_, col) => Math.max(...table.map((cells) => cells[col].length)));
  const lines = table.map((cellsOfRow, i) => {
    const row = i === 0 ? undefined : result.rows[i - 1];
    const isErrorLine = error !== undefined && i === table.length - 1;
    const padded = cellsOfRow.map((cell, col) => {
      const text = col === 0 ? cell.padStart(widths[col]) : col === cellsOfRow.length - 1 ? cell : cell.padEnd(widths[col]);
      if (i === 0) return paint('bold', text);
      return paint(isErrorLine && col === 4 ? 'red' : styles[col], text);
    });
    const note = row?.note ? `  ${paint('dim', `(${row.note})`)}` : '';
    return `${padded.join('  ').trimEnd()}${note}`;
  });
  if (error) lines.push(paint('red', `decode error ${error.code}: ${error.message}`));
  else lines.push(paint('dim', `${result.consumed} bytes, all decoded`));
  return `${lines.join('\n')}\n`;
}
