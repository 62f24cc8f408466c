import type { Column } from "../ir/column.js";
import type { ForeignKey } from "../ir/constraint.js";
import type { Index } from "../ir/index-def.js";
import { keyOf, qualifiedKey, type QualifiedName } from "../ir/qualified-name.js";
import type { Schema } from "../ir/schema.js";
import type { Table } from "../ir/table.js";

/*
 * Renames applied to the `from` side, so that the differ then compares each renamed object with its
 * new self and finds only what else changed. Every reference the catalog keeps by identity follows
 * (column types, foreign keys, sequence owners, index and constraint columns), as it does in
 * PostgreSQL. Text (defaults aside, view queries, checks) is not rewritten: where it differs, the
 * object is rebuilt.
 */

/** Old key → new name, for schema-level objects. */
export type ObjectRenames = ReadonlyMap<string, QualifiedName>;
/** Table key (its new one) → old name → new name, for what lives in a table. */
export type MemberRenames = ReadonlyMap<string, ReadonlyMap<string, string>>;

export function renameEnumsIn(schema: Schema, renames: ObjectRenames): Schema {
  if (renames.size === 0) return schema;
  return {
    ...schema,
    enums: rekey(schema.enums, renames, (type, to) => ({ ...type, schema: to.schema, name: to.name })),
    tables: mapValues(schema.tables, (table) => {
      const columns = table.columns.map((column) => retypeColumn(column, renames));
      return columns.every((column, i) => column === table.columns[i]) ? table : { ...table, columns };
    }),
  };
}

function retypeColumn(column: Column, renames: ObjectRenames): Column {
  const userType = column.type.userType;
  const to = userType === null ? undefined : renames.get(keyOf(userType));
  if (userType === null || to === undefined) return column;
  const oldKey = keyOf(userType);
  const newKey = keyOf(to);
  const sql = column.type.sql.startsWith(oldKey) ? newKey + column.type.sql.slice(oldKey.length) : column.type.sql;
  const defaultSql = column.default?.kind === "expression" ? replaceCasts(column.default.sql, oldKey, newKey) : null;
  return {
    ...column,
    type: { sql, userType: { schema: to.schema, name: to.name } },
    default: defaultSql === null ? column.default : { kind: "expression", sql: defaultSql },
  };
}

