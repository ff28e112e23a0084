import { readFileSync } from 'node:fs';
import { fromHex } from '../common/bytes.js';
import { UsageError } from './io.js';

/** A schema file's text, or one line saying why it cannot be read. */
export function readSchemaText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (code ?? (e as Error).message);
    throw new UsageError(`cannot read ${path}: ${why}`);
  }
}

/** Hex input (an argument, stdin or a `--jsonl` item) -> bytes, or one line saying it is not hex. */
export function parseHex(text: string): Uint8Array {
  try {
    return fromHex(text);
  } catch {
    throw new UsageError(`input is not hex: expected pairs of hex digits, got ${JSON.stringify(text.slice(0, 40))}`);
  }
}

/**
 * A whole-number option such as `--layer 133` or `--per 4`: undefined when absent, else a
 * number from `min` to `max`; anything else is `OPTION takes DESCRIPTION, got "..."`.
 */
export function parseWholeNumber(value: string | undefined, option: string, description: string, { min = 0, max = Number.MAX_SAFE_INTEGER } = {}): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new UsageError(`${option} takes ${description}, got ${JSON.stringify(value)}`);
  return Number(value);
}
