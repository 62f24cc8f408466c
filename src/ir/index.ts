export type { Column, ColumnDefault, ColumnType, Identity } from "./column.js";
export type {
  CheckConstraint,
  Deferrability,
  ForeignKey,
  PrimaryKey,
  ReferentialAction,
  UniqueConstraint,
} from "./constraint.js";
export type { Index, IndexKey } from "./index-def.js";
export type { EnumType, Extension, Namespace, View } from "./objects.js";
export { keyOf, qualifiedKey, type QualifiedName } from "./qualified-name.js";
export { quoteIdent, quoteLiteral, quoteQualified } from "./quote.js";
export { EMPTY_SCHEMA, type Schema } from "./schema.js";
export type { Sequence, SequenceOptions } from "./sequence.js";
export type { Table } from "./table.js";
