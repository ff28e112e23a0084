/** Edit distance, for did-you-mean. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}

/**
 * The names close to `name`, for did-you-mean: those equal to it once both are folded
 * (lower case; `fold` may drop more, such as `_`) first, else up to three within two edits.
 */
export function nearNames(names: Iterable<string>, name: string, fold = (s: string) => s.toLowerCase()): string[] {
  const unique = [...new Set(names)];
  const folded = fold(name);
  const same = unique.filter((n) => fold(n) === folded);
  if (same.length) return same.sort();
  return unique
    .map((n) => ({ n, d: distance(fold(n), folded) }))
    .filter(({ d }) => d <= 2)
    .sort((a, b) => a.d - b.d || (a.n < b.n ? -1 : 1))
    .slice(0, 3)
    .map(({ n }) => n);
}
