import type { Column } from "../ir/column.js";
import { quoteIdent, quoteLiteral, quoteQualified } from "../ir/quote.js";
import type { QualifiedName } from "../ir/qualified-name.js";
import { sameValue } from "../ir/same-value.js";
import { classifyTypeChange, typeChangeHazards } from "./classify-type-change.js";
import { columnDefinition, identityClause, sequenceOptionClauses, serialSequenceName } from "./render-column.js";
import type { Hazard } from "./statement.js";

export interface RenderedSql {
  readonly sql: string;
  readonly hazards: readonly Hazard[];
  /**
   * A serial column's own sequence goes before anything is created, and comes after anything is
   * dropped, so that it never meets a free sequence of the same name (`users_id_seq`).
   */
  readonly when?: "beforeCreates" | "afterDrops";
}

/**
 * The statements that take column `from` to `to` in place. Order matters: what goes (identity,
 * default, NOT NULL) goes before the type changes, what comes comes after.
 */
export function alterColumnSql(table: QualifiedName, from: Column, to: Column): RenderedSql[] {
  const alter = (clause: string, hazards: readonly Hazard[] = []): RenderedSql => ({
    sql: `ALTER TABLE ${quoteQualified(table.schema, table.name)} ALTER COLUMN ${quoteIdent(to.name)} ${clause}`,
    hazards,
  });
  if (!sameValue(from.generated, to.generated)) return rebuildColumn(table, from, to);
  const typeChanged = from.type.sql !== to.type.sql || !sameValue(from.collation, to.collation);
  const defaultChanged = !sameValue(from.default, to.default) || (typeChanged && from.default !== null);
  const statements: RenderedSql[] = [];
  if (from.identity !== null && to.identity === null) statements.push(alter("DROP IDENTITY"));
  if (from.default?.kind === "serial" && (defaultChanged || typeChanged)) {
    statements.push({ ...alter("DROP DEFAULT"), when: "beforeCreates" });
    statements.push({ sql: `DROP SEQUENCE ${serialSequence(table, from)}`, hazards: [], when: "beforeCreates" });
  } else if (defaultChanged && from.default !== null) {
    statements.push(alter("DROP DEFAULT"));
  }
  if (from.notNull && !to.notNull) statements.push(alter("DROP NOT NULL"));
  if (typeChanged) statements.push(alter(...typeClause(from, to)));
  // An identity column must be NOT NULL before it becomes one.
  if (to.identity !== null && from.identity === null) {
    if (!from.notNull) statements.push(alter("SET NOT NULL", ["heavyLock"]));
    statements.push(alter(`ADD ${identityClause(to.identity)}`));
  }
  if (to.identity !== null && from.identity !== null && !sameValue(from.identity, to.identity)) {
    const generation = to.identity.generation === "always" ? "ALWAYS" : "BY DEFAULT";
    const options = sequenceOptionClauses(to.identity.sequence).map((clause) => `SET ${clause}`);
    statements.push(alter(`SET GENERATED ${generation} ${options.join(" ")}`));
  }
  if (defaultChanged && to.default?.kind === "serial") statements.push(...addSerial(table, to));
  if (defaultChanged && to.default?.kind === "expression") statements.push(alter(`SET DEFAULT ${to.default.sql}`));
  if (!from.notNull && to.notNull && !(to.identity !== null && from.identity === null)) {
    statements.push(alter("SET NOT NULL", ["heavyLock"]));
  }
  return statements;
}

function serialSequence(table: QualifiedName, column: Column): string {
  return quoteQualified(table.schema, serialSequenceName(table.name, column.name));
}

/** What `serial` does, on an existing column: an owned sequence and a nextval() default. */
function addSerial(table: QualifiedName, column: Column): RenderedSql[] {
  const sequence = serialSequence(table, column);
  const target = quoteQualified(table.schema, table.name);
  return [
    { sql: `CREATE SEQUENCE ${sequence} AS ${column.type.sql} OWNED BY ${target}.${quoteIdent(column.name)}`, hazards: [], when: "afterDrops" },
    {
      sql: `ALTER TABLE ${target} ALTER COLUMN ${quoteIdent(column.name)} SET DEFAULT nextval(${quoteLiteral(sequence)}::regclass)`,
      hazards: [],
      when: "afterDrops",
    },
  ];
}

/** PostgreSQL cannot change a generated column's expression in place (before 17): drop and add. */
function rebuildColumn(table: QualifiedName, from: Column, to: Column): RenderedSql[] {
  const target = quoteQualified(table.schema, table.name);
  return [
    { sql: `ALTER TABLE ${target} DROP COLUMN ${quoteIdent(from.name)}`, hazards: from.generated === null ? ["destructive"] : [] },
    { sql: `ALTER TABLE ${target} ADD COLUMN ${columnDefinition(to)}`, hazards: ["heavyLock"] },
  ];
}

/**
 * `TYPE t [COLLATE c] [USING …]`, with the hazards its class carries. USING is written only where
 * PostgreSQL needs it (an explicit cast, or none at all); otherwise it converts by assignment, which
 * fails on a value that does not fit where an explicit cast would cut it (`varchar(10)`). A new
 * collation alone rebuilds the column's indexes.
 */
function typeClause(from: Column, to: Column): [string, readonly Hazard[]] {
  const collate = to.collation === null ? "" : ` COLLATE ${quoteQualified(to.collation.schema, to.collation.name)}`;
  if (from.type.sql === to.type.sql) return [`TYPE ${to.type.sql}${collate}`, ["heavyLock"]];
  const classification = classifyTypeChange(from.type, to.type);
  const needsUsing = classification.class === "cast" || classification.class === "noCast";
  const using = needsUsing ? ` USING ${castExpression(from, to)}` : "";
  return [`TYPE ${to.type.sql}${collate}${using}`, typeChangeHazards(classification)];
}

/** `col::type`; through text when either side is a user type (enum to enum, text to enum). */
function castExpression(from: Column, to: Column): string {
  const viaText = from.type.userType !== null || to.type.userType !== null;
  const array = to.type.sql.endsWith("[]") ? "[]" : "";
  return `${quoteIdent(to.name)}${viaText ? `::text${array}` : ""}::${to.type.sql}`;
}
