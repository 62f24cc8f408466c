import type { Queryable } from "../driver/driver.js";
import { inlineParameters } from "../ir/quote.js";
import type { Schema } from "../ir/schema.js";
import type { MigrationContext } from "./migration-context.js";
import { OfflineUnsupportedError } from "./runner-errors.js";
import { schemaSnapshot } from "./schema-snapshot.js";

/** The statement a migration is running, so that a failure can name it. */
export interface StatementTracker {
  current: string | null;
  /** The statements that completed, for a failure outside a transaction to list what stayed applied. */
  readonly done: string[];
}

/** The context of a migration run against a database: `db` is its transaction, or the connection. */
export function onlineContext(
  db: Queryable,
  readSchema: () => Promise<Schema>,
  managedSchemas: readonly string[],
  tracker: StatementTracker,
): MigrationContext {
  return {
    async execute(sql, params) {
      tracker.current = sql;
      if (params !== undefined && params.length > 0) await db.query(sql, params);
      else await db.execute(sql);
      tracker.done.push(sql);
      tracker.current = null;
    },
    async query<Row extends object>(sql: string, params?: readonly unknown[]) {
      tracker.current = sql;
      const rows = await db.query<Row>(sql, params ?? []);
      tracker.current = null;
      return rows;
    },
    async inspect() {
      return schemaSnapshot(await readSchema(), managedSchemas);
    },
  };
}

/** The context of a migration rendered as SQL text: statements are collected, parameters inlined. */
export function offlineContext(revision: string, statements: string[]): MigrationContext {
  return {
    async execute(sql, params) {
      statements.push(params !== undefined && params.length > 0 ? inlineParameters(sql, params) : sql);
    },
    async query() {
      throw new OfflineUnsupportedError(revision, "query");
    },
    async inspect() {
      throw new OfflineUnsupportedError(revision, "inspect");
    },
  };
}
