import type { Queryable } from "../driver/driver.js";
import { inlineParameters, quoteQualified } from "../ir/quote.js";
import { VersionRowMissingError } from "./runner-errors.js";
import { versionMoves, versionMoveSql, type HistoryEntry, type VersionTables } from "./version-store.js";

/** Where a step's bookkeeping statement goes, and whether COMMIT rides along. */
export interface RecordTarget {
  readonly db: Queryable & { commitWith?(sql: string): Promise<void> };
  /** Commit with this statement (the last migration of its transaction): needs `commitWith`. */
  readonly commit: boolean;
}

/**
 * Records a migration inside its transaction: the version-table moves and the history row in one
 * statement (the moves as data-modifying CTEs), its values inlined as offline SQL inlines them, so
 * that it can share one message with COMMIT (step-transaction.ts). As with `writeVersionRows`, an
 * UPDATE that finds no row means the table was edited meanwhile, and is an error: the history row
 * takes its revision from the UPDATE's RETURNING, so a vanished row leaves it NULL, which the
 * history table's NOT NULL refuses, and the transaction rolls back with the migration in it.
 */
export async function recordStep(
  target: RecordTarget,
  tables: VersionTables,
  rows: { readonly before: readonly string[]; readonly after: readonly string[] },
  entry: HistoryEntry,
): Promise<void> {
  const moves = versionMoves(rows.before, rows.after);
  const update = moves.find((move) => move.kind === "update");
  const sql = recordStepSql(tables, moves, entry);
  try {
    if (target.commit && target.db.commitWith !== undefined) await target.db.commitWith(sql);
    else await target.db.execute(sql);
  } catch (error) {
    if (update?.kind === "update" && isRevisionNull(error, tables)) throw new VersionRowMissingError(tables.version, update.from, error);
    throw error;
  }
}

/** The column the statement of `recordStepTimedSql` returns the duration in. */
export const DURATION_COLUMN = "tidemark_duration_ms";

/**
 * The bookkeeping statement of a step whose statements share its message (one-message-step.ts):
 * the duration is the server's, from the transaction's start (the BEGIN in front of them) to this
 * statement, and comes back in `DURATION_COLUMN`.
 */
export function recordStepTimedSql(
  tables: VersionTables,
  rows: { readonly before: readonly string[]; readonly after: readonly string[] },
  entry: Omit<HistoryEntry, "durationMs">,
): string {
  const duration = "round(extract(epoch from clock_timestamp() - transaction_timestamp()) * 1000)::int";
  return recordStepSql(tables, versionMoves(rows.before, rows.after), { ...entry, durationMs: null }, duration);
}

function recordStepSql(tables: VersionTables, moves: ReturnType<typeof versionMoves>, entry: HistoryEntry, durationSql?: string): string {
  const params: unknown[] = [];
  const bind = (value: unknown): string => `$${params.push(value)}`;
  const ctes = moves.map((move, i) => `m${i} AS (${versionMoveSql(tables.version, move, bind)} RETURNING revision)`);
  const update = moves.findIndex((move) => move.kind === "update");
  const revision = update < 0 ? bind(entry.revision) : `(SELECT ${bind(entry.revision)}::text FROM m${update})`;
  const duration = durationSql ?? bind(entry.durationMs);
  const values = [revision, ...[entry.direction, entry.checksum, entry.message].map(bind), duration].join(", ");
  const text =
    (ctes.length > 0 ? `WITH ${ctes.join(", ")} ` : "") +
    `INSERT INTO ${quoteQualified(tables.history.schema, tables.history.name)} ` +
    `(revision, direction, checksum, message, duration_ms) VALUES (${values})` +
    (durationSql === undefined ? "" : ` RETURNING duration_ms AS ${DURATION_COLUMN}`);
  return inlineParameters(text, params);
}

/** PostgreSQL's not-null violation on the history table's revision: only the guard above leaves it NULL. */
function isRevisionNull(error: unknown, tables: VersionTables): boolean {
  const fields = error as { readonly code?: unknown; readonly column?: unknown; readonly table?: unknown };
  return fields.code === "23502" && fields.column === "revision" && (fields.table === undefined || fields.table === tables.history.name);
}
