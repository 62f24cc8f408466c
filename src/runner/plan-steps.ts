import { appliedSet, versionRows } from "./applied-set.js";
import type { MigrationMeta } from "./migration-meta.js";
import { InvalidDowngradeTargetError, InvalidTargetError } from "./revision-errors.js";
import type { RevisionGraph } from "./revision-graph.js";
import { prerequisites } from "./revision-order.js";
import { resolveTarget, type ResolvedTarget } from "./revision-target.js";

/**
 * One migration to run, and the version table around it: after the step, delete
 * `rowsBefore − rowsAfter` and insert `rowsAfter − rowsBefore`. The first step's `rowsBefore` is
 * the rows as given (so stray rows are cleaned up); each later one is the previous `rowsAfter`.
 */
export interface Step {
  readonly meta: MigrationMeta;
  readonly direction: "up" | "down";
  readonly rowsBefore: readonly string[];
  readonly rowsAfter: readonly string[];
}

/**
 * The migrations that take a database at `rows` to `target`: everything the target needs that is
 * not applied yet, parents and dependencies first. A target already applied needs no step.
 */
export function planUpgrade(graph: RevisionGraph, rows: readonly string[], target: string): readonly Step[] {
  const applied = appliedSet(graph, rows);
  const resolved = resolveTarget(graph, rows, target, "upgrade");
  if (resolved.kind !== "revisions") return [];
  const needed = [...graph.ancestors(resolved.revisions)].filter((id) => !applied.has(id));
  return steps(graph, rows, applied, graph.sorted(needed), "up");
}

/**
 * The migrations to undo to bring a database at `rows` down to `target`: everything applied after
 * it (by `revises` or `dependsOn`), what depends on it last undone first. The target must be
 * applied; it stays applied. `base` undoes everything, `<label>@base` just that branch.
 */
export function planDowngrade(graph: RevisionGraph, rows: readonly string[], target: string): readonly Step[] {
  const applied = appliedSet(graph, rows);
  const resolved = resolveTarget(graph, rows, target, "downgrade");
  const kept = lowered(graph, applied, resolved, target);
  const undone = [...graph.sorted([...applied].filter((id) => !kept.has(id)))].reverse();
  return steps(graph, rows, applied, undone, "down");
}

/**
 * The version rows after `stamp <targets…>`: each target in turn moves the applied set up to it
 * (adding what it needs) or down to it (removing what follows it), without running anything.
 * With `purge`, the current rows are ignored (they may name revisions that no longer exist).
 */
export function planStamp(graph: RevisionGraph, rows: readonly string[], targets: readonly string[], purge: boolean): readonly string[] {
  let applied: ReadonlySet<string> = purge ? new Set() : appliedSet(graph, rows);
  for (const target of targets) {
    const resolved = resolveTarget(graph, versionRows(graph, applied), target, "any");
    if (resolved.kind === "revisions") {
      for (const revision of resolved.revisions) {
        const moved = { ...resolved, revisions: [revision] };
        applied = applied.has(revision) ? lowered(graph, applied, moved, target) : new Set([...applied, ...graph.ancestors([revision])]);
      }
    } else {
      applied = lowered(graph, applied, resolved, target);
    }
  }
  return versionRows(graph, applied);
}

/**
 * The version rows of a database that stands at `target`, for offline SQL (`--sql start:end`),
 * where there is no database to ask. Relative targets (`+1`, `current`) need one and are refused.
 */
export function rowsForTarget(graph: RevisionGraph, target: string): readonly string[] {
  const resolved = resolveTarget(graph, null, target, "any");
  switch (resolved.kind) {
    case "base":
      return [];
    case "below":
      return versionRows(graph, graph.ancestors(prerequisites(graph.get(resolved.revision))));
    case "revisions":
      return versionRows(graph, graph.ancestors(resolved.revisions));
    default: {
      const unknown: never = resolved;
      throw new Error(`unknown target ${JSON.stringify(unknown)}`);
    }
  }
}

/** What stays applied when going down to `resolved`. */
function lowered(graph: RevisionGraph, applied: ReadonlySet<string>, resolved: ResolvedTarget, target: string): ReadonlySet<string> {
  const removed = graph.descendants(undoRoots(graph, applied, resolved, target));
  return new Set([...applied].filter((id) => !removed.has(id)));
}

/** The first revisions to undo; they and all after them are undone. */
function undoRoots(graph: RevisionGraph, applied: ReadonlySet<string>, resolved: ResolvedTarget, target: string): readonly string[] {
  switch (resolved.kind) {
    case "base":
      return graph.bases();
    case "below":
      return [resolved.revision];
    case "revisions": {
      const [revision, ...others] = resolved.revisions;
      if (revision === undefined || others.length > 0) {
        throw new InvalidTargetError(target, `it names ${resolved.revisions.length} revisions, and a downgrade goes to one`);
      }
      if (!applied.has(revision)) throw new InvalidDowngradeTargetError(target, versionRows(graph, applied));
      const children = graph.children(revision);
      const { branch } = resolved;
      if (branch === null) return children;
      const onBranch = graph.ancestors(graph.heads().filter((id) => branch.members.has(id)), false);
      return children.filter((id) => onBranch.has(id));
    }
    default: {
      const unknown: never = resolved;
      throw new Error(`unknown target ${JSON.stringify(unknown)}`);
    }
  }
}

function steps(
  graph: RevisionGraph,
  rows: readonly string[],
  applied: ReadonlySet<string>,
  order: readonly string[],
  direction: "up" | "down",
): readonly Step[] {
  const current = new Set(applied);
  let rowsBefore = graph.sorted(rows);
  let heads: Set<string> | null = null;
  return order.map((revision) => {
    if (direction === "up") current.add(revision);
    else current.delete(revision);
    // The first step computes the rows in full (the rows given may hold strays); later ones move them.
    heads = heads === null ? new Set(versionRows(graph, current)) : movedRows(graph, heads, current, revision);
    const rowsAfter = graph.sorted(heads);
    const step: Step = { meta: graph.get(revision), direction, rowsBefore, rowsAfter };
    rowsBefore = rowsAfter;
    return step;
  });
}

/**
 * `versionRows(graph, current)` from the rows before one revision entered or left `current`, in
 * time proportional to the revision's parents and children rather than to the applied set: only
 * the revision and what it revises can change being a row.
 */
function movedRows(graph: RevisionGraph, rows: Set<string>, current: ReadonlySet<string>, revision: string): Set<string> {
  const isRow = (id: string) => current.has(id) && !graph.children(id).some((child) => current.has(child));
  const { revises } = graph.get(revision);
  for (const id of [revision, ...revises]) {
    if (isRow(id)) rows.add(id);
    else rows.delete(id);
  }
  return rows;
}
