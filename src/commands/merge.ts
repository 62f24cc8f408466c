import { MergeOfAncestorError, NothingToMergeError } from "./command-errors.js";
import { loadGraph } from "./load-graph.js";
import type { Project } from "./open-project.js";
import { resolveRevision } from "./resolve-revision.js";
import { newRevisionMeta, renderRevision, type PreparedRevision } from "./revision.js";

export interface MergeOptions {
  readonly message: string;
  /** Revisions to join, or `heads` for every head. */
  readonly revisions: readonly string[];
  readonly revId?: string | undefined;
  readonly branchLabels?: readonly string[];
  readonly now: Date;
  readonly newRevisionId: () => string;
}

/** `tidemark merge heads -m "..."`: a revision with no statements that follows several heads. */
export async function prepareMerge(project: Project, options: MergeOptions): Promise<PreparedRevision> {
  const graph = await loadGraph(project.config);
  const parents = [...new Set(options.revisions.flatMap((rev) => (rev === "heads" ? graph.heads() : [resolveRevision(graph, rev).revision])))];
  if (parents.length < 2) throw new NothingToMergeError(parents);
  for (const parent of parents) {
    const descendant = parents.find((other) => other !== parent && graph.ancestors([other]).has(parent));
    if (descendant !== undefined) throw new MergeOfAncestorError(parent, descendant);
  }
  return renderRevision(project, newRevisionMeta(graph, options, parents), { changes: [], plan: null, notes: [] });
}
