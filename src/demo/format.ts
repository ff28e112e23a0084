import { toHex } from '../common/bytes.js';

const ANSI = { bold: '\x1b[1m', dim: '\x1b[2m', cyan: '\x1b[36m', green: '\x1b[32m', red: '\x1b[31m', magenta: '\x1b[35m', reset: '\x1b[0m' } as const;
export type Style = Exclude<keyof typeof ANSI, 'reset'>;

/** Bytes shown in a table's byte column before it is cut with `…`. */
const ROW_BYTES = 12;

/** One row of a layer's table: where the bytes are, what they are, what they say. */
export interface Row {
  /** Offset in the layer's bytes; omitted for derived values (keys computed, not sent). */
  offset?: number;
  bytes?: Uint8Array;
  field: string;
  value: string;
  note?: string;
}

export class Painter {
  constructor(readonly color: boolean) {}

  paint(style: Style, text: string): string {
    return this.color && text !== '' ? `${ANSI[style]}${text}${ANSI.reset}` : text;
  }

  heading(text: string): string {
    return `\n${this.paint('bold', `== ${text} `.padEnd(78, '='))}\n`;
  }

  /** An aligned table: offset, bytes (cut), field, value and a dim note. */
  table(rows: readonly Row[]): string {
    const cells = rows.map((row) => [
      row.offset === undefined ? '' : String(row.offset),
      row.bytes === undefined ? '' : hex(row.bytes, ROW_BYTES),
      row.field,
      row.value,
    ]);
    const header = ['offset', 'bytes', 'field', 'value'];
    const widths = header.map((title, col) => Math.max(title.length, ...cells.map((row) => row[col].length)));
    const styles: Style[] = ['dim', 'cyan', 'bold', 'green'];
    const line = (row: string[], styled: (col: number, text: string) => string) =>
      row
        .map((cell, col) => styled(col, col === 0 ? cell.padStart(widths[col]) : col === row.length - 1 ? cell : cell.padEnd(widths[col])))
        .join('  ')
        .trimEnd();
    const lines = [line(header, (_, text) => this.paint('bold', text))];
    cells.forEach((row, i) => {
      const note = rows[i].note ? `  ${this.paint('dim', `(${rows[i].note})`)}` : '';
      lines.push(`${line(row, (col, text) => this.paint(styles[col], text))}${note}`);
    });
    return `${lines.join('\n')}\n`;
  }
}

/** Lowercase hex, cut to `max` bytes with `…` and the full length when longer. */
export function hex(bytes: Uint8Array, max = Infinity): string {
  const text = toHex(bytes.subarray(0, Math.min(bytes.length, max)));
  return bytes.length > max ? `${text}…` : text;
}

/** A 64-bit value as 0x + 16 hex digits (two's complement for negatives), as MTProto ids are usually shown. */
export function hex64(value: bigint): string {
  return `0x${BigInt.asUintN(64, value).toString(16).padStart(16, '0')}`;
}

/** `n bytes`, singular-aware. */
export function byteCount(n: number): string {
  return `${n} byte${n === 1 ? '' : 's'}`;
}
