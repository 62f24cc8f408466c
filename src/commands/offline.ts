import type { Config } from "../config/config.js";
import type { TxMode } from "../runner/execute-steps.js";
import { migrationLoader } from "../runner/load-migration.js";
import { renderOfflineSql } from "../runner/offline-sql.js";
import { planDowngrade, planUpgrade, rowsForTarget, type RevisionGraph } from "../runner/revision-graph.js";
import { splitRange } from "../runner/revision-target.js";
import { OfflineRangeError } from "./command-errors.js";
import { loadGraph } from "./load-graph.js";
import { versionTables } from "./run-context.js";

/**
 * `upgrade [start:]target --sql`: the SQL from `start` (default: an empty database) to `target`
 * (default head), with no database at all, in the transactions `txMode` gives an online run.
 */
export async function offlineUpgradeSql(config: Config, spec: string, txMode: TxMode): Promise<string> {
  const graph = await loadGraph(config);
  const range = splitRange(spec);
  const steps = range === null
    ? planUpgrade(graph, [], spec)
    : planUpgrade(graph, rowsAt(graph, range.start), range.end ?? "head");
  return renderOfflineSql(steps, migrationLoader(), versionTables(config), txMode);
}

/** `downgrade from:to --sql`: offline, the starting revision must be stated. */
export async function offlineDowngradeSql(config: Config, spec: string, txMode: TxMode): Promise<string> {
  const graph = await loadGraph(config);
  const range = splitRange(spec);
  if (range === null || range.start === null || range.end === null) throw new OfflineRangeError(spec);
  const steps = planDowngrade(graph, rowsAt(graph, range.start), range.end);
  return renderOfflineSql(steps, migrationLoader(), versionTables(config), txMode);
}

/** The version rows of a database at `revision` (none at base, or when no start is given). */
function rowsAt(graph: RevisionGraph, revision: string | null): readonly string[] {
  return revision === null ? [] : rowsForTarget(graph, revision);
}
