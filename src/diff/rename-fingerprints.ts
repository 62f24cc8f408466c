import type { Column } from "../ir/column.js";
import type { Index } from "../ir/index-def.js";
import type { EnumType } from "../ir/objects.js";
import type { Table } from "../ir/table.js";
import type { Constraint } from "./change.js";
import { stableJson } from "./stable-json.js";

/*
 * What must be equal for a dropped object and an added one to be the same object under two names.
 * Names (of the object, and of a table's constraints and indexes) and comments are left out.
 */

export function enumFingerprint(type: EnumType): string {
  return stableJson(type.values);
}

/** Columns by name, type, nullability and default; not their order, nor constraints and indexes. */
export function tableFingerprint(table: Table): string {
  const columns = table.columns
    .map((column) => ({ name: column.name, type: column.type.sql, notNull: column.notNull, default: column.default }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return stableJson(columns);
}

/** Type, nullability, default, identity, generation and collation. */
export function columnFingerprint(column: Column): string {
  const { name: _name, comment: _comment, ...definition } = column;
  return stableJson(definition);
}

export function indexFingerprint(index: Index): string {
  const { name: _name, comment: _comment, ...definition } = index;
  return stableJson(definition);
}

export function constraintFingerprint(constraint: Constraint): string {
  const { name: _name, ...definition } = constraint.def;
  return stableJson({ type: constraint.type, definition });
}
