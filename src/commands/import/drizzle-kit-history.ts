import type { Queryable } from "../../driver/driver.js";
import type { QualifiedName } from "../../ir/qualified-name.js";
import { quoteQualified } from "../../ir/quote.js";
import type { DrizzleKitMigration } from "./drizzle-kit-folder.js";
import { DrizzleKitHistoryMismatchError } from "./import-errors.js";

/** A row of drizzle-orm's migrations table: what its migrator ran, by hash and journal time. */
export interface DrizzleHistoryRow {
  readonly hash: string;
  readonly createdAt: number;
}

/** The rows of drizzle-orm's migrations table, oldest first; null when the database has no such table. */
export async function readDrizzleHistory(db: Queryable, table: QualifiedName): Promise<readonly DrizzleHistoryRow[] | null> {
  const name = quoteQualified(table.schema, table.name);
  const [exists] = await db.query<{ present: boolean }>("select to_regclass($1) is not null as present", [name]);
  if (exists?.present !== true) return null;
  const rows = await db.query<{ hash: string; createdAt: string | null }>(`select hash, created_at::text as "createdAt" from ${name} order by id`);
  return rows.map((row) => ({ hash: row.hash, createdAt: Number(row.createdAt) }));
}

/**
 * The index (in journal order) of the last migration drizzle-orm's migrator ran, as it decides it
 * (every entry up to the newest `created_at`), or null when it ran none. Each row must be a
 * journal entry with the same `when` and the same hash: otherwise the folder is not the one the
 * database was migrated from (DrizzleKitHistoryMismatchError). Pure.
 */
export function lastAppliedIndex(migrations: readonly DrizzleKitMigration[], rows: readonly DrizzleHistoryRow[], table: QualifiedName): number | null {
  let last: number | null = null;
  for (const row of rows) {
    const index = migrations.findIndex((migration) => migration.when === row.createdAt);
    const migration = migrations[index];
    if (migration === undefined) throw new DrizzleKitHistoryMismatchError(table, row.createdAt, null);
    if (migration.hash !== row.hash) throw new DrizzleKitHistoryMismatchError(table, row.createdAt, migration.file);
    last = Math.max(last ?? index, index);
  }
  return last;
}
