import { RpcError } from '../mtproto/service/rpc-error.js';
import { ServiceError } from '../mtproto/service/errors.js';
import { TlDecodeError, TlEncodeError } from '../runtime/errors.js';
import { SchemaError } from '../tl/errors.js';
import { UsageError } from './io.js';

/** Errors a user can cause: shown as one line, never a stack trace. */
export function isUserError(e: unknown): e is Error {
  return e instanceof UsageError || e instanceof TlDecodeError || e instanceof TlEncodeError || e instanceof SchemaError || e instanceof SyntaxError || e instanceof ServiceError || e instanceof RpcError;
}

/** One line describing any error; unexpected ones are marked as bugs. */
export function describeError(e: unknown): string {
  if (e instanceof TlDecodeError) return `decode error ${e.code}: ${e.message}`;
  if (e instanceof TlEncodeError) return `encode error ${e.code}: ${e.message}`;
  if (e instanceof SyntaxError) return `invalid JSON: ${e.message}`;
  if (isUserError(e)) return e.message;
  if (e instanceof Error) return `internal error (please report): ${e.message}`;
  return String(e);
}

/**
 * The message of an unknown or malformed option (node:util parseArgs throws them with an
 * ERR_PARSE_ARGS code), in our words: its unknown-option text ends in an unclosed quote and
 * speaks of positionals. Undefined for any other error.
 */
export function optionError(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS')) return undefined;
  const message = (e as Error).message;
  const option = /'(-[^']*)'/.exec(message)?.[1];
  return code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option !== undefined ? `unknown option ${option}` : message;
}
