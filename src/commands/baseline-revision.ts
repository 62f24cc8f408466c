import { diffSources } from "./diff-sources.js";
import { loadGraph } from "./load-graph.js";
import type { Project } from "./open-project.js";
import { newRevisionMeta, renderRevision, type PreparedRevision, type RevisionOptions } from "./revision.js";
import { MigrationsNotEmptyError } from "./starting-point-errors.js";

/** A baseline ready to be written, and what the database holds that it leaves out. */
export interface PreparedBaseline extends PreparedRevision {
  /** Objects tidemark does not manage (functions, triggers…), `kind schema.name`: not in the file. */
  readonly unsupported: readonly string[];
}

export type BaselineOptions = Pick<RevisionOptions, "message" | "revId" | "branchLabels" | "now" | "newRevisionId">;

/**
 * `tidemark revision --autogenerate --from-empty`: the first revision of a project whose database
 * exists already. Its up creates the database's schema (within `schemaFilter`, tidemark's own
 * tables left out) from nothing and its down drops it; the models are not read. Only for a
 * migrations folder with no revisions: `stamp head` then marks it applied, and the next
 * autogenerate compares the models with the database as usual. Writes nothing.
 */
export async function prepareBaseline(project: Project, options: BaselineOptions): Promise<PreparedBaseline> {
  const graph = await loadGraph(project.config, { missingIsEmpty: true });
  const count = graph.all().length;
  if (count > 0) throw new MigrationsNotEmptyError(project.config.migrationsDir, count, "--from-empty", project.config.root);
  const meta = newRevisionMeta(graph, options, null);
  const difference = await diffSources(project, { kind: "empty" }, { kind: "db" });
  const prepared = await renderRevision(project, meta, difference);
  return { ...prepared, unsupported: difference.unsupported };
}
