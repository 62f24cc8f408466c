import type { Column, ColumnDefault, Identity } from "../ir/column.js";
import type { QualifiedName } from "../ir/qualified-name.js";
import type { SequenceOptions } from "../ir/sequence.js";
import type { ColumnRow, SequenceOptionsColumns } from "./catalog-rows.js";
import { UnexpectedCatalogError } from "./introspect-errors.js";

const SEQUENCE_TYPES: readonly SequenceOptions["dataType"][] = ["smallint", "integer", "bigint"];

export function buildSequenceOptions(row: SequenceOptionsColumns, owner: string): SequenceOptions {
  const dataType = SEQUENCE_TYPES.find((type) => type === row.seq_type);
  if (
    dataType === undefined || row.seq_start === null || row.seq_increment === null || row.seq_min === null ||
    row.seq_max === null || row.seq_cache === null || row.seq_cycle === null
  ) {
    throw new UnexpectedCatalogError(owner, `sequence options are incomplete (type ${String(row.seq_type)})`);
  }
  return {
    dataType,
    start: row.seq_start,
    increment: row.seq_increment,
    minValue: row.seq_min,
    maxValue: row.seq_max,
    cache: row.seq_cache,
    cycle: row.seq_cycle,
  };
}

export function buildColumn(row: ColumnRow): Column {
  const where = `column ${row.schema}.${row.table}.${row.name}`;
  return {
    name: row.name,
    type: { sql: row.type_sql, userType: pair(row.user_type_schema, row.user_type_name) },
    notNull: row.not_null,
    default: buildDefault(row),
    identity: buildIdentity(row, where),
    generated: buildGenerated(row, where),
    collation: pair(row.collation_schema, row.collation_name),
    comment: row.comment,
  };
}

function buildDefault(row: ColumnRow): ColumnDefault | null {
  if (row.is_serial) return { kind: "serial" };
  return row.default_sql === null ? null : { kind: "expression", sql: row.default_sql };
}

function buildIdentity(row: ColumnRow, where: string): Identity | null {
  switch (row.identity) {
    case "":
      return null;
    case "a":
      return { generation: "always", sequence: buildSequenceOptions(row, where) };
    case "d":
      return { generation: "byDefault", sequence: buildSequenceOptions(row, where) };
    default:
      throw new UnexpectedCatalogError(where, `unknown attidentity '${row.identity}'`);
  }
}

function buildGenerated(row: ColumnRow, where: string): Column["generated"] {
  if (row.generated_kind === "") return null;
  if (row.generated_sql === null) throw new UnexpectedCatalogError(where, "generated column without expression");
  switch (row.generated_kind) {
    case "s":
      return { expression: row.generated_sql, stored: true };
    case "v":
      return { expression: row.generated_sql, stored: false };
    default:
      throw new UnexpectedCatalogError(where, `unknown attgenerated '${row.generated_kind}'`);
  }
}

function pair(schema: string | null, name: string | null): QualifiedName | null {
  return schema === null || name === null ? null : { schema, name };
}
