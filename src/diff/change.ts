import type { Column } from "../ir/column.js";
import type { CheckConstraint, ForeignKey, PrimaryKey, UniqueConstraint } from "../ir/constraint.js";
import type { Index } from "../ir/index-def.js";
import type { EnumType, Extension, Namespace, View } from "../ir/objects.js";
import type { QualifiedName } from "../ir/qualified-name.js";
import type { Sequence } from "../ir/sequence.js";
import type { Table } from "../ir/table.js";

/** A table constraint, tagged with its type. */
export type Constraint =
  | { readonly type: "primaryKey"; readonly def: PrimaryKey }
  | { readonly type: "unique"; readonly def: UniqueConstraint }
  | { readonly type: "foreignKey"; readonly def: ForeignKey }
  | { readonly type: "check"; readonly def: CheckConstraint };

/** A column that uses a type, which must follow the type when the type is recreated. */
export interface TypeUsage {
  readonly table: QualifiedName;
  readonly column: Column;
}

/** What a comment is on, for comments changed on objects that otherwise stay. */
export type CommentTarget =
  | { readonly on: "schema"; readonly name: string }
  | { readonly on: "table" | "view" | "materializedView" | "sequence" | "type" | "index"; readonly object: QualifiedName }
  | { readonly on: "column"; readonly object: QualifiedName; readonly column: string };

/**
 * One difference between two schemas. Every change carries the whole object it adds or drops, or
 * both sides of what it alters, so it can be rendered, inverted and reviewed on its own.
 */
export type Change =
  | { readonly kind: "createNamespace"; readonly to: Namespace }
  | { readonly kind: "dropNamespace"; readonly from: Namespace }
  | { readonly kind: "createExtension"; readonly to: Extension }
  | { readonly kind: "dropExtension"; readonly from: Extension }
  | { readonly kind: "alterExtension"; readonly from: Extension; readonly to: Extension }
  | { readonly kind: "createEnum"; readonly to: EnumType }
  | { readonly kind: "dropEnum"; readonly from: EnumType }
  | {
      readonly kind: "alterEnum";
      readonly from: EnumType;
      readonly to: EnumType;
      /** Columns of the enum (or arrays of it) on each side, recast if the type is recreated. */
      readonly fromUsages: readonly TypeUsage[];
      readonly toUsages: readonly TypeUsage[];
    }
  | { readonly kind: "createSequence"; readonly to: Sequence }
  | { readonly kind: "dropSequence"; readonly from: Sequence }
  | { readonly kind: "alterSequence"; readonly from: Sequence; readonly to: Sequence }
  | { readonly kind: "createTable"; readonly to: Table }
  | { readonly kind: "dropTable"; readonly from: Table }
  | { readonly kind: "addColumn"; readonly table: QualifiedName; readonly to: Column }
  | { readonly kind: "dropColumn"; readonly table: QualifiedName; readonly from: Column }
  | { readonly kind: "alterColumn"; readonly table: QualifiedName; readonly from: Column; readonly to: Column }
  | { readonly kind: "addConstraint"; readonly table: QualifiedName; readonly to: Constraint }
  | { readonly kind: "dropConstraint"; readonly table: QualifiedName; readonly from: Constraint }
  | { readonly kind: "createIndex"; readonly table: QualifiedName; readonly to: Index }
  | { readonly kind: "dropIndex"; readonly table: QualifiedName; readonly from: Index }
  | { readonly kind: "createView"; readonly to: View }
  | { readonly kind: "dropView"; readonly from: View }
  | { readonly kind: "setComment"; readonly target: CommentTarget; readonly from: string | null; readonly to: string | null }
  /*
   * Renames. `from` is the object under its old name, `to` the same object under its new name (as
   * it is on the `to` side); whatever else differs is further changes. `inferred` is true when the
   * differ guessed the rename (the author must confirm it), false when the user stated it (or it
   * follows a stated one: `users_pkey` → `people_pkey` after `users` → `people`). A rename stays in
   * its schema and table. The differ lists renames before every change that names the objects by
   * their new names, and the planner keeps that order (see `orderedStatements`).
   */
  | { readonly kind: "renameTable"; readonly from: Table; readonly to: Table; readonly inferred: boolean }
  | { readonly kind: "renameColumn"; readonly table: QualifiedName; readonly from: Column; readonly to: Column; readonly inferred: boolean }
  | { readonly kind: "renameEnum"; readonly from: EnumType; readonly to: EnumType; readonly inferred: boolean }
  | { readonly kind: "renameIndex"; readonly table: QualifiedName; readonly from: Index; readonly to: Index; readonly inferred: boolean }
  | {
      readonly kind: "renameConstraint";
      readonly table: QualifiedName;
      readonly from: Constraint;
      readonly to: Constraint;
      readonly inferred: boolean;
    };

export type ChangeKind = Change["kind"];

/** The change of one kind (or kinds), for functions that plan only those. */
export type ChangeOf<K extends ChangeKind> = Extract<Change, { kind: K }>;
