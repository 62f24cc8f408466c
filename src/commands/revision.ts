import { randomBytes } from "node:crypto";
import { join } from "node:path";
import type { Config } from "../config/config.js";
import type { Change } from "../diff/change.js";
import type { Driver } from "../driver/driver.js";
import type { Schema } from "../ir/schema.js";
import { migrationFileName } from "../codegen/migration-file-name.js";
import { preloadFormatter, renderMigration } from "../codegen/render-migration.js";
import type { RenameNote } from "../codegen/rename-note.js";
import type { RevisionMetadata } from "../codegen/revision-metadata.js";
import type { FormatOptions } from "../codegen/format-options.js";
import { resolvePrettierOptions } from "../codegen/prettier-options.js";
import type { RevisionGraph } from "../runner/revision-graph.js";
import { invalidNameReason } from "../runner/revision-id.js";
import { readVersionRows } from "../runner/version-store.js";
import type { Plan } from "../sql/statement.js";
import { atHeads, DatabaseNotAtHeadError, InvalidRevisionNameError, RevisionExistsError } from "./command-errors.js";
import { loadGraph } from "./load-graph.js";
import { modelsAgainstDatabase, startLoadingModels } from "./models-against-database.js";
import { withDatabase, type Project } from "./open-project.js";
import { resolveRevision } from "./resolve-revision.js";
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

/** A fresh revision id: 12 random hex characters, as Alembic makes them. */
export function randomRevisionId(): string {
  return randomBytes(6).toString("hex");
}

/** `tidemark revision`: works out the next revision and renders its file, writing nothing. */
export async function prepareRevision(project: Project, options: RevisionOptions): Promise<PreparedRevision> {
  // prettier loads and reads the project's style while the database and the models are awaited.
  const format = preloadFormatter().then(() => formatOptionsFor(project));
  format.catch(() => undefined); // awaited by renderRevision, or never when autogenerate fails first
  const graph = await loadGraph(project.config, { missingIsEmpty: true });
  const meta = newRevisionMeta(graph, options, chooseParent(graph, options.head, options.splice ?? false));
  const diff = options.autogenerate
    ? await autogenerateAtHead(project, graph, options)
    : { changes: [], plan: null, notes: [] };
  return renderRevision(project, meta, diff, format);
}

/** The prettier options of a migration file in the project's migrations folder. */
function formatOptionsFor(project: Project): Promise<FormatOptions> {
  return resolvePrettierOptions(join(project.config.migrationsDir, "migration.ts"));
}

/** The file of a new revision: its path in the migrations folder, and its text in the project's prettier style. */
export async function renderRevision(
  project: Project,
  meta: RevisionMetadata,
  diff: Pick<PreparedRevision, "changes" | "plan" | "notes">,
  format: Promise<FormatOptions> = formatOptionsFor(project),
): Promise<PreparedRevision> {
  const text = await renderMigration({ meta, ...diff }, await format);
  return { file: join(project.config.migrationsDir, migrationFileName(meta)), text, meta, changes: diff.changes, plan: diff.plan, notes: diff.notes };
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
  for (const label of options.branchLabels ?? []) {
    checkName("branch label", label);
    if (graph.isLabel(label) || graph.has(label)) throw new InvalidRevisionNameError("branch label", label, "a revision or a branch label has that name already");
  }
  return {
    revision,
    revises,
    message: options.message,
    createdAt: options.now,
    ...(options.branchLabels?.length ? { branchLabels: options.branchLabels } : {}),
    ...(options.dependsOn?.length ? { dependsOn: options.dependsOn.map((rev) => resolveRevision(graph, rev).revision) } : {}),
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

/** The models load while the database opens (a PGlite boot, a server connection) and is read. */
function autogenerateAtHead(project: Project, graph: RevisionGraph, options: RevisionOptions) {
  const models = startLoadingModels(project.config);
  return withDatabase(project, (driver) => diffAtHead(project.config, driver, graph, options, models));
}

/** Autogenerate needs the database at the migrations' heads: otherwise the diff repeats pending migrations. */
async function diffAtHead(config: Config, driver: Driver, graph: RevisionGraph, options: RevisionOptions, models: Promise<Schema>) {
  const rows = await readVersionRows(driver, versionTables(config));
  const heads = graph.heads();
  if (!atHeads(rows, heads)) throw new DatabaseNotAtHeadError(rows, heads);
  return modelsAgainstDatabase(config, driver, {
    renames: [...config.renames, ...(options.renames ?? [])],
    detectRenames: options.detectRenames ?? true,
    ...(options.confirmRename === undefined ? {} : { confirmRename: options.confirmRename }),
  }, models);
}
