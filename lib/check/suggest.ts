/**
 * "Did you mean …?": the closest known name by edit distance (case-insensitive), close enough to be a typo.
 */

/** Levenshtein distance, stopping early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/**
 * The best candidate within a distance that grows with the word (1 for short names, up to 3 for long ones), or
 * undefined. Candidates keep their own spelling in the answer.
 */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  const limit = w.length <= 4 ? 1 : w.length <= 9 ? 2 : 3;
  let best: string | undefined;
  let bestD = limit + 1;
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase(), bestD - 1);
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return bestD <= limit ? best : undefined;
}

/**
 * A suggestion for an unknown function name: a known habit from other languages first (`aliases`, used only when
 * the target exists), then the closest name by edit distance, then the one shortest name the word begins
 * (`Substr` → `Substring`).
 */
export function suggestName(
  word: string,
  names: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
): string | undefined {
  const alias = aliases[word.toLowerCase()];
  if (alias && names.some((n) => n.toLowerCase() === alias.toLowerCase())) return alias;
  const close = didYouMean(word, names);
  if (close) return close;
  if (word.length < 3) return undefined;
  const w = word.toLowerCase();
  const starts = names.filter((n) => n.toLowerCase().startsWith(w)).sort((a, b) => a.length - b.length);
  return starts[0];
}
