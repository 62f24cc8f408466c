import { join } from "node:path";
import { migrationFileName } from "../codegen/migration-file-name.js";
import { renderMigration } from "../codegen/render-migration.js";
import { resolvePrettierOptions } from "../codegen/prettier-options.js";
import type { RevisionMetadata } from "../codegen/revision-metadata.js";
import { NothingToMergeError } from "./command-errors.js";
import { loadGraph } from "./load-graph.js";
import type { Project } from "./open-project.js";
import type { PreparedRevision } from "./revision.js";
import { newRevisionMeta } from "./revision.js";

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
  const parents = [...new Set(options.revisions.flatMap((rev) => (rev === "heads" ? graph.heads() : [graph.resolve(rev).revision])))];
  if (parents.length < 2) throw new NothingToMergeError(parents);
  const meta: RevisionMetadata = newRevisionMeta(graph, options, parents);
  const text = await renderMigration(
    { meta, changes: [], plan: null, notes: [] },
    await resolvePrettierOptions(join(project.config.migrationsDir, "migration.ts")),
  );
  return { file: join(project.config.migrationsDir, migrationFileName(meta)), text, meta, changes: [], plan: null, notes: [] };
}
