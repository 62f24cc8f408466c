import type { Queryable } from "../driver/driver.js";
import { quoteQualified } from "../ir/quote.js";
import { VersionRowMissingError } from "./runner-errors.js";
import { versionMoves, versionMoveSql, type HistoryEntry, type VersionTables } from "./version-store.js";

/**
 * Records a migration inside its transaction: the version-table move and the history row in one
 * statement (the moves as data-modifying CTEs), so a run of N migrations pays N round trips for
 * its bookkeeping, not 2N. The statements are those `writeVersionRows` and `recordHistory` send;
 * as there, an UPDATE that finds no row means the table was edited meanwhile, and is an error.
 */
export async function recordStep(
  tx: Queryable,
  tables: VersionTables,
  rows: { readonly before: readonly string[]; readonly after: readonly string[] },
  entry: HistoryEntry,
): Promise<void> {
  const params: unknown[] = [];
  const bind = (value: unknown): string => `$${params.push(value)}`;
  const moves = versionMoves(rows.before, rows.after);
  const ctes = moves.map((move, i) => `m${i} AS (${versionMoveSql(tables.version, move, bind)} RETURNING revision)`);
  const update = moves.findIndex((move) => move.kind === "update");
  const values = [entry.revision, entry.direction, entry.checksum, entry.message, entry.durationMs].map(bind).join(", ");
  const text =
    (ctes.length > 0 ? `WITH ${ctes.join(", ")} ` : "") +
    `INSERT INTO ${quoteQualified(tables.history.schema, tables.history.name)} ` +
    `(revision, direction, checksum, message, duration_ms) VALUES (${values}) ` +
    `RETURNING ${update < 0 ? "1" : `(SELECT count(*) FROM m${update})`}::int AS updated`;
  const [row] = await tx.query<{ updated: number }>(text, params);
  const move = moves[update];
  if (move?.kind === "update" && row?.updated !== 1) throw new VersionRowMissingError(tables.version, move.from);
}
