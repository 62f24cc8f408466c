import type { Column } from "../../../src/ir/column.js";
import type { ForeignKey } from "../../../src/ir/constraint.js";
import type { Index } from "../../../src/ir/index-def.js";
import type { EnumType } from "../../../src/ir/objects.js";
import { keyOf } from "../../../src/ir/qualified-name.js";
import { EMPTY_SCHEMA, type Schema } from "../../../src/ir/schema.js";
import type { Table } from "../../../src/ir/table.js";

/** Small IR builders for the differ's unit tests: every field PostgreSQL would fill, filled. */

export function column(name: string, type = "text", extra: Partial<Column> = {}): Column {
  return { name, type: { sql: type, userType: null }, notNull: false, default: null, identity: null, generated: null, collation: null, comment: null, ...extra };
}

export function enumColumn(name: string, type: EnumType, extra: Partial<Column> = {}): Column {
  return column(name, keyOf(type), { type: { sql: keyOf(type), userType: { schema: type.schema, name: type.name } }, ...extra });
}

export function table(name: string, columns: readonly Column[], extra: Partial<Table> = {}): Table {
  return { schema: "public", name, columns, primaryKey: null, uniques: {}, foreignKeys: {}, checks: {}, indexes: {}, comment: null, ...extra };
}

export function index(name: string, columns: readonly string[]): Index {
  return {
    name,
    unique: false,
    method: "btree",
    keys: columns.map((value) => ({ kind: "column", value, descending: false, nullsFirst: false, opclass: null, collation: null })),
    include: [],
    where: null,
    nullsNotDistinct: false,
    comment: null,
  };
}

export function foreignKey(name: string, columns: readonly string[], references: Table, referenced: readonly string[]): ForeignKey {
  return {
    name, columns, references: { schema: references.schema, name: references.name, columns: referenced },
    onDelete: "no action", onUpdate: "no action", match: "simple", deferrable: false, initiallyDeferred: false,
  };
}

export function enumType(name: string, values: readonly string[]): EnumType {
  return { schema: "public", name, values, comment: null };
}

export function schema(objects: { readonly tables?: readonly Table[]; readonly enums?: readonly EnumType[] }): Schema {
  return {
    ...EMPTY_SCHEMA,
    namespaces: { public: { name: "public", comment: null } },
    tables: Object.fromEntries((objects.tables ?? []).map((item) => [keyOf(item), item])),
    enums: Object.fromEntries((objects.enums ?? []).map((item) => [keyOf(item), item])),
  };
}
