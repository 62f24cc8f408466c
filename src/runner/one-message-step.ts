import type { Queryable } from "../driver/driver.js";
import type { ExecutedStep } from "./executed-step.js";
import type { Step } from "./revision-graph.js";
import { DURATION_COLUMN, recordStepTimedSql } from "./record-step.js";
import type { VersionTables } from "./version-store.js";

/**
 * A migration in its own transaction, in one message: BEGIN, its statements, the bookkeeping
 * statement (version move and history row) and COMMIT. PostgreSQL runs a multi-statement message in
 * order and stops at the first error, so the guarantees are those of the statement-at-a-time path:
 * all of it commits, or none of it. Only a migration whose statements are known before it runs
 * (plain-migration.ts) can go this way; 1,000 small ones cost 1,000 round trips instead of 3,000.
 *
 * When the message fails, the transaction is rolled back (or never began, after a syntax error,
 * which the server finds before running anything) and the error comes back: the caller runs the
 * migration again statement by statement, which names the failing statement (or the vanished
 * version row, or COMMIT) as it always has.
 */
export async function runInOneMessage(
  db: Queryable,
  step: Step,
  statements: readonly string[],
  tables: VersionTables,
): Promise<{ readonly executed: ExecutedStep } | { readonly failed: unknown }> {
  const bookkeeping = recordStepTimedSql(tables, { before: step.rowsBefore, after: step.rowsAfter }, {
    revision: step.meta.revision,
    direction: step.direction,
    checksum: step.meta.checksum,
    message: step.meta.message,
  });
  let results: readonly (readonly object[])[];
  try {
    results = await db.queryBatch([oneMessage(statements, bookkeeping)]);
  } catch (error) {
    await db.execute("ROLLBACK").catch(() => undefined);
    return { failed: error };
  }
  const durationMs = durationOf(results);
  return { executed: { revision: step.meta.revision, direction: step.direction, message: step.meta.message, file: step.meta.file, durationMs } };
}

/**
 * Each statement on lines of its own, ended by a `;` on a line of its own: a statement that ends in
 * a `--` comment, or with its own semicolon, stays one statement (an empty one between two `;` is
 * nothing to PostgreSQL).
 */
function oneMessage(statements: readonly string[], bookkeeping: string): string {
  return ["BEGIN;", ...statements.map((sql) => `${sql}\n;`), `${bookkeeping};`, "COMMIT"].join("\n");
}

/** The duration the bookkeeping statement returned: the last result before COMMIT's with that column. */
function durationOf(results: readonly (readonly object[])[]): number {
  for (const rows of [...results].reverse()) {
    const value = (rows[0] as Record<string, unknown> | undefined)?.[DURATION_COLUMN];
    if (typeof value === "number") return value;
  }
  return 0;
}
