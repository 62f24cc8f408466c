import { UnknownRevisionInDatabaseError } from "./revision-errors.js";
import type { RevisionGraph } from "./revision-graph.js";

/**
 * The revisions a database has applied, from its version-table rows: the rows and everything they
 * revise or depend on, transitively. Every plan is a change of this set.
 */
export function appliedSet(graph: RevisionGraph, rows: readonly string[]): ReadonlySet<string> {
  const unknown = rows.find((row) => !graph.has(row));
  if (unknown !== undefined) throw new UnknownRevisionInDatabaseError(unknown);
  return graph.ancestors(rows);
}

/**
 * The version-table rows that record an applied set: its members that no other member revises.
 * A revision that is only depended on stays a row, as in Alembic. In the graph's order.
 */
export function versionRows(graph: RevisionGraph, applied: ReadonlySet<string>): readonly string[] {
  const revised = new Set<string>();
  for (const revision of applied) for (const parent of graph.get(revision).revises) revised.add(parent);
  return graph.sorted([...applied].filter((revision) => !revised.has(revision)));
}
