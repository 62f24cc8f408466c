import type { Column } from "../ir/column.js";
import { quoteIdent } from "../ir/quote.js";
import type { Schema } from "../ir/schema.js";
import type { Table } from "../ir/table.js";

/** A short human-readable listing of a schema: one line per object, columns indented. */
export function formatSchemaSummary(schema: Schema): string {
  const lines: string[] = [];
  for (const name of Object.keys(schema.extensions)) lines.push(`extension ${name}`);
  for (const [key, type] of Object.entries(schema.enums)) lines.push(`enum ${key} (${type.values.join(", ")})`);
  for (const key of Object.keys(schema.sequences)) lines.push(`sequence ${key}`);
  for (const [key, table] of Object.entries(schema.tables)) lines.push(...tableLines(key, table));
  for (const [key, view] of Object.entries(schema.views)) lines.push(`${view.materialized ? "materialized view" : "view"} ${key}`);
  const counts = [
    `${Object.keys(schema.tables).length} tables`,
    `${Object.keys(schema.views).length} views`,
    `${Object.keys(schema.enums).length} enums`,
    `${Object.keys(schema.sequences).length} sequences`,
  ];
  lines.push(`${counts.join(", ")} in ${Object.keys(schema.namespaces).join(", ") || "no schema"}`);
  return lines.join("\n");
}

function tableLines(key: string, table: Table): string[] {
  const pk = new Set(table.primaryKey?.columns ?? []);
  const extras = [
    Object.keys(table.indexes).length ? `${Object.keys(table.indexes).length} indexes` : "",
    Object.keys(table.foreignKeys).length ? `${Object.keys(table.foreignKeys).length} foreign keys` : "",
  ].filter(Boolean);
  return [`table ${key}${extras.length ? ` (${extras.join(", ")})` : ""}`, ...table.columns.map((c) => columnLine(c, pk))];
}

function columnLine(column: Column, primaryKey: ReadonlySet<string>): string {
  const flags = [
    primaryKey.has(column.name) ? "primary key" : column.notNull ? "not null" : "",
    column.default?.kind === "serial" ? "serial" : column.default ? `default ${column.default.sql}` : "",
    column.identity ? `identity ${column.identity.generation === "always" ? "always" : "by default"}` : "",
    column.generated ? `generated as ${column.generated.expression}` : "",
  ].filter(Boolean);
  return `  ${quoteIdent(column.name)} ${column.type.sql}${flags.length ? ` ${flags.join(", ")}` : ""}`;
}
