import { readFileSync, writeFileSync } from 'node:fs';
import { fromHex } from '../common/bytes.js';
import { UsageError } from './io.js';

/** Why a file cannot be read or written, in the words every command uses (`no such file`). */
export function fileError(action: 'read' | 'write', path: string, e: unknown): UsageError {
  const code = (e as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (code ?? (e as Error).message);
  return new UsageError(`cannot ${action} ${path}: ${why}`);
}

/** A file's text (a schema, a case file), or one line saying why it cannot be read. */
export function readInputFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw fileError('read', path, e);
  }
}

/** Writes an output file (a merged schema, a generated file, a site page), or one line saying why it cannot. */
export function writeOutputFile(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (e) {
    throw fileError('write', path, e);
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
