/**
 * What each RPC error means, from the reference data (reference/PROVENANCE.md): `tlwire/rpc-errors`.
 * The descriptions are about 88 KB, so they are an import of their own: `RpcError` (code, pattern,
 * params, `is`) needs only the short list of patterns, and a program that never shows the text
 * to a person does not ship it.
 */
import type { RpcError } from '../mtproto/service/rpc-error.js';
import { RPC_ERRORS } from './data/errors.js';

/**
 * What the reference data says `error` means, its `%d` filled in with the error's number
 * (`A wait of 30 seconds is required` for FLOOD_WAIT_30); undefined for an error it does not know.
 */
export function describeRpcError(error: Pick<RpcError, 'pattern' | 'value'>): string | undefined {
  const text = RPC_ERRORS[error.pattern]?.description;
  return error.value === undefined ? text : text?.replace('%d', String(error.value));
}
