// "Did you mean …?" for a mistyped command: the known word within two edits, if exactly one is.

export function didYouMean(word: string, known: readonly string[]): string | undefined {
  const near = known.filter((k) => editDistance(word.toLowerCase(), k) <= 2);
  return near.length === 1 ? near[0] : near.find((k) => k.startsWith(word.toLowerCase()));
}

/** Levenshtein distance, with one row of memory. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length]!;
}
