import { Project, VariableDeclarationKind, type SourceFile } from "ts-morph";
import type { Statement } from "../sql/statement.js";
import { normalizedRevises, type RevisionMetadata } from "./revision-metadata.js";
import { sqlLiteral } from "./sql-literal.js";

/** What goes in a migration file besides its doc comment. */
export interface MigrationBody {
  readonly meta: RevisionMetadata;
  /** Null for a hand-written or merge revision: the functions hold a comment instead. */
  readonly up: readonly Statement[] | null;
  readonly down: readonly Statement[] | null;
  readonly transactional: boolean;
  /** What an empty `up` and `down` say. */
  readonly placeholder: { readonly up: string; readonly down: string };
}

/**
 * The migration file's text before formatting: the doc comment, the type import, the metadata
 * exports in the fixed form the runner reads without running the file, and `up` / `down` with one
 * `await db.execute(...)` per statement.
 */
export function migrationSource(comment: string, body: MigrationBody): string {
  const project = new Project({ useInMemoryFileSystem: true });
  const file = project.createSourceFile("migration.ts", "");
  file.addImportDeclaration({ isTypeOnly: true, namedImports: ["MigrationContext"], moduleSpecifier: "tidemark" });
  addMetadata(file, body);
  addMigrationFunction(file, "up", body.up, body.placeholder.up);
  addMigrationFunction(file, "down", body.down, body.placeholder.down);
  file.insertText(0, `${comment}\n`);
  return file.getFullText();
}

function addMetadata(file: SourceFile, { meta, transactional }: MigrationBody): void {
  const exportConst = (name: string, value: unknown) =>
    file.addVariableStatement({
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      declarations: [{ name, initializer: JSON.stringify(value) }],
    });
  exportConst("revision", meta.revision);
  exportConst("revises", normalizedRevises(meta.revises));
  if (meta.branchLabels !== undefined && meta.branchLabels.length > 0) exportConst("branchLabels", meta.branchLabels);
  if (meta.dependsOn !== undefined && meta.dependsOn.length > 0) exportConst("dependsOn", meta.dependsOn);
  if (!transactional) exportConst("transactional", false);
}

function addMigrationFunction(file: SourceFile, name: "up" | "down", statements: readonly Statement[] | null, placeholder: string): void {
  const body = statements === null || statements.length === 0
    ? [`// ${placeholder}`]
    : statements.map((statement) => `await db.execute(${sqlLiteral(statement.sql)});`);
  file.addFunction({
    isExported: true,
    isAsync: true,
    name,
    parameters: [{ name: "db", type: "MigrationContext" }],
    returnType: "Promise<void>",
    statements: body,
  });
}
