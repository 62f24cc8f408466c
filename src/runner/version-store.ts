import type { Queryable } from "../driver/driver.js";
import type { QualifiedName } from "../ir/qualified-name.js";
import { quoteIdent, quoteQualified } from "../ir/quote.js";

/** Where tidemark keeps its own state: the current heads, and every migration ever run. */
export interface VersionTables {
  readonly version: QualifiedName;
  readonly history: QualifiedName;
}

/** One row of the history table: a migration applied, reverted or stamped. */
export interface HistoryRow {
  readonly id: number;
  readonly revision: string;
  readonly direction: "up" | "down" | "stamp";
  readonly checksum: string | null;
  readonly message: string;
  readonly appliedAt: string;
  readonly durationMs: number | null;
}

/** What the next history row records. */
export interface HistoryEntry {
  readonly revision: string;
  readonly direction: HistoryRow["direction"];
  readonly checksum: string | null;
  readonly message: string;
  readonly durationMs: number | null;
}

/**
 * The statements that create both tables when missing. The version table holds one row per current
 * head, as Alembic's `alembic_version` does; the history table is an append-only log.
 */
export function createTablesSql(tables: VersionTables): readonly string[] {
  const version = quoteQualified(tables.version.schema, tables.version.name);
  const history = quoteQualified(tables.history.schema, tables.history.name);
  return [
    `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(tables.version.schema)}`,
    `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(tables.history.schema)}`,
    `CREATE TABLE IF NOT EXISTS ${version} (revision varchar(64) NOT NULL PRIMARY KEY)`,
    `CREATE TABLE IF NOT EXISTS ${history} (` +
      "id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, revision varchar(64) NOT NULL, " +
      "direction varchar(8) NOT NULL CHECK (direction IN ('up', 'down', 'stamp')), checksum varchar(64), " +
      "message text NOT NULL DEFAULT '', applied_at timestamptz NOT NULL DEFAULT now(), duration_ms integer)",
  ];
}

export async function ensureVersionTables(db: Queryable, tables: VersionTables): Promise<void> {
  if (await tablesExist(db, tables)) return;
  for (const sql of createTablesSql(tables)) await db.execute(sql);
}

async function tablesExist(db: Queryable, tables: VersionTables): Promise<boolean> {
  const [row] = await db.query<{ version: boolean; history: boolean }>(
    "select to_regclass($1) is not null as version, to_regclass($2) is not null as history",
    [quoteQualified(tables.version.schema, tables.version.name), quoteQualified(tables.history.schema, tables.history.name)],
  );
  return row?.version === true && row.history === true;
}

/** The current heads; none when the version table does not exist yet. */
export async function readVersionRows(db: Queryable, tables: VersionTables): Promise<readonly string[]> {
  const [exists] = await db.query<{ present: boolean }>("select to_regclass($1) is not null as present", [
    quoteQualified(tables.version.schema, tables.version.name),
  ]);
  if (exists?.present !== true) return [];
  const rows = await db.query<{ revision: string }>(
    `select revision from ${quoteQualified(tables.version.schema, tables.version.name)} order by revision`,
  );
  return rows.map((row) => row.revision);
}

/** Moves the version table from `before` to `after`, touching only the rows that change. */
export async function writeVersionRows(
  db: Queryable,
  tables: VersionTables,
  before: readonly string[],
  after: readonly string[],
): Promise<void> {
  for (const sql of versionRowsSql(tables, before, after)) {
    await db.query(sql.text, sql.params);
  }
}

/** The same as statements with parameters, shared with offline SQL. */
export function versionRowsSql(
  tables: VersionTables,
  before: readonly string[],
  after: readonly string[],
): readonly { readonly text: string; readonly params: readonly string[] }[] {
  const table = quoteQualified(tables.version.schema, tables.version.name);
  const removed = before.filter((revision) => !after.includes(revision));
  const added = after.filter((revision) => !before.includes(revision));
  const statements: { text: string; params: string[] }[] = [];
  // One head becoming another is an UPDATE, as Alembic writes it; the rest are deletes and inserts.
  if (removed.length === 1 && added.length === 1) {
    return [{ text: `UPDATE ${table} SET revision = $1 WHERE revision = $2`, params: [added[0] ?? "", removed[0] ?? ""] }];
  }
  for (const revision of removed) statements.push({ text: `DELETE FROM ${table} WHERE revision = $1`, params: [revision] });
  for (const revision of added) statements.push({ text: `INSERT INTO ${table} (revision) VALUES ($1)`, params: [revision] });
  return statements;
}

export function historyInsertSql(tables: VersionTables, entry: HistoryEntry): { readonly text: string; readonly params: readonly unknown[] } {
  return {
    text:
      `INSERT INTO ${quoteQualified(tables.history.schema, tables.history.name)} ` +
      "(revision, direction, checksum, message, duration_ms) VALUES ($1, $2, $3, $4, $5)",
    params: [entry.revision, entry.direction, entry.checksum, entry.message, entry.durationMs],
  };
}

export async function recordHistory(db: Queryable, tables: VersionTables, entry: HistoryEntry): Promise<void> {
  const { text, params } = historyInsertSql(tables, entry);
  await db.query(text, params);
}

/** Every history row, oldest first; none when the table does not exist yet. */
export async function readHistory(db: Queryable, tables: VersionTables): Promise<readonly HistoryRow[]> {
  const name = quoteQualified(tables.history.schema, tables.history.name);
  const [exists] = await db.query<{ present: boolean }>("select to_regclass($1) is not null as present", [name]);
  if (exists?.present !== true) return [];
  return db.query<HistoryRow>(
    "select id::int as id, revision, direction, checksum, message, " +
      `to_char(applied_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "appliedAt", duration_ms as "durationMs" ` +
      `from ${name} order by id`,
  );
}

/** The checksum each applied revision was last applied (or stamped) with. */
export function appliedChecksums(history: readonly HistoryRow[]): ReadonlyMap<string, string | null> {
  const checksums = new Map<string, string | null>();
  for (const row of history) {
    if (row.direction === "down") checksums.delete(row.revision);
    else checksums.set(row.revision, row.checksum);
  }
  return checksums;
}
