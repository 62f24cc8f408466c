import type { QualifiedName } from "./qualified-name.js";

export interface Deferrability {
  readonly deferrable: boolean;
  readonly initiallyDeferred: boolean;
}

export interface PrimaryKey {
  readonly name: string;
  readonly columns: readonly string[];
}

export interface UniqueConstraint extends Deferrability {
  readonly name: string;
  readonly columns: readonly string[];
  /** UNIQUE NULLS NOT DISTINCT (PostgreSQL 15+). */
  readonly nullsNotDistinct: boolean;
}

export type ReferentialAction = "no action" | "restrict" | "cascade" | "set null" | "set default";

export interface ForeignKey extends Deferrability {
  readonly name: string;
  readonly columns: readonly string[];
  readonly references: QualifiedName & { readonly columns: readonly string[] };
  readonly onDelete: ReferentialAction;
  readonly onUpdate: ReferentialAction;
  readonly match: "simple" | "full";
}

export interface CheckConstraint {
  readonly name: string;
  /** The boolean expression as `pg_get_expr` prints it, e.g. `(price > (0)::numeric)`. */
  readonly expression: string;
  readonly noInherit: boolean;
}
