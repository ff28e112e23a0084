/**
 * Structural equality of TL values as the codec promises it: a key left out equals one set to
 * undefined, numbers compare with Object.is (NaN equals NaN, -0 differs from 0), bigints by
 * value, byte arrays by content.
 *
 * A decoded value has every field of its constructor, absent optional ones as `undefined`:
 * the decoder builds each constructor's objects with one shape (one object literal), which
 * keeps V8's property access monomorphic where it reads them. So `deepStrictEqual(decoded,
 * original)` sees keys the original never had; `sameValue` does not.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b);
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    return a instanceof Uint8Array && b instanceof Uint8Array && a.length === b.length && a.every((x, i) => x === b[i]);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const k of keys) if (!sameValue(ra[k], rb[k])) return false;
  return true;
}
