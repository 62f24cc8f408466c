import type { QualifiedName } from "./qualified-name.js";

/** One key of an index: a column or an expression, with its sort order and operator class. */
export interface IndexKey {
  readonly kind: "column" | "expression";
  /** The column name, or the expression as `pg_get_indexdef` prints it. */
  readonly value: string;
  readonly descending: boolean;
  /** Explicit always: PostgreSQL's default is NULLS LAST ascending and NULLS FIRST descending. */
  readonly nullsFirst: boolean;
  /** Only when it is not the default operator class for the key's type. */
  readonly opclass: QualifiedName | null;
  /** Only when it differs from the key's own collation. */
  readonly collation: QualifiedName | null;
}

/** An index that does not back a primary key or unique constraint (those are constraints). */
export interface Index {
  readonly name: string;
  readonly unique: boolean;
  /** Access method: btree, hash, gin, gist, brin, spgist, or an extension's. */
  readonly method: string;
  readonly keys: readonly IndexKey[];
  /** INCLUDE columns. */
  readonly include: readonly string[];
  /** The partial-index predicate as `pg_get_expr` prints it. */
  readonly where: string | null;
  readonly nullsNotDistinct: boolean;
  readonly comment: string | null;
}
