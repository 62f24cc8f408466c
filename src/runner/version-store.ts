import type { Queryable } from "../driver/driver.js";
import type { QualifiedName } from "../ir/qualified-name.js";
import { quoteIdent, quoteQualified } from "../ir/quote.js";
import { VersionRowMissingError, VersionTablesError } from "./runner-errors.js";

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
 * The statements that create both tables when missing, each schema once. The version table holds one
 * row per current head, as Alembic's `alembic_version` does; the history table is an append-only log.
 */
export function createTablesSql(tables: VersionTables): readonly string[] {
  const version = quoteQualified(tables.version.schema, tables.version.name);
  const history = quoteQualified(tables.history.schema, tables.history.name);
  const schemas = [...new Set([tables.version.schema, tables.history.schema])];
  return [
    ...schemas.map((schema) => `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`),
    `CREATE TABLE IF NOT EXISTS ${version} (revision varchar(64) NOT NULL PRIMARY KEY)`,
    `CREATE TABLE IF NOT EXISTS ${history} (` +
      "id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, revision varchar(64) NOT NULL, " +
      "direction varchar(8) NOT NULL CHECK (direction IN ('up', 'down', 'stamp')), checksum varchar(64), " +
      "message text NOT NULL DEFAULT '', applied_at timestamptz NOT NULL DEFAULT now(), duration_ms integer)",
  ];
}

/**
 * Creates the tables when missing. A schema is created only when it is missing too: PostgreSQL
 * checks `CREATE SCHEMA IF NOT EXISTS` against the database's CREATE privilege even when the
 * schema exists, which a least-privilege deploy role lacks.
 */
export async function ensureVersionTables(db: Queryable, tables: VersionTables): Promise<void> {
  if (await tablesExist(db, tables)) return;
  try {
    for (const schema of new Set([tables.version.schema, tables.history.schema])) {
      const [row] = await db.query<{ present: boolean }>("select to_regnamespace($1) is not null as present", [quoteIdent(schema)]);
      if (row?.present !== true) await db.execute(`CREATE SCHEMA ${quoteIdent(schema)}`);
    }
    for (const sql of createTablesSql(tables).filter((statement) => statement.startsWith("CREATE TABLE"))) await db.execute(sql);
  } catch (error) {
    throw new VersionTablesError(tables, error);
  }
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
    // An UPDATE that finds no row would lose a head in silence: the table was edited meanwhile.
    if (!sql.text.startsWith("UPDATE")) await db.query(sql.text, sql.params);
    else if ((await db.query(`${sql.text} RETURNING revision`, sql.params)).length !== 1) throw new VersionRowMissingError(tables.version, sql.params[1] ?? "");
  }
}

/** One change to the version table: a head replaced by another, removed, or added. */
export type VersionMove =
  | { readonly kind: "update"; readonly from: string; readonly to: string }
  | { readonly kind: "delete"; readonly revision: string }
  | { readonly kind: "insert"; readonly revision: string };

/** The moves that take the version table from `before` to `after`, touching only the rows that change. */
export function versionMoves(before: readonly string[], after: readonly string[]): readonly VersionMove[] {
  const removed = before.filter((revision) => !after.includes(revision));
  const added = after.filter((revision) => !before.includes(revision));
  // One head becoming another is an UPDATE, as Alembic writes it; the rest are deletes and inserts.
  const [from] = removed;
  const [to] = added;
  if (removed.length === 1 && added.length === 1 && from !== undefined && to !== undefined) return [{ kind: "update", from, to }];
  return [
    ...removed.map((revision) => ({ kind: "delete" as const, revision })),
    ...added.map((revision) => ({ kind: "insert" as const, revision })),
  ];
}

/** A move as one statement on the version table, its values bound by `bind` (which returns the placeholder). */
export function versionMoveSql(table: QualifiedName, move: VersionMove, bind: (value: string) => string): string {
  const name = quoteQualified(table.schema, table.name);
  switch (move.kind) {
    case "update": {
      const to = bind(move.to);
      return `UPDATE ${name} SET revision = ${to} WHERE revision = ${bind(move.from)}`;
    }
    case "delete":
      return `DELETE FROM ${name} WHERE revision = ${bind(move.revision)}`;
    case "insert":
      return `INSERT INTO ${name} (revision) VALUES (${bind(move.revision)})`;
    default: {
      const unknown: never = move;
      throw new Error(`unknown version move ${JSON.stringify(unknown)}`);
    }
  }
}

/** The same as statements with parameters, shared with offline SQL. */
export function versionRowsSql(
  tables: VersionTables,
  before: readonly string[],
  after: readonly string[],
): readonly { readonly text: string; readonly params: readonly string[] }[] {
  return versionMoves(before, after).map((move) => {
    const params: string[] = [];
    const text = versionMoveSql(tables.version, move, (value) => `$${params.push(value)}`);
    return { text, params };
  });
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
