import { RPC_ERROR_PATTERNS } from '../../reference/data/error-patterns.js';
import type { RpcErrorName, RpcErrorParams } from '../../reference/data/errors.js';

export type { RpcErrorName, RpcErrorParams };

/** The named parameters of error `N` (`{ seconds: number }` for `FLOOD_WAIT_%d`); none for the others. */
export type RpcErrorParamsOf<N> = N extends keyof RpcErrorParams ? RpcErrorParams[N] : Record<string, never>;

/** What an RPC error message says once its numbers are taken out. */
export interface ParsedRpcError {
  /** The message with its numbers written `%d`, as the reference data names errors: `FLOOD_WAIT_%d`; else the whole message. */
  pattern: string;
  /** The numbers, by the names the reference data gives them: `{ seconds: 30 }`. */
  params: Record<string, number>;
  /** The (first) number, named or not: seconds to wait, a DC id, a part index. */
  value: number | undefined;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The known patterns with numbers, as regular expressions over a whole message. */
const KNOWN = Object.entries(RPC_ERROR_PATTERNS).map(([pattern, names]) => ({
  pattern,
  names,
  re: new RegExp(`^${pattern.split('%d').map(escapeRegExp).join('(\\d+)')}$`),
}));

const TRAILING_NUMBER = /^(.+)_(\d+)$/;
const INNER_NUMBER = /^(.+?)_(\d+)_([A-Z][A-Z0-9_]*)$/;

function numbers(digits: string[]): number[] | undefined {
  const values = digits.map(Number);
  return values.every(Number.isSafeInteger) ? values : undefined;
}

/**
 * Splits an RPC error message into its pattern and numbers. A message matching a pattern of the
 * reference data (`FLOOD_WAIT_%d`, `FILE_PART_%d_MISSING`) takes its parameter names; another
 * message with a number at the end (`NEW_WAIT_7`) or inside (`NEW_7_ERROR`) gets `%d` there and
 * an unnamed `value`. A number too large for a JavaScript number leaves the message whole.
 */
export function parseRpcErrorMessage(message: string): ParsedRpcError {
  if (!/\d/.test(message)) return { pattern: message, params: {}, value: undefined };
  for (const known of KNOWN) {
    const match = known.re.exec(message);
    const values = match && numbers(match.slice(1));
    if (!values) continue;
    const params: Record<string, number> = {};
    known.names.forEach((name, i) => (params[name] = values[i]));
    return { pattern: known.pattern, params, value: values[0] };
  }
  const trailing = TRAILING_NUMBER.exec(message);
  const inner = trailing ? undefined : INNER_NUMBER.exec(message);
  const value = trailing ? numbers([trailing[2]]) : inner ? numbers([inner[2]]) : undefined;
  if (value === undefined) return { pattern: message, params: {}, value: undefined };
  const pattern = trailing ? `${trailing[1]}_%d` : `${inner![1]}_%d_${inner![3]}`;
  return { pattern, params: {}, value: value[0] };
}

/**
 * An `rpc_error` the server answered a call with: code 420, message `FLOOD_WAIT_30`, pattern
 * `FLOOD_WAIT_%d`, params `{ seconds: 30 }`. What it means in words is `describeRpcError(err)`
 * (`tlwire/rpc-errors`), an import of its own so that a program that leaves it out does not ship the table.
 * `N` is the error names {@link is} accepts: every known one by default; a method's own
 * (`RpcError<ErrorsOf<'messages.getHistory'>>`) where the caller knows which call failed.
 */
export class RpcError<N extends string = RpcErrorName> extends Error {
  override readonly name = 'RpcError';
  readonly pattern: string;
  readonly params: Readonly<Record<string, number>>;
  readonly value: number | undefined;

  constructor(
    /** error_code: 303 migrate, 400 bad request, 401, 403, 420 flood, 500, or negative for internal ones. */
    readonly code: number,
    /** error_message exactly as received. */
    message: string,
    /** The msg_id of the call it answers, when it came in an rpc_result. */
    readonly reqMsgId?: bigint,
  ) {
    super(message);
    ({ pattern: this.pattern, params: this.params, value: this.value } = parseRpcErrorMessage(message));
  }

  /**
   * Whether this is error `pattern` (`'PEER_ID_INVALID'`, `'FLOOD_WAIT_%d'`); the compiler then
   * knows its parameters (`err.params.seconds`), and refuses a name that is not one of `N`.
   */
  is<K extends N>(pattern: K): this is RpcError<K> & { readonly pattern: K; readonly params: RpcErrorParamsOf<K> } {
    return this.pattern === pattern;
  }

  /** The canonical JSON of the rpc_error object. */
  toJSON(): { _: 'rpc_error'; errorCode: number; errorMessage: string } {
    return { _: 'rpc_error', errorCode: this.code, errorMessage: this.message };
  }

  override toString(): string {
    return `RpcError ${this.code}: ${this.message}`;
  }
}
