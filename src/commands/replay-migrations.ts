import type { Config } from "../config/config.js";
import type { Driver } from "../driver/driver.js";
import { upgrade } from "../runner/migrator.js";
import type { RevisionGraph } from "../runner/revision-graph.js";
import { runContext, type RunOptions } from "./run-context.js";

/**
 * Runs the migrations on a scratch database up to `targets` (revisions or `heads`; none leaves it
 * empty), as `upgrade` would, so that what they produce can be read back and compared.
 */
export async function replayMigrations(
  config: Config,
  driver: Driver,
  graph: RevisionGraph,
  targets: readonly string[],
  options: RunOptions = {},
): Promise<void> {
  const run = runContext(config, driver, graph, options);
  for (const target of targets) await upgrade(run, target);
}
