import type { RevisionGraph } from "../runner/revision-graph.js";
import { MultipleHeadsError } from "../runner/revision-errors.js";
import { NotAHeadError } from "./command-errors.js";
import { resolveRevision } from "./resolve-revision.js";

/**
 * The revision a new one follows: the single head; `--head <rev>` when there are several (`base`
 * starts a new root); a revision that is not a head only with `--splice`, which starts a branch.
 */
export function chooseParent(graph: RevisionGraph, head: string | undefined, splice: boolean): string | null {
  const heads = graph.heads();
  if (head === undefined) {
    if (heads.length > 1) throw new MultipleHeadsError(heads, "head");
    return heads[0] ?? null;
  }
  if (head === "base") return null;
  const parent = resolveRevision(graph, head).revision;
  if (!heads.includes(parent) && !splice) throw new NotAHeadError(parent);
  return parent;
}
