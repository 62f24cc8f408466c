import { existsSync } from "node:fs";
import type { Config } from "../config/config.js";
import { readMigrationMetas } from "../runner/read-migration-meta.js";
import { RevisionGraph } from "../runner/revision-graph.js";

/**
 * The project's revision graph, from the migration files' text (nothing is executed). A project
 * with no migrations folder yet has an empty graph: `revision` creates the folder.
 */
export async function loadGraph(config: Pick<Config, "migrationsDir">): Promise<RevisionGraph> {
  if (!existsSync(config.migrationsDir)) return RevisionGraph.build([]);
  return RevisionGraph.build(await readMigrationMetas(config.migrationsDir));
}
