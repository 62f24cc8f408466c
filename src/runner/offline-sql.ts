import { inlineParameters } from "../ir/quote.js";
import { transactionGroups, type TxMode } from "./execute-steps.js";
import type { MigrationLoader } from "./load-migration.js";
import { offlineContext } from "./migration-contexts.js";
import type { Step } from "./revision-graph.js";
import { createTablesSql, historyInsertSql, versionRowsSql, type VersionTables } from "./version-store.js";

/**
 * The first lines of every offline script. Without ON_ERROR_STOP psql carries on after an error: a
 * failed migration rolls back, and the next ones run on the schema it left unchanged.
 */
export const OFFLINE_SQL_HEADER = [
  "-- Run this with: psql -v ON_ERROR_STOP=1 -f <this file>",
  "-- Without ON_ERROR_STOP, psql goes on after an error: a failed migration rolls back and the next ones run on the old schema.",
].join("\n");

const OUTSIDE = "-- (runs outside a transaction; its version and history rows are recorded after it)";

/** A migration rendered: what it runs, and the version and history rows that record it. */
interface RenderedStep {
  readonly heading: string;
  readonly statements: readonly string[];
  readonly bookkeeping: readonly string[];
}

/**
 * The SQL a run would execute, for a DBA to review and run with psql: the version tables, then the
 * migrations in the transactions an online run with `txMode` opens (transactionGroups): BEGIN and
 * COMMIT around each group, and around the version and history rows of a migration that runs
 * outside one, which an online run records in a transaction of their own.
 */
export async function renderOfflineSql(
  steps: readonly Step[],
  load: MigrationLoader,
  tables: VersionTables,
  txMode: TxMode,
): Promise<string> {
  const parts: string[] = [OFFLINE_SQL_HEADER, createTablesSql(tables).map(terminate).join("\n")];
  await load.prepare?.(steps.map((step) => step.meta));
  for (const group of transactionGroups(steps, txMode)) {
    const rendered: RenderedStep[] = [];
    for (const step of group.steps) rendered.push(await renderStep(step, load, tables));
    const lines = group.transactional
      ? ["BEGIN;", ...rendered.flatMap((step) => [step.heading, ...step.statements, ...step.bookkeeping]), "COMMIT;"]
      : rendered.flatMap((step) => [step.heading, OUTSIDE, ...step.statements, "BEGIN;", ...step.bookkeeping, "COMMIT;"]);
    parts.push(lines.join("\n"));
  }
  return `${parts.join("\n\n")}\n`;
}

async function renderStep(step: Step, load: MigrationLoader, tables: VersionTables): Promise<RenderedStep> {
  const migration = await load(step.meta);
  const statements: string[] = [];
  const context = offlineContext(step.meta.revision, statements);
  await (step.direction === "up" ? migration.up(context) : migration.down(context));
  const bookkeeping = [
    ...versionRowsSql(tables, step.rowsBefore, step.rowsAfter),
    historyInsertSql(tables, {
      revision: step.meta.revision,
      direction: step.direction,
      checksum: step.meta.checksum,
      message: step.meta.message,
      durationMs: null,
    }),
  ].map((sql) => inlineParameters(sql.text, sql.params));
  // The revisions it follows (Alembic's heading), not the rows of other branches beside it.
  const parents = step.meta.revises.join(", ") || "<base>";
  const arrow = step.direction === "up" ? `${parents} -> ${step.meta.revision}` : `${step.meta.revision} -> ${parents}`;
  return {
    heading: `-- Running ${step.direction === "up" ? "upgrade" : "downgrade"} ${arrow}: ${step.meta.message.replace(/\s+/g, " ")}`,
    statements: statements.map(terminate),
    bookkeeping: bookkeeping.map(terminate),
  };
}

function terminate(sql: string): string {
  return `${sql.trimEnd().replace(/;$/, "")};`;
}
