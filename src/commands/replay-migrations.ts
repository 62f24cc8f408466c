import type { Config } from "../config/config.js";
import type { Driver } from "../driver/driver.js";
import { upgrade } from "../runner/migrator.js";
import type { RevisionGraph } from "../runner/revision-graph.js";
import { MigrationFailedError } from "../runner/runner-errors.js";
import type { Project } from "./open-project.js";
import { ReplayFailedError } from "./replay-errors.js";
import { runContext, type RunOptions } from "./run-context.js";
import { withScratchDatabase } from "./scratch-database.js";

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

/**
 * Runs `work` on a scratch database (the project's shadow URL) the migrations were replayed on up
 * to `targets`. A migration that fails names itself and says where it ran (ReplayFailedError).
 */
export async function withReplayedScratch<T>(
  project: Project,
  graph: RevisionGraph,
  targets: readonly string[],
  work: (scratch: Driver) => Promise<T>,
): Promise<T> {
  const { config, shadowUrl } = project;
  return withScratchDatabase(shadowUrl, config.root, async (scratch) => {
    try {
      await replayMigrations(config, scratch, graph, targets);
    } catch (error) {
      if (error instanceof MigrationFailedError) throw new ReplayFailedError(error, shadowUrl, config.root);
      throw error;
    }
    return work(scratch);
  });
}
