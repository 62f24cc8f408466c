import type { Column } from "./column.js";
import type { CheckConstraint, ForeignKey, PrimaryKey, UniqueConstraint } from "./constraint.js";
import type { Index } from "./index-def.js";

/** Constraints and indexes are keyed by their name, which PostgreSQL makes unique per table. */
export interface Table {
  readonly schema: string;
  readonly name: string;
  /** In the table's column order (attnum). */
  readonly columns: readonly Column[];
  readonly primaryKey: PrimaryKey | null;
  readonly uniques: Readonly<Record<string, UniqueConstraint>>;
  readonly foreignKeys: Readonly<Record<string, ForeignKey>>;
  readonly checks: Readonly<Record<string, CheckConstraint>>;
  readonly indexes: Readonly<Record<string, Index>>;
  readonly comment: string | null;
}