/** `'a'::public.status` → `'a'::public.state`, where the old key is not part of a longer name. */
function replaceCasts(sql: string, oldKey: string, newKey: string): string {
  let result = "";
  let rest = sql;
  for (let at = rest.indexOf(`::${oldKey}`); at >= 0; at = rest.indexOf(`::${oldKey}`)) {
    const end = at + 2 + oldKey.length;
    const whole = !/[\w$"]/.test(rest[end] ?? "");
    result += rest.slice(0, at) + (whole ? `::${newKey}` : rest.slice(at, end));
    rest = rest.slice(end);
  }
  return result + rest;
}

export function renameTablesIn(schema: Schema, renames: ObjectRenames): Schema {
  if (renames.size === 0) return schema;
  const retarget = (fk: ForeignKey): ForeignKey => {
    const to = renames.get(keyOf(fk.references));
    return to === undefined ? fk : { ...fk, references: { ...fk.references, schema: to.schema, name: to.name } };
  };
  return {
    ...schema,
    tables: mapValues(rekey(schema.tables, renames, (table, to) => ({ ...table, schema: to.schema, name: to.name })), (table) => {
      const foreignKeys = mapValues(table.foreignKeys, retarget);
      return foreignKeys === table.foreignKeys ? table : { ...table, foreignKeys };
    }),
    sequences: mapValues(schema.sequences, (sequence) => {
      const owner = sequence.ownedBy === null ? undefined : renames.get(qualifiedKey(sequence.schema, sequence.ownedBy.table));
      return owner === undefined || sequence.ownedBy === null ? sequence : { ...sequence, ownedBy: { ...sequence.ownedBy, table: owner.name } };
    }),
  };
}

export function renameColumnsIn(schema: Schema, renames: MemberRenames): Schema {
  if (renames.size === 0) return schema;
  const tables = mapValues(schema.tables, (table) => {
    const own = renames.get(keyOf(table));
    const renamed = own === undefined ? table : renameOwnColumns(table, own);
    const foreignKeys = mapValues(renamed.foreignKeys, (fk) => retargetColumns(fk, renames));
    return foreignKeys === renamed.foreignKeys ? renamed : { ...renamed, foreignKeys };
  });
  const sequences = mapValues(schema.sequences, (sequence) => {
    if (sequence.ownedBy === null) return sequence;
    const column = renames.get(qualifiedKey(sequence.schema, sequence.ownedBy.table))?.get(sequence.ownedBy.column);
    return column === undefined ? sequence : { ...sequence, ownedBy: { ...sequence.ownedBy, column } };
  });
  return { ...schema, tables, sequences };
}

function renameOwnColumns(table: Table, renames: ReadonlyMap<string, string>): Table {
  const to = (name: string): string => renames.get(name) ?? name;
  const index = (def: Index): Index => ({
    ...def,
    keys: def.keys.map((key) => (key.kind === "column" ? { ...key, value: to(key.value) } : key)),
    include: def.include.map(to),
  });
  return {
    ...table,
    columns: table.columns.map((column) => ({ ...column, name: to(column.name) })),
    primaryKey: table.primaryKey === null ? null : { ...table.primaryKey, columns: table.primaryKey.columns.map(to) },
    uniques: mapValues(table.uniques, (def) => ({ ...def, columns: def.columns.map(to) })),
    foreignKeys: mapValues(table.foreignKeys, (def) => ({ ...def, columns: def.columns.map(to) })),
    indexes: mapValues(table.indexes, index),
  };
}

function retargetColumns(fk: ForeignKey, renames: MemberRenames): ForeignKey {
  const referenced = renames.get(keyOf(fk.references));
  if (referenced === undefined) return fk;
  return { ...fk, references: { ...fk.references, columns: fk.references.columns.map((name) => referenced.get(name) ?? name) } };
}

export function renameIndexesIn(schema: Schema, renames: MemberRenames): Schema {
  if (renames.size === 0) return schema;
  return {
    ...schema,
    tables: mapValues(schema.tables, (table) => {
      const own = renames.get(keyOf(table));
      return own === undefined ? table : { ...table, indexes: renameMembers(table.indexes, own) };
    }),
  };
}

export function renameConstraintsIn(schema: Schema, renames: MemberRenames): Schema {
  if (renames.size === 0) return schema;
  return {
    ...schema,
    tables: mapValues(schema.tables, (table) => {
      const own = renames.get(keyOf(table));
      if (own === undefined) return table;
      const primaryKey = table.primaryKey === null ? null : { ...table.primaryKey, name: own.get(table.primaryKey.name) ?? table.primaryKey.name };
      const [uniques, foreignKeys, checks] = [renameMembers(table.uniques, own), renameMembers(table.foreignKeys, own), renameMembers(table.checks, own)];
      return { ...table, primaryKey, uniques, foreignKeys, checks };
    }),
  };
}

/** Members keyed by name, renamed and keyed again, in their order. */
function renameMembers<T extends { readonly name: string }>(members: Readonly<Record<string, T>>, renames: ReadonlyMap<string, string>): Record<string, T> {
  return Object.fromEntries(
    Object.entries(members).map(([key, member]) => {
      const name = renames.get(key);
      return name === undefined ? [key, member] : [name, { ...member, name }];
    }),
  );
}

/** Schema-level objects renamed and keyed again, in their order. */
function rekey<T>(objects: Readonly<Record<string, T>>, renames: ObjectRenames, rename: (object: T, to: QualifiedName) => T): Record<string, T> {
  return Object.fromEntries(
    Object.entries(objects).map(([key, object]) => {
      const to = renames.get(key);
      return to === undefined ? [key, object] : [keyOf(to), rename(object, to)];
    }),
  );
}

/** The record with each value mapped; the record itself when no value changes (most tables keep theirs). */
function mapValues<T>(record: Readonly<Record<string, T>>, map: (value: T) => T): Readonly<Record<string, T>> {
  let changed: Record<string, T> | null = null;
  for (const key of Object.keys(record)) {
    const value = record[key] as T;
    const mapped = map(value);
    if (mapped === value) continue;
    changed ??= { ...record };
    changed[key] = mapped;
  }
  return changed ?? record;
}
