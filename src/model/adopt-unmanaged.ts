import type { Column } from "../ir/column.js";
import type { Schema } from "../ir/schema.js";
import type { Table } from "../ir/table.js";

/**
 * Drizzle has no syntax for comments, extensions or column collations, so a model never states
 * them; tidemark takes them from the database as they are rather than proposing to drop them.
 * Pure: the model with those fields copied from `database` wherever the object exists on both sides.
 */
export function adoptUnmanaged(model: Schema, database: Schema): Schema {
  const commentOf = <T extends { readonly comment: string | null }>(record: Readonly<Record<string, T>>, key: string) =>
    record[key]?.comment ?? null;
  return {
    namespaces: mapValues(model.namespaces, (key, namespace) => ({ ...namespace, comment: commentOf(database.namespaces, key) })),
    extensions: database.extensions,
    enums: mapValues(model.enums, (key, type) => ({ ...type, comment: commentOf(database.enums, key) })),
    sequences: mapValues(model.sequences, (key, sequence) => ({ ...sequence, comment: commentOf(database.sequences, key) })),
    tables: mapValues(model.tables, (key, table) => adoptTable(table, database.tables[key])),
    views: mapValues(model.views, (key, view) => ({ ...view, comment: commentOf(database.views, key) })),
  };
}

function adoptTable(table: Table, current: Table | undefined): Table {
  if (current === undefined) return table;
  const columns = new Map(current.columns.map((column) => [column.name, column]));
  const adoptColumn = (column: Column): Column => {
    const existing = columns.get(column.name);
    return existing === undefined ? column : { ...column, comment: existing.comment, collation: existing.collation };
  };
  return {
    ...table,
    columns: table.columns.map(adoptColumn),
    indexes: mapValues(table.indexes, (name, index) => ({ ...index, comment: current.indexes[name]?.comment ?? null })),
    comment: current.comment,
  };
}

function mapValues<T, U>(record: Readonly<Record<string, T>>, map: (key: string, value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(key, value)]));
}
