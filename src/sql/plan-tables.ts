import type { ChangeOf as Of, Constraint } from "../diff/change.js";
import { tableConstraints } from "../diff/diff-table.js";
import { quoteIdent, quoteQualified } from "../ir/quote.js";
import type { QualifiedName } from "../ir/qualified-name.js";
import type { Table } from "../ir/table.js";
import { commentIfAny } from "./plan-objects.js";
import { alterColumnSql } from "./render-alter-column.js";
import { columnDefinition } from "./render-column.js";
import { constraintDefinition, createIndexSql } from "./render-constraint.js";
import { phased, type Phase, type PhasedStatement } from "./phase.js";

const target = (table: QualifiedName): string => quoteQualified(table.schema, table.name);

/** CREATE TABLE with its columns, primary key, uniques and checks; indexes and foreign keys later. */
export function planCreateTable(change: Of<"createTable">): PhasedStatement[] {
  const at = phased(change);
  const table = change.to;
  const name = { schema: table.schema, name: table.name };
  const constraints = Object.values(tableConstraints(table));
  const inline = constraints.filter((c) => c.type !== "foreignKey").map(constraintDefinition);
  const body = [...table.columns.map(columnDefinition), ...inline].map((line) => `  ${line}`).join(",\n");
  return [
    at("createTables", `CREATE TABLE ${target(table)} (\n${body}\n)`),
    ...constraints.filter((c) => c.type === "foreignKey").map((c) => at("addForeignKeys", addConstraintSql(name, c))),
    ...Object.values(table.indexes).flatMap((index) => [
      at("createIndexes", createIndexSql(name, index)),
      ...commentIfAny(at, { on: "index", object: { schema: table.schema, name: index.name } }, index.comment),
    ]),
    ...commentIfAny(at, { on: "table", object: name }, table.comment),
    ...table.columns.flatMap((column) => commentIfAny(at, { on: "column", object: name, column: column.name }, column.comment)),
  ];
}

/** Its foreign keys first, so that tables dropped together never wait on each other. */
export function planDropTable(change: Of<"dropTable">): PhasedStatement[] {
  const at = phased(change);
  const table: Table = change.from;
  const foreignKeys = Object.values(table.foreignKeys).map((def) =>
    at("dropForeignKeys", `ALTER TABLE ${target(table)} DROP CONSTRAINT ${quoteIdent(def.name)}`),
  );
  return [...foreignKeys, at("dropTables", `DROP TABLE ${target(table)}`, ["destructive"])];
}

export function planColumnChange(change: Of<"addColumn" | "dropColumn" | "alterColumn">): PhasedStatement[] {
  const at = phased(change);
  const table = target(change.table);
  switch (change.kind) {
    case "addColumn":
      return [
        at("addColumns", `ALTER TABLE ${table} ADD COLUMN ${columnDefinition(change.to)}`, change.to.default === null ? [] : ["heavyLock"]),
        ...commentIfAny(at, { on: "column", object: change.table, column: change.to.name }, change.to.comment),
      ];
    case "dropColumn":
      return [at("dropColumns", `ALTER TABLE ${table} DROP COLUMN ${quoteIdent(change.from.name)}`, ["destructive"])];
    case "alterColumn":
      return alterColumnSql(change.table, change.from, change.to).map(({ sql, hazards, when }) =>
        at(when === "beforeCreates" ? "releaseOwnership" : when === "afterDrops" ? "serialSequences" : "alterColumns", sql, hazards),
      );
    default: {
      const unknown: never = change;
      throw new Error(`unknown column change ${JSON.stringify(unknown)}`);
    }
  }
}

export function planConstraintChange(change: Of<"addConstraint" | "dropConstraint">): PhasedStatement[] {
  const at = phased(change);
  const isForeignKey = (change.kind === "addConstraint" ? change.to : change.from).type === "foreignKey";
  if (change.kind === "addConstraint") {
    const phase: Phase = isForeignKey ? "addForeignKeys" : "addConstraints";
    return [at(phase, addConstraintSql(change.table, change.to), ["heavyLock"])];
  }
  const phase: Phase = isForeignKey ? "dropForeignKeys" : "dropConstraints";
  return [at(phase, `ALTER TABLE ${target(change.table)} DROP CONSTRAINT ${quoteIdent(change.from.def.name)}`)];
}

function addConstraintSql(table: QualifiedName, constraint: Constraint): string {
  return `ALTER TABLE ${target(table)} ADD ${constraintDefinition(constraint)}`;
}

export function planIndexChange(change: Of<"createIndex" | "dropIndex">): PhasedStatement[] {
  const at = phased(change);
  if (change.kind === "dropIndex") {
    return [at("dropIndexes", `DROP INDEX ${quoteQualified(change.table.schema, change.from.name)}`)];
  }
  const index = change.to;
  return [
    at("createIndexes", createIndexSql(change.table, index), ["heavyLock"]),
    ...commentIfAny(at, { on: "index", object: { schema: change.table.schema, name: index.name } }, index.comment),
  ];
}
