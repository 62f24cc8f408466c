import { inlineParameters } from "../ir/quote.js";
import type { MigrationLoader } from "./load-migration.js";
import { offlineContext } from "./migration-contexts.js";
import type { Step } from "./revision-graph.js";
import { createTablesSql, historyInsertSql, versionRowsSql, type VersionTables } from "./version-store.js";

/**
 * The SQL a run would execute, for a DBA to review and run with psql: the version tables, then each
 * migration in BEGIN/COMMIT (unless it is non-transactional) with its version and history rows.
 */
export async function renderOfflineSql(steps: readonly Step[], load: MigrationLoader, tables: VersionTables): Promise<string> {
  const parts: string[] = [createTablesSql(tables).map((sql) => `${sql};`).join("\n")];
  for (const step of steps) {
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
    const arrow = step.direction === "up"
      ? `${step.rowsBefore.join(", ") || "<base>"} -> ${step.meta.revision}`
      : `${step.meta.revision} -> ${step.rowsAfter.join(", ") || "<base>"}`;
    const body = [...statements, ...bookkeeping].map((sql) => `${sql.trimEnd().replace(/;$/, "")};`);
    const transactional = step.meta.transactional;
    parts.push(
      [
        `-- Running ${step.direction === "up" ? "upgrade" : "downgrade"} ${arrow}: ${step.meta.message.replace(/\s+/g, " ")}`,
        ...(transactional ? ["BEGIN;"] : ["-- (runs outside a transaction)"]),
        ...body,
        ...(transactional ? ["COMMIT;"] : []),
      ].join("\n"),
    );
  }
  return `${parts.join("\n\n")}\n`;
}
