import { existsSync } from "node:fs";
import type { Config } from "../config/config.js";
import { readMigrationMetas } from "../runner/read-migration-meta.js";
import { RevisionGraph } from "../runner/revision-graph.js";

/**
 * The project's revision graph, from the migration files' text (nothing is executed). A missing
 * migrations folder is an error (a misspelt `migrations` in the config, a wrong working
 * directory), except for `revision`, which creates it: `missingIsEmpty`.
 */
export async function loadGraph(config: Pick<Config, "migrationsDir">, options: { readonly missingIsEmpty?: boolean } = {}): Promise<RevisionGraph> {
  if (options.missingIsEmpty === true && !existsSync(config.migrationsDir)) return RevisionGraph.build([]);
  return RevisionGraph.build(await readMigrationMetas(config.migrationsDir));
}
