/** How to pair dropped objects of one kind and scope with added ones. */
export interface MatchSpec<T> {
  /** Equal for two objects that differ at most in their names. */
  readonly fingerprint: (item: T) => string;
  /** Null when the added name cannot be the dropped one's new name, else whether that is a guess. */
  readonly link: (from: T, to: T) => boolean | null;
}

export interface Matches<T> {
  readonly pairs: readonly { readonly from: T; readonly to: T; readonly inferred: boolean }[];
  /** Groups that pair up in more than one way: left as drops and adds. */
  readonly ambiguous: readonly { readonly dropped: readonly T[]; readonly added: readonly T[] }[];
}

const NONE: Matches<never> = { pairs: [], ambiguous: [] };

/**
 * Pairs each dropped object with the one added object it can be, when neither has another
 * candidate. Only objects with equal fingerprints are compared (a hash lookup), so the cost is
 * linear in the objects unless many share one definition.
 */
export function matchRenames<T>(dropped: readonly T[], added: readonly T[], spec: MatchSpec<T>): Matches<T> {
  if (dropped.length === 0 || added.length === 0) return NONE;
  const byFingerprint = new Map<string, T[]>();
  for (const item of added) {
    const key = spec.fingerprint(item);
    byFingerprint.set(key, [...(byFingerprint.get(key) ?? []), item]);
  }
  const edges: { readonly from: T; readonly to: T; readonly inferred: boolean }[] = [];
  for (const from of dropped) {
    for (const to of byFingerprint.get(spec.fingerprint(from)) ?? []) {
      const inferred = spec.link(from, to);
      if (inferred !== null) edges.push({ from, to, inferred });
    }
  }
  return splitClearPairs(edges);
}

/** An edge whose two ends have no other edge is a pair; the rest fall into connected groups. */
function splitClearPairs<T>(edges: readonly { readonly from: T; readonly to: T; readonly inferred: boolean }[]): Matches<T> {
  const degree = new Map<T, number>();
  for (const { from, to } of edges) {
    degree.set(from, (degree.get(from) ?? 0) + 1);
    degree.set(to, (degree.get(to) ?? 0) + 1);
  }
  const pairs = edges.filter(({ from, to }) => degree.get(from) === 1 && degree.get(to) === 1);
  const paired = new Set(pairs);
  const groups = new Map<T, { dropped: Set<T>; added: Set<T> }>();
  for (const { from, to } of edges.filter((edge) => !paired.has(edge))) {
    const group = mergeGroups(groups, from, to);
    group.dropped.add(from);
    group.added.add(to);
  }
  const ambiguous = [...new Set(groups.values())].map((group) => ({ dropped: [...group.dropped], added: [...group.added] }));
  return { pairs, ambiguous };
}

/** The group of `a` and `b`, merging theirs when both have one. */
function mergeGroups<T>(groups: Map<T, { dropped: Set<T>; added: Set<T> }>, a: T, b: T): { dropped: Set<T>; added: Set<T> } {
  const first = groups.get(a);
  const second = groups.get(b);
  const group = first ?? second ?? { dropped: new Set<T>(), added: new Set<T>() };
  if (first !== undefined && second !== undefined && first !== second) {
    for (const item of second.dropped) first.dropped.add(item);
    for (const item of second.added) first.added.add(item);
    for (const [key, value] of groups) if (value === second) groups.set(key, first);
  }
  groups.set(a, group);
  groups.set(b, group);
  return group;
}
