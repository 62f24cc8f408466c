import type { Config } from "../config/config.js";
import { migrationLoader } from "../runner/load-migration.js";
import { renderOfflineSql } from "../runner/offline-sql.js";
import { planDowngrade, planUpgrade, rowsForTarget, type RevisionGraph } from "../runner/revision-graph.js";
import { OfflineRangeError } from "./command-errors.js";
import { loadGraph } from "./load-graph.js";
import { versionTables } from "./run-context.js";

/**
 * `upgrade [start:]target --sql`: the SQL from `start` (default: an empty database) to `target`,
 * with no database at all.
 */
export async function offlineUpgradeSql(config: Config, spec: string): Promise<string> {
  const graph = await loadGraph(config);
  const [start, end] = splitRange(spec);
  const steps = planUpgrade(graph, rowsAt(graph, start), end ?? "head");
  return renderOfflineSql(steps, migrationLoader(), versionTables(config));
}

/** `downgrade from:to --sql`: offline, the starting revision must be stated. */
export async function offlineDowngradeSql(config: Config, spec: string): Promise<string> {
  const graph = await loadGraph(config);
  const [start, end] = splitRange(spec);
  if (start === undefined || end === undefined) throw new OfflineRangeError(spec);
  const steps = planDowngrade(graph, rowsAt(graph, start), end);
  return renderOfflineSql(steps, migrationLoader(), versionTables(config));
}

function splitRange(spec: string): [string | undefined, string | undefined] {
  const colon = spec.indexOf(":");
  if (colon < 0) return [undefined, spec];
  return [spec.slice(0, colon) || undefined, spec.slice(colon + 1) || undefined];
}

/** The version rows of a database at `revision` (none at base, or when no start is given). */
function rowsAt(graph: RevisionGraph, revision: string | undefined): readonly string[] {
  return revision === undefined ? [] : rowsForTarget(graph, revision);
}
