import type { RunResult } from "../runner/migrator.js";
import { warmMigrationBundler } from "../runner/migration-bundle.js";
import { downgrade, stamp, upgrade } from "../runner/migrator.js";
import { readVersionRows } from "../runner/version-store.js";
import { loadGraph } from "./load-graph.js";
import { withDatabase, type Project } from "./open-project.js";
import { runContext, versionTables, type RunOptions } from "./run-context.js";

/** `tidemark upgrade <target>`: applies what is missing, each migration in its own transaction by default. */
export async function upgradeProject(project: Project, target: string, options: RunOptions = {}): Promise<RunResult> {
  warmMigrationBundler();
  const graph = await loadGraph(project.config);
  return withDatabase(project, (driver) => upgrade(runContext(project.config, driver, graph, options), target));
}

/** `tidemark downgrade <target>`: reverts the migrations above the target, newest first. */
export async function downgradeProject(project: Project, target: string, options: RunOptions = {}): Promise<RunResult> {
  warmMigrationBundler();
  const graph = await loadGraph(project.config);
  return withDatabase(project, (driver) => downgrade(runContext(project.config, driver, graph, options), target));
}

/** `tidemark stamp <targets>`: records revisions as applied without running them. */
export async function stampProject(
  project: Project,
  targets: readonly string[],
  purge: boolean,
  options: RunOptions = {},
): Promise<RunResult> {
  const graph = await loadGraph(project.config);
  return withDatabase(project, (driver) => stamp(runContext(project.config, driver, graph, options), targets, purge));
}

/** The database's current heads, as the version table holds them. */
export function currentOfProject(project: Project): Promise<readonly string[]> {
  return withDatabase(project, (driver) => readVersionRows(driver, versionTables(project.config)));
}
