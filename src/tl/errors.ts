import type { SourcePos } from './ast.js';

/** Every way a schema can be wrong, each naming the input that causes it. */
export type SchemaErrorCode =
  | 'UNEXPECTED_TOKEN' // a token the grammar does not allow here
  | 'UNEXPECTED_END' // the file ends inside a combinator
  | 'BAD_CHARACTER' // a character TL does not use
  | 'BAD_ID' // `#` followed by something that is not 1-8 hex digits
  | 'BAD_FLAG_BIT' // `flags.N` with N not in 0..31
  | 'UNKNOWN_FLAGS_FIELD' // `x.N?T` where x is not an earlier `#` field
  | 'ID_MISMATCH' // declared `#id` differs from the CRC32 of the line
  | 'DUPLICATE_NAME'
  | 'DUPLICATE_ID'
  | 'UNDEFINED_TYPE' // a field type no line defines
  | 'LINE_TOO_LONG';

/** A schema problem, positioned as `file:line:column`. */
export class SchemaError extends Error {
  override readonly name = 'SchemaError';
  constructor(
    readonly code: SchemaErrorCode,
    readonly pos: SourcePos,
    readonly detail: string,
  ) {
    super(`${formatPos(pos)}: ${detail}`);
  }
}

/** `file:line:column`: where a schema line or token stands, as every message writes it. */
export function formatPos(pos: SourcePos): string {
  return `${pos.file}:${pos.line}:${pos.column}`;
}
