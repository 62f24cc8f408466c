import type { QualifiedName } from "./qualified-name.js";
import type { SequenceOptions } from "./sequence.js";

/** A column's type in canonical form. */
export interface ColumnType {
  /**
   * The type as `format_type()` spells it, with user-defined types always schema-qualified and
   * arrays written with one `[]` whatever their declared dimensions (PostgreSQL ignores them):
   * `character varying(20)`, `timestamp(3) with time zone`, `numeric(10,2)`, `public.mood[]`.
   */
  readonly sql: string;
  /** The user-defined type (enum, domain, composite) behind `sql`, for dependency order; else null. */
  readonly userType: QualifiedName | null;
}

/** GENERATED { ALWAYS | BY DEFAULT } AS IDENTITY, with the options of its implicit sequence. */
export interface Identity {
  readonly generation: "always" | "byDefault";
  readonly sequence: SequenceOptions;
}

/**
 * A column default. `serial` stands for the `serial`/`bigserial`/`smallserial` pattern: a
 * `nextval()` default on a sequence that the column owns, with that sequence hidden from the IR.
 */
export type ColumnDefault =
  | { readonly kind: "expression"; readonly sql: string }
  | { readonly kind: "serial" };

export interface Column {
  readonly name: string;
  readonly type: ColumnType;
  readonly notNull: boolean;
  readonly default: ColumnDefault | null;
  readonly identity: Identity | null;
  /**
   * `GENERATED ALWAYS AS (expression) STORED`, or VIRTUAL (PostgreSQL 18), with the expression as
   * `pg_get_expr` prints it.
   */
  readonly generated: { readonly expression: string; readonly stored: boolean } | null;
  /** A collation other than the type's default, qualified (`pg_catalog."C"` is `{pg_catalog, C}`). */
  readonly collation: QualifiedName | null;
  readonly comment: string | null;
}
