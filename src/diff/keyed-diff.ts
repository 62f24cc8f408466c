/** Objects of one kind on both sides, matched by key: only in `from`, only in `to`, in both. */
export interface KeyedDiff<T> {
  readonly removed: readonly T[];
  readonly added: readonly T[];
  readonly common: readonly { readonly from: T; readonly to: T }[];
}

export function keyedDiff<T>(from: Readonly<Record<string, T>>, to: Readonly<Record<string, T>>): KeyedDiff<T> {
  const removed: T[] = [];
  const common: { from: T; to: T }[] = [];
  for (const [key, value] of Object.entries(from)) {
    const other = Object.hasOwn(to, key) ? to[key] : undefined;
    if (other === undefined) removed.push(value);
    else common.push({ from: value, to: other });
  }
  const added = Object.entries(to)
    .filter(([key]) => !Object.hasOwn(from, key))
    .map(([, value]) => value);
  return { removed, added, common };
}

/** The same for lists of named things (columns), matched by name. */
export function namedDiff<T extends { readonly name: string }>(from: readonly T[], to: readonly T[]): KeyedDiff<T> {
  return keyedDiff(Object.fromEntries(from.map((item) => [item.name, item])), Object.fromEntries(to.map((item) => [item.name, item])));
}
