/** A value an enum gains, with its neighbours among the values around it. */
export interface EnumAddition {
  readonly value: string;
  readonly after: string | null;
  readonly before: string | null;
}

/**
 * The values `to` adds to `from`, each with its neighbour, when every old value stays in its order
 * (the change is then `ADD VALUE … BEFORE/AFTER`); null when a value goes or moves, so that the type
 * must be recreated.
 */
export function enumAdditions(from: readonly string[], to: readonly string[]): readonly EnumAddition[] | null {
  const kept = to.filter((value) => from.includes(value));
  if (kept.length !== from.length || kept.some((value, i) => value !== from[i])) return null;
  return to
    .map((value, i) => ({ value, i }))
    .filter(({ value }) => !from.includes(value))
    .map(({ value, i }) => ({ value, after: i > 0 ? (to[i - 1] ?? null) : null, before: to[i + 1] ?? null }));
}
