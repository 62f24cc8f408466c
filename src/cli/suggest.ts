/**
 * What the user probably meant by a word the CLI does not know: the known words closest to it.
 * A word is close when it is a prefix of a known one (`autogen` → `autogenerate`) or a few edits
 * away from it (Damerau–Levenshtein: insert, delete, substitute, swap two neighbours), at most one
 * edit for words of three letters or fewer, two for longer ones, a third of the length for long
 * ones. The closest win; ties keep the order `known` lists them in, at most three.
 */
export function suggest(word: string, known: readonly string[]): readonly string[] {
  const typed = word.toLowerCase();
  if (typed === "") return [];
  const scored = known
    .map((candidate, order) => ({ candidate, order, score: closeness(typed, candidate.toLowerCase()) }))
    .filter((entry): entry is { candidate: string; order: number; score: number } => entry.score !== null);
  const best = Math.min(...scored.map((entry) => entry.score));
  return scored.filter((entry) => entry.score === best).map((entry) => entry.candidate).slice(0, MAX_SUGGESTIONS);
}

const MAX_SUGGESTIONS = 3;

/** `Did you mean 'upgrade'?`, `Did you mean 'heads' or 'help'?`, or "" when nothing is close. */
export function didYouMean(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return "";
  const quoted = suggestions.map((word) => `'${word}'`);
  const last = quoted.pop() ?? "";
  return ` Did you mean ${quoted.length === 0 ? last : `${quoted.join(", ")} or ${last}`}?`;
}

/** The edit distance when the two are close enough to suggest, null otherwise; a prefix counts as one edit. */
function closeness(typed: string, candidate: string): number | null {
  if (typed === candidate) return 0;
  const distance = editDistance(typed, candidate);
  if (distance <= allowedEdits(typed.length)) return distance;
  if (typed.length >= MIN_PREFIX && candidate.startsWith(typed)) return 1;
  return null;
}

const MIN_PREFIX = 2;

function allowedEdits(length: number): number {
  if (length <= 3) return 1;
  return Math.max(2, Math.floor(length / 3));
}

/** Optimal string alignment distance: Levenshtein plus a swap of two neighbouring characters. */
export function editDistance(a: string, b: string): number {
  const width = b.length + 1;
  // d[i * width + j]: the distance between the first i characters of a and the first j of b.
  const d = new Array<number>((a.length + 1) * width).fill(0);
  const at = (i: number, j: number): number => d[i * width + j] ?? 0;
  for (let i = 0; i <= a.length; i += 1) d[i * width] = i;
  for (let j = 0; j <= b.length; j += 1) d[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * width + j] = best;
    }
  }
  return at(a.length, b.length);
}
