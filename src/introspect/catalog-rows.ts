/**
 * Raw rows of the catalog queries, as both backends return them once the queries have cast every
 * value to a JSON-friendly type (text, int, bool, text[], json). Private to the introspector.
 */

export interface NamespaceRow {
  readonly name: string;
  readonly comment: string | null;
}

export interface ExtensionRow {
  readonly name: string;
  readonly schema: string;
  readonly version: string;
}

export interface EnumRow {
  readonly schema: string;
  readonly name: string;
  readonly values: readonly string[];
  readonly comment: string | null;
}

export interface SequenceOptionsColumns {
  readonly seq_type: string | null;
  readonly seq_start: string | null;
  readonly seq_increment: string | null;
  readonly seq_min: string | null;
  readonly seq_max: string | null;
  readonly seq_cache: string | null;
  readonly seq_cycle: boolean | null;
}

export interface SequenceRow extends SequenceOptionsColumns {
  readonly schema: string;
  readonly name: string;
  /** 'a' for OWNED BY (serial or explicit), 'i' for an identity column's sequence, null if free. */
  readonly owner_deptype: string | null;
  readonly owner_schema: string | null;
  readonly owner_table: string | null;
  readonly owner_column: string | null;
  readonly comment: string | null;
}

export interface RelationRow {
  readonly schema: string;
  readonly name: string;
  /** pg_class.relkind: 'r' table, 'v' view, 'm' materialized view. */
  readonly kind: string;
  readonly definition: string | null;
  readonly comment: string | null;
}

export interface ColumnRow extends SequenceOptionsColumns {
  readonly schema: string;
  readonly table: string;
  readonly name: string;
  readonly type_sql: string;
  readonly user_type_schema: string | null;
  readonly user_type_name: string | null;
  readonly not_null: boolean;
  readonly default_sql: string | null;
  readonly generated_sql: string | null;
  /** pg_attribute.attgenerated: '' none, 's' stored, 'v' virtual (PostgreSQL 18). */
  readonly generated_kind: string;
  /** pg_attribute.attidentity: '' none, 'a' always, 'd' by default. */
  readonly identity: string;
  /** The default is nextval() of a sequence this column owns: the serial pattern. */
  readonly is_serial: boolean;
  readonly serial_sequence_schema: string | null;
  readonly serial_sequence_name: string | null;
  readonly collation_schema: string | null;
  readonly collation_name: string | null;
  readonly comment: string | null;
}

export interface ConstraintRow {
  readonly schema: string;
  readonly table: string;
  readonly name: string;
  /** pg_constraint.contype: 'p', 'u', 'f' or 'c' (the query asks for no other). */
  readonly type: string;
  readonly columns: readonly string[];
  readonly ref_schema: string | null;
  readonly ref_table: string | null;
  readonly ref_columns: readonly string[] | null;
  readonly on_delete: string;
  readonly on_update: string;
  readonly match_type: string;
  readonly deferrable: boolean;
  readonly deferred: boolean;
  readonly no_inherit: boolean;
  readonly expression: string | null;
  readonly nulls_not_distinct: boolean;
}

export interface IndexKeyJson {
  /** The column's name, or null for an expression key. */
  readonly column: string | null;
  readonly definition: string;
  /** pg_index.indoption bits: 1 = DESC, 2 = NULLS FIRST. Null for INCLUDE columns. */
  readonly option: number | null;
  readonly opclass: { readonly schema: string; readonly name: string } | null;
  readonly collation: { readonly schema: string; readonly name: string } | null;
}

export interface IndexRow {
  readonly schema: string;
  readonly table: string;
  readonly name: string;
  readonly unique: boolean;
  readonly method: string;
  readonly key_count: number;
  readonly keys: readonly IndexKeyJson[];
  readonly predicate: string | null;
  readonly nulls_not_distinct: boolean;
  readonly comment: string | null;
}
