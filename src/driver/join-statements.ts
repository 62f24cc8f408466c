/** One script of the statements: a trailing semicolon would be an empty statement, and a result of its own. */
export function joinStatements(statements: readonly string[]): string {
  return statements.map((sql) => sql.trim().replace(/;+$/, "")).join(";\n");
}
