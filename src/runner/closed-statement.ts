import { topLevelStatements } from "../ir/sql-statements.js";

/**
 * Whether `sql` ends outside any string, quoted name, block comment or dollar quote, so that a `;`
 * after it ends it, and statements joined into one message stay the statements they were alone:
 * `SELECT 'a` then `b'` would otherwise become one valid statement where each alone is an error.
 *
 * Conservative on purpose; false sends the migration statement by statement as before. A backslash
 * anywhere (E'' strings escape quotes with it, '' strings do not, and which a string is depends on
 * the server's standard_conforming_strings) and a `$` that does not open a dollar quote (`col$1`,
 * `$1`) give false.
 */
export function endsAtTopLevel(sql: string): boolean {
  return !sql.includes("\\") && topLevelStatements(sql, { strictDollar: true }) !== null;
}
