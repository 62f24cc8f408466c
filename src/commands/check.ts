import type { Config } from "../config/config.js";
import type { Driver } from "../driver/driver.js";
import { redactUrl } from "../driver/redact-url.js";
import type { IntrospectOptions } from "../introspect/introspect.js";
import type { Schema } from "../ir/schema.js";
import type { RevisionGraph } from "../runner/revision-graph.js";
import { readVersionRows } from "../runner/version-store.js";
import { atHeads, DatabaseNotAtHeadError, SeveralHeadsError } from "./command-errors.js";
import { compareDatabases, type SchemaDifference } from "./compare-databases.js";
import { loadGraph } from "./load-graph.js";
import { modelsAgainstDatabase, startLoadingModels } from "./models-against-database.js";
import { withDatabase, type Project } from "./open-project.js";
import { withReplayedScratch } from "./replay-migrations.js";
import { versionTables } from "./run-context.js";
import { describeShadow } from "./scratch-database.js";

export interface CheckOptions {
  /**
   * What the models are compared with: `migrations` (default), the schema the migrations produce
   * at head in a scratch database; `db`, the project's database, which must be at head (Alembic's
   * `check`).
   */
  readonly against: "migrations" | "db";
  /** Also compare the project's database with what the migrations produce at the revisions it records. */
  readonly dbDrift: boolean;
}

/**
 * One comparison `check` made. `models`: the pending changes, from the schema the models were
 * compared with to the models (what `revision --autogenerate` would write). `drift`: from what the
 * migrations produce to the project's database, so each change reads as what was done by hand.
 */
export interface CheckComparison {
  readonly kind: "models" | "drift";
  /** A heading: `models against the migrations at 1a2b3c4d5e6f`. */
  readonly title: string;
  /** What the models were compared with (models), or what the database was compared with (drift). */
  readonly against: "migrations" | "database";
  /** The revisions the compared schema is at: the heads, or the rows of the database's version table. */
  readonly revisions: readonly string[];
  readonly difference: SchemaDifference;
}

/** What `check` found: the comparisons in the order they were made (models first, then drift). */
export interface CheckResult {
  readonly heads: readonly string[];
  /** Where scratch databases were made, fit to print (see describeShadow). */
  readonly shadow: string;
  /** The project's database, password masked, when it was read (`--against db`, `--db-drift`). */
  readonly database: string | null;
  readonly comparisons: readonly CheckComparison[];
}

/**
 * Do the models match the migrations? Fails on several heads (a merge is pending). By default the
 * migrations are replayed from base to head in a scratch database (the project's shadow URL, PGlite
 * in memory unless told otherwise) and the models are planned against it; with `against: "db"` the
 * project's database, at head, stands in for the scratch one. With `dbDrift`, the project's
 * database is also compared with a scratch database replayed to the revisions it records; when it
 * is at head, one scratch database serves both comparisons. The project's database is only read.
 */
export async function checkProject(project: Project, options: CheckOptions): Promise<CheckResult> {
  const graph = await loadGraph(project.config);
  const heads = graph.heads();
  if (heads.length > 1) throw new SeveralHeadsError(heads, "check");
  const base = { heads, shadow: describeShadow(project.shadowUrl) };
  // The models load while the migrations are replayed (or the database is opened).
  const loaded = startLoadingModels(project.config);
  if (options.against === "migrations" && !options.dbDrift) {
    const models = await withReplayedScratch(project, graph, heads, (scratch) => modelsCheck(project.config, scratch, "migrations", heads, loaded));
    return { ...base, database: null, comparisons: [models] };
  }
  const comparisons = await withDatabase(project, (database) => checkWithDatabase(project, graph, database, options, loaded));
  return { ...base, database: redactUrl(project.url), comparisons };
}

async function checkWithDatabase(
  project: Project,
  graph: RevisionGraph,
  database: Driver,
  options: CheckOptions,
  loaded: Promise<Schema>,
): Promise<readonly CheckComparison[]> {
  const { config } = project;
  const heads = graph.heads();
  const rows = await readVersionRows(database, versionTables(config));
  const upToDate = atHeads(rows, heads);
  if (options.against === "db") {
    if (!upToDate) throw new DatabaseNotAtHeadError(rows, heads);
    const models = await modelsCheck(config, database, "database", heads, loaded);
    if (!options.dbDrift) return [models];
    return [models, await withReplayedScratch(project, graph, rows, (scratch) => driftCheck(config, scratch, database, rows))];
  }
  if (upToDate) {
    return withReplayedScratch(project, graph, heads, async (scratch) => [
      await modelsCheck(config, scratch, "migrations", heads, loaded),
      await driftCheck(config, scratch, database, rows),
    ]);
  }
  const models = await withReplayedScratch(project, graph, heads, (scratch) => modelsCheck(config, scratch, "migrations", heads, loaded));
  return [models, await withReplayedScratch(project, graph, rows, (scratch) => driftCheck(config, scratch, database, rows))];
}

/** The models planned against `driver` (the scratch database or the project's), renames as the config states them. */
async function modelsCheck(
  config: Config,
  driver: Driver,
  against: CheckComparison["against"],
  heads: readonly string[],
  loaded: Promise<Schema>,
): Promise<CheckComparison> {
  const compared = await modelsAgainstDatabase(config, driver, { renames: config.renames, detectRenames: true }, loaded);
  const { database, model, ...planned } = compared;
  const where = against === "migrations" ? "the migrations" : "the database";
  return {
    kind: "models",
    title: `models against ${where} at ${revisionList(heads)}`,
    against,
    revisions: heads,
    difference: { ...planned, from: database, to: model, unsupported: [] },
  };
}

/** What was done to the database by hand: from what its migrations produce (the scratch) to it. */
async function driftCheck(config: Config, scratch: Driver, database: Driver, rows: readonly string[]): Promise<CheckComparison> {
  const difference = await compareDatabases(scratch, database, introspectOptions(config));
  return {
    kind: "drift",
    title: `database against the migrations at ${revisionList(rows)}`,
    against: "migrations",
    revisions: rows,
    difference,
  };
}

function introspectOptions(config: Config): IntrospectOptions {
  return { schemas: config.schemaFilter, exclude: [config.versionTable, config.historyTable] };
}

/** Revision ids for a heading; `base` when there are none. */
export function revisionList(revisions: readonly string[]): string {
  return revisions.length === 0 ? "base" : revisions.join(", ");
}
