import type { MigrationMeta } from "./migration-meta.js";
import { RevisionCycleError } from "./revision-errors.js";

/** What a revision needs applied before it: its parents, then its dependencies. */
export function prerequisites(meta: MigrationMeta): readonly string[] {
  return [...meta.revises, ...meta.dependsOn];
}

/**
 * The revisions in an order where every revision comes after everything it revises or depends on.
 * Among revisions that could go next, the one whose file name sorts first goes first (generated
 * names start with their creation time), then the smaller id: the same input gives the same order.
 * Every id that `prerequisites` names must be in `metas`.
 */
export function topologicalOrder(metas: readonly MigrationMeta[]): readonly MigrationMeta[] {
  const waiting = new Map<string, number>();
  const unlocks = new Map<string, string[]>();
  const byId = new Map(metas.map((meta) => [meta.revision, meta]));
  for (const meta of metas) {
    const needs = new Set(prerequisites(meta));
    waiting.set(meta.revision, needs.size);
    for (const need of needs) unlocks.set(need, [...(unlocks.get(need) ?? []), meta.revision]);
  }
  const ready = metas.filter((meta) => waiting.get(meta.revision) === 0).sort(compareMetas);
  const order: MigrationMeta[] = [];
  for (let next = ready.shift(); next !== undefined; next = ready.shift()) {
    order.push(next);
    for (const unlocked of unlocks.get(next.revision) ?? []) {
      const left = (waiting.get(unlocked) ?? 0) - 1;
      waiting.set(unlocked, left);
      const meta = byId.get(unlocked);
      if (left === 0 && meta !== undefined) insertSorted(ready, meta);
    }
  }
  if (order.length < metas.length) throw new RevisionCycleError(findCycle(metas, new Set(order.map((m) => m.revision))));
  return order;
}

function compareMetas(a: MigrationMeta, b: MigrationMeta): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.revision < b.revision ? -1 : a.revision > b.revision ? 1 : 0;
}

function insertSorted(list: MigrationMeta[], meta: MigrationMeta): void {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const other = list[mid];
    if (other !== undefined && compareMetas(other, meta) < 0) low = mid + 1;
    else high = mid;
  }
  list.splice(low, 0, meta);
}

/**
 * One loop among the revisions that could not be ordered, as `a -> b -> ... -> a` in the direction
 * of `revises` (child to parent). Every unordered revision leads into a loop, so following any
 * unordered prerequisite from any of them must come back to a revision already on the path.
 */
function findCycle(metas: readonly MigrationMeta[], ordered: ReadonlySet<string>): readonly string[] {
  const stuck = new Map(metas.filter((meta) => !ordered.has(meta.revision)).map((meta) => [meta.revision, meta]));
  const sortedIds = [...stuck.keys()].sort();
  const path: string[] = [];
  const onPath = new Map<string, number>();
  let current = sortedIds[0];
  while (current !== undefined && !onPath.has(current)) {
    onPath.set(current, path.length);
    path.push(current);
    const meta = stuck.get(current);
    current = meta === undefined ? undefined : prerequisites(meta).filter((id) => stuck.has(id)).sort()[0];
  }
  if (current === undefined) return path;
  return [...path.slice(onPath.get(current)), current];
}
