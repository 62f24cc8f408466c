import type { SQL } from "drizzle-orm";
import { drizzlePgCore } from "./drizzle-runtime.js";

const dialect = new drizzlePgCore.PgDialect();

/**
 * The text of a drizzle `sql` expression with its parameters inlined, column references written
 * bare (`"email"`, not `"users"."email"`), as a default, check, index or generated column needs.
 */
export function renderSql(expression: SQL): string {
  return dialect.sqlToQuery(expression.inlineParams(), "indexes").sql;
}

/** For view queries, where columns keep their table. */
export function renderQuery(expression: SQL): string {
  return dialect.sqlToQuery(expression.inlineParams()).sql;
}
