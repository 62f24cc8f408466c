import { join } from "node:path";
import type { Config } from "../config/config.js";
import type { Change } from "../diff/change.js";
import type { Driver } from "../driver/driver.js";
import { migrationFileName } from "../codegen/migration-file-name.js";
import { renderMigration } from "../codegen/render-migration.js";
import type { RenameNote } from "../codegen/rename-note.js";
import type { RevisionMetadata } from "../codegen/revision-metadata.js";
import { resolvePrettierOptions } from "../codegen/prettier-options.js";
import type { RevisionGraph } from "../runner/revision-graph.js";
import { invalidNameReason } from "../runner/revision-id.js";
import { readVersionRows } from "../runner/version-store.js";
import type { Plan } from "../sql/statement.js";
import { DatabaseNotAtHeadError, InvalidRevisionNameError, RevisionExistsError } from "./command-errors.js";
import { loadGraph } from "./load-graph.js";
import { autogenerateAgainstDatabase } from "./models-against-database.js";
import { withDatabase, type Project } from "./open-project.js";
import { chooseParent } from "./revision-parent.js";
import { versionTables } from "./run-context.js";

export interface RevisionOptions {
  readonly message: string;
  readonly autogenerate: boolean;
  readonly revId?: string | undefined;
  readonly head?: string | undefined;
  readonly splice?: boolean;
  readonly branchLabels?: readonly string[];
  readonly dependsOn?: readonly string[];
  /** Stated renames, `old=new`, added to the config's. */
  readonly renames?: readonly string[];
  readonly detectRenames?: boolean;
  /** Asked about each inferred rename (an interactive terminal); false turns it into drop and add. */
  readonly confirmRename?: (change: Change) => Promise<boolean>;
  /** The clock and the id source, passed in so that tests can fix them. */
  readonly now: Date;
  readonly newRevisionId: () => string;
}

/** A revision ready to be written: its file's path and text, and what it holds. */
export interface PreparedRevision {
  readonly file: string;
  readonly text: string;
  readonly meta: RevisionMetadata;
  readonly changes: readonly Change[];
  readonly plan: Plan | null;
  readonly notes: readonly RenameNote[];
}

/** `tidemark revision`: works out the next revision and renders its file, writing nothing. */
export async function prepareRevision(project: Project, options: RevisionOptions): Promise<PreparedRevision> {
  const graph = await loadGraph(project.config);
  const meta = newRevisionMeta(graph, options, chooseParent(graph, options.head, options.splice ?? false));
  const diff = options.autogenerate
    ? await withDatabase(project, (driver) => diffAtHead(project.config, driver, graph, options))
    : { changes: [], plan: null, notes: [] };
  const text = await renderMigration(
    { meta, changes: diff.changes, plan: diff.plan, notes: diff.notes },
    await resolvePrettierOptions(join(project.config.migrationsDir, "migration.ts")),
  );
  return { file: join(project.config.migrationsDir, migrationFileName(meta)), text, meta, ...diff };
}

/** The metadata of a new revision: its id (checked, or a fresh one), parent, labels and dependencies. */
export function newRevisionMeta(
  graph: RevisionGraph,
  options: Pick<RevisionOptions, "message" | "revId" | "branchLabels" | "dependsOn" | "now" | "newRevisionId">,
  revises: string | readonly string[] | null,
): RevisionMetadata {
  const revision = options.revId ?? freshId(graph, options.newRevisionId);
  checkName("revision id", revision);
  if (graph.has(revision)) throw new RevisionExistsError(revision);
  for (const label of options.branchLabels ?? []) checkName("branch label", label);
  return {
    revision,
    revises,
    message: options.message,
    createdAt: options.now,
    ...(options.branchLabels?.length ? { branchLabels: options.branchLabels } : {}),
    ...(options.dependsOn?.length ? { dependsOn: options.dependsOn.map((rev) => graph.resolve(rev).revision) } : {}),
  };
}

function freshId(graph: RevisionGraph, next: () => string): string {
  for (;;) {
    const id = next();
    if (!graph.has(id)) return id;
  }
}

function checkName(what: string, name: string): void {
  const reason = invalidNameReason(name);
  if (reason !== null) throw new InvalidRevisionNameError(what, name, reason);
}

/** Autogenerate needs the database at the migrations' heads: otherwise the diff repeats pending migrations. */
async function diffAtHead(config: Config, driver: Driver, graph: RevisionGraph, options: RevisionOptions) {
  const rows = await readVersionRows(driver, versionTables(config));
  const heads = graph.heads();
  if (rows.length !== heads.length || !rows.every((row) => heads.includes(row))) throw new DatabaseNotAtHeadError(rows, heads);
  return autogenerateAgainstDatabase(config, driver, {
    renames: [...config.renames, ...(options.renames ?? [])],
    detectRenames: options.detectRenames ?? true,
    ...(options.confirmRename === undefined ? {} : { confirmRename: options.confirmRename }),
  });
}
