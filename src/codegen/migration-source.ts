import type { Statement } from "../sql/statement.js";
import { normalizedRevises, type RevisionMetadata } from "./revision-metadata.js";
import { sqlLiteral } from "./sql-literal.js";

/** What goes in a migration file besides its doc comment. */
export interface MigrationBody {
  readonly meta: RevisionMetadata;
  /** Null for a hand-written or merge revision: the functions hold a comment instead. */
  readonly up: readonly Pick<Statement, "sql">[] | null;
  readonly down: readonly Pick<Statement, "sql">[] | null;
  /** A down that cannot be written: it throws an Error with this message instead. */
  readonly downThrows?: string;
  readonly transactional: boolean;
  /** What an empty `up` and `down` say. */
  readonly placeholder: { readonly up: string; readonly down: string };
}

/**
 * The migration file's text before formatting: the doc comment, the type import, the metadata
 * exports in the fixed form the runner reads without running the file, and `up` / `down` with one
 * `await db.execute(...)` per statement. Written as text (prettier formats it): every value in it is
 * a JSON literal or an `sqlLiteral`, and every name is fixed here, so nothing else reaches the code.
 */
export function migrationSource(comment: string, body: MigrationBody): string {
  return [
    comment,
    'import type { MigrationContext } from "tidemark";',
    "",
    ...metadata(body),
    "",
    migrationFunction("up", body.up, body.placeholder.up),
    "",
    body.downThrows === undefined
      ? migrationFunction("down", body.down, body.placeholder.down)
      : functionText("down", [`throw new Error(${JSON.stringify(body.downThrows)});`]),
    "",
  ].join("\n");
}

function metadata({ meta, transactional }: MigrationBody): readonly string[] {
  const exportConst = (name: string, value: unknown) => `export const ${name} = ${JSON.stringify(value)};`;
  return [
    exportConst("revision", meta.revision),
    exportConst("revises", normalizedRevises(meta.revises)),
    ...(meta.branchLabels !== undefined && meta.branchLabels.length > 0 ? [exportConst("branchLabels", meta.branchLabels)] : []),
    ...(meta.dependsOn !== undefined && meta.dependsOn.length > 0 ? [exportConst("dependsOn", meta.dependsOn)] : []),
    ...(transactional ? [] : [exportConst("transactional", false)]),
  ];
}

function migrationFunction(name: "up" | "down", statements: readonly Pick<Statement, "sql">[] | null, placeholder: string): string {
  const body = statements === null || statements.length === 0
    ? [`// ${placeholder}`]
    : statements.map((statement) => `await db.execute(${sqlLiteral(statement.sql)});`);
  return functionText(name, body);
}

function functionText(name: "up" | "down", body: readonly string[]): string {
  return [`export async function ${name}(db: MigrationContext): Promise<void> {`, ...body.map((line) => `  ${line}`), "}"].join("\n");
}
