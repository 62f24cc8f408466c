import type { MigrationMeta } from "./migration-meta.js";
import { InvalidTargetError } from "./revision-errors.js";
import type { RevisionGraph } from "./revision-graph.js";
import { prerequisites } from "./revision-order.js";
import { resolveTarget, splitRange } from "./revision-target.js";

/**
 * `history [-r start:end]`, newest first: the revisions at or after `start` (along `revises`) and at
 * or before `end` (along `revises` and `dependsOn`), both inclusive, either side optional. `start`
 * must come before `end`. `current` and relative targets count from `rows` when given.
 */
export function revisionHistory(graph: RevisionGraph, range?: string, rows?: readonly string[]): readonly MigrationMeta[] {
  if (range === undefined) return [...graph.all()].reverse();
  const parts = splitRange(range);
  if (parts === null) throw new InvalidTargetError(range, "a history range is `start:end`, `start:` or `:end`");
  const after = parts.start === null ? null : fromStart(graph, rows ?? null, parts.start);
  const before = parts.end === null ? null : upToEnd(graph, rows ?? null, parts.end);
  if (after !== null && before !== null) {
    const outside = [...after.starts].find((id) => !before.has(id));
    if (outside !== undefined) throw new InvalidTargetError(range, `'${outside}' does not come before '${parts.end}'`);
  }
  return graph
    .all()
    .filter((meta) => (after === null || after.members.has(meta.revision)) && (before === null || before.has(meta.revision)))
    .reverse();
}

/** The revisions a range's start names, and all after them; null for no bound (`base`). */
function fromStart(
  graph: RevisionGraph,
  rows: readonly string[] | null,
  start: string,
): { readonly starts: readonly string[]; readonly members: ReadonlySet<string> } | null {
  const resolved = resolveTarget(graph, rows, start, "any");
  switch (resolved.kind) {
    case "base":
      return null;
    case "below":
      return { starts: [resolved.revision], members: graph.descendants([resolved.revision], false) };
    case "revisions":
      return { starts: resolved.revisions, members: graph.descendants(resolved.revisions, false) };
    default: {
      const unknown: never = resolved;
      throw new Error(`unknown target ${JSON.stringify(unknown)}`);
    }
  }
}

/** The revisions a range's end names, and all they need. */
function upToEnd(graph: RevisionGraph, rows: readonly string[] | null, end: string): ReadonlySet<string> {
  const resolved = resolveTarget(graph, rows, end, "any");
  switch (resolved.kind) {
    case "base":
      return new Set();
    case "below":
      return graph.ancestors(prerequisites(graph.get(resolved.revision)));
    case "revisions":
      return graph.ancestors(resolved.revisions);
    default: {
      const unknown: never = resolved;
      throw new Error(`unknown target ${JSON.stringify(unknown)}`);
    }
  }
}
