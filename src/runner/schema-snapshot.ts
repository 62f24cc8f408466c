import { qualifiedKey } from "../ir/qualified-name.js";
import type { Schema } from "../ir/schema.js";
import type { SchemaSnapshot } from "./migration-context.js";
import { UnmanagedSchemaError } from "./runner-errors.js";

/**
 * Answers "does it exist?" about a schema read from the database. `name` is `object` (looked up in
 * `defaultSchema`) or `schema.object`, unquoted.
 */
export function schemaSnapshot(schema: Schema, managed: readonly string[]): SchemaSnapshot {
  const key = (name: string): string => {
    const dot = name.indexOf(".");
    const [namespace, object] = dot < 0 ? [managed[0] ?? "public", name] : [name.slice(0, dot), name.slice(dot + 1)];
    // Only the managed schemas were read: "no" about another one would be a guess.
    if (!managed.includes(namespace)) throw new UnmanagedSchemaError(name, managed);
    return qualifiedKey(namespace, object);
  };
  const indexNames = new Set<string>();
  for (const table of Object.values(schema.tables)) {
    for (const index of Object.keys(table.indexes)) indexNames.add(index);
    if (table.primaryKey !== null) indexNames.add(table.primaryKey.name);
    for (const unique of Object.keys(table.uniques)) indexNames.add(unique);
  }
  for (const view of Object.values(schema.views)) for (const index of Object.keys(view.indexes)) indexNames.add(index);
  return {
    schema,
    hasTable: (table) => Object.hasOwn(schema.tables, key(table)),
    hasColumn: (table, column) => schema.tables[key(table)]?.columns.some((candidate) => candidate.name === column) ?? false,
    hasIndex: (name) => indexNames.has(name),
    hasConstraint: (table, name) => {
      const found = schema.tables[key(table)];
      if (found === undefined) return false;
      return found.primaryKey?.name === name || [found.uniques, found.foreignKeys, found.checks].some((group) => Object.hasOwn(group, name));
    },
    hasType: (type) => Object.hasOwn(schema.enums, key(type)),
    hasView: (view) => Object.hasOwn(schema.views, key(view)),
  };
}
