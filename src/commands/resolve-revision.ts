import type { MigrationMeta } from "../runner/migration-meta.js";
import { InvalidTargetError } from "../runner/revision-errors.js";
import type { RevisionGraph } from "../runner/revision-graph.js";
import { resolveTarget } from "../runner/revision-target.js";

/**
 * The one revision `target` names, in the target syntax (`head`, `billing@head`, `1a2b`, `1a2b-1`),
 * for commands that take a revision rather than a destination: show, --head, --depends-on, merge.
 */
export function resolveRevision(graph: RevisionGraph, target: string): MigrationMeta {
  const resolved = resolveTarget(graph, null, target, "any");
  if (resolved.kind !== "revisions") throw new InvalidTargetError(target, "it names no revision (base is before the first)");
  const [revision, ...others] = resolved.revisions;
  if (revision === undefined || others.length > 0) {
    throw new InvalidTargetError(target, `it names ${resolved.revisions.length} revisions; name one`);
  }
  return graph.get(revision);
}
