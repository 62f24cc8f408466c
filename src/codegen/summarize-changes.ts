import type { Change, ChangeOf, CommentTarget, Constraint } from "../diff/change.js";
import type { Index } from "../ir/index-def.js";
import { nameOf } from "../ir/qualified-name.js";
import { quoteIdent, quoteLiteral } from "../ir/quote.js";
import { columnList, columnName, newName, objectName, singleLine } from "./display-name.js";
import { alterColumnSummary, alterEnumSummary, alterSequenceSummary, columnDescription } from "./summarize-alter.js";

/** One human-readable line per change, in the order of the changes. */
export function summarizeChanges(changes: readonly Change[]): readonly string[] {
  return changes.map(summarizeChange);
}

/** `add column public.users.phone (text)`, `rename table public.users to people`, ... — one line. */
export function summarizeChange(change: Change): string {
  return singleLine(describe(change));
}

function describe(change: Change): string {
  switch (change.kind) {
    case "createNamespace":
    case "dropNamespace":
    case "createExtension":
    case "dropExtension":
    case "alterExtension":
    case "createEnum":
    case "dropEnum":
    case "alterEnum":
    case "createSequence":
    case "dropSequence":
    case "alterSequence":
    case "createView":
    case "dropView":
    case "setComment":
      return schemaObjectSummary(change);
    case "createTable":
    case "dropTable":
    case "addColumn":
    case "dropColumn":
    case "alterColumn":
    case "addConstraint":
    case "dropConstraint":
    case "createIndex":
    case "dropIndex":
      return tableSummary(change);
    case "renameTable":
    case "renameColumn":
    case "renameEnum":
    case "renameIndex":
    case "renameConstraint":
      return renameSummary(change);
    default: {
      const unknown: never = change;
      throw new Error(`unknown change ${JSON.stringify(unknown)}`);
    }
  }
}

type SchemaObjectChange = ChangeOf<
  | "createNamespace" | "dropNamespace" | "createExtension" | "dropExtension" | "alterExtension" | "createEnum" | "dropEnum"
  | "alterEnum" | "createSequence" | "dropSequence" | "alterSequence" | "createView" | "dropView" | "setComment"
>;

function schemaObjectSummary(change: SchemaObjectChange): string {
  switch (change.kind) {
    case "createNamespace":
      return `create schema ${quoteIdent(change.to.name)}`;
    case "dropNamespace":
      return `drop schema ${quoteIdent(change.from.name)}`;
    case "createExtension":
      return `create extension ${quoteIdent(change.to.name)}${change.to.version === null ? "" : ` version ${change.to.version}`}`;
    case "dropExtension":
      return `drop extension ${quoteIdent(change.from.name)}`;
    case "alterExtension":
      return `update extension ${quoteIdent(change.to.name)}: version ${change.from.version ?? "?"} → ${change.to.version ?? "?"}`;
    case "createEnum":
      return `create enum ${objectName(change.to)} (${change.to.values.map(quoteLiteral).join(", ")})`;
    case "dropEnum":
      return `drop enum ${objectName(change.from)}`;
    case "alterEnum":
      return alterEnumSummary(change);
    case "createSequence":
      return `create sequence ${objectName(change.to)}`;
    case "dropSequence":
      return `drop sequence ${objectName(change.from)}`;
    case "alterSequence":
      return alterSequenceSummary(change);
    case "createView":
      return `create ${change.to.materialized ? "materialized view" : "view"} ${objectName(change.to)}`;
    case "dropView":
      return `drop ${change.from.materialized ? "materialized view" : "view"} ${objectName(change.from)}`;
    case "setComment":
      return `${change.from === null ? "set" : change.to === null ? "drop" : "change"} comment on ${commentTarget(change.target)}`;
    default: {
      const unknown: never = change;
      throw new Error(`unknown change ${JSON.stringify(unknown)}`);
    }
  }
}

type TableChange = ChangeOf<
  "createTable" | "dropTable" | "addColumn" | "dropColumn" | "alterColumn" | "addConstraint" | "dropConstraint" | "createIndex" | "dropIndex"
>;

function tableSummary(change: TableChange): string {
  switch (change.kind) {
    case "createTable":
      return `create table ${objectName(change.to)}`;
    case "dropTable":
      return `drop table ${objectName(change.from)}`;
    case "addColumn":
      return `add column ${columnName(change.table, change.to.name)} (${columnDescription(change.to)})`;
    case "dropColumn":
      return `drop column ${columnName(change.table, change.from.name)}`;
    case "alterColumn":
      return alterColumnSummary(change);
    case "addConstraint":
      return `add ${constraintWords(change.to)} on ${objectName(change.table)}${constraintDetail(change.to)}`;
    case "dropConstraint":
      return `drop ${constraintWords(change.from)} on ${objectName(change.table)}`;
    case "createIndex":
      return `create ${change.to.unique ? "unique " : ""}index ${quoteIdent(change.to.name)} on ${objectName(change.table)}${indexDetail(change.to)}`;
    case "dropIndex":
      return `drop index ${quoteIdent(change.from.name)} on ${objectName(change.table)}`;
    default: {
      const unknown: never = change;
      throw new Error(`unknown change ${JSON.stringify(unknown)}`);
    }
  }
}

function renameSummary(change: ChangeOf<"renameTable" | "renameColumn" | "renameEnum" | "renameIndex" | "renameConstraint">): string {
  switch (change.kind) {
    case "renameTable":
      return `rename table ${objectName(change.from)} to ${newName(change.from, change.to)}`;
    case "renameColumn":
      return `rename column ${columnName(change.table, change.from.name)} to ${quoteIdent(change.to.name)}`;
    case "renameEnum":
      return `rename enum ${objectName(change.from)} to ${newName(change.from, change.to)}`;
    case "renameIndex":
      return `rename index ${quoteIdent(change.from.name)} on ${objectName(change.table)} to ${quoteIdent(change.to.name)}`;
    case "renameConstraint":
      return `rename ${constraintWords(change.from)} on ${objectName(change.table)} to ${quoteIdent(change.to.def.name)}`;
    default: {
      const unknown: never = change;
      throw new Error(`unknown change ${JSON.stringify(unknown)}`);
    }
  }
}

/** `foreign key posts_author_fk`. */
export function constraintWords(constraint: Constraint): string {
  return `${constraintKind(constraint)} ${quoteIdent(constraint.def.name)}`;
}

function constraintKind(constraint: Constraint): string {
  switch (constraint.type) {
    case "primaryKey":
      return "primary key";
    case "unique":
      return "unique constraint";
    case "foreignKey":
      return "foreign key";
    case "check":
      return "check constraint";
    default: {
      const unknown: never = constraint;
      throw new Error(`unknown constraint ${JSON.stringify(unknown)}`);
    }
  }
}

/** ` (author_id) → public.users (id)`, ` (email)`, `: (price > 0)`. */
function constraintDetail(constraint: Constraint): string {
  switch (constraint.type) {
    case "primaryKey":
    case "unique":
      return ` ${columnList(constraint.def.columns)}`;
    case "foreignKey": {
      const { references } = constraint.def;
      return ` ${columnList(constraint.def.columns)} → ${objectName(nameOf(references))} ${columnList(references.columns)}`;
    }
    case "check":
      return `: ${constraint.def.expression}`;
    default: {
      const unknown: never = constraint;
      throw new Error(`unknown constraint ${JSON.stringify(unknown)}`);
    }
  }
}

/** ` using gin (tags)`, ` (lower(email))`. */
function indexDetail(index: Index): string {
  const method = index.method === "btree" ? "" : ` using ${index.method}`;
  const keys = index.keys.map((key) => `${key.kind === "column" ? quoteIdent(key.value) : `(${key.value})`}${key.descending ? " desc" : ""}`);
  return `${method} (${keys.join(", ")})${index.where === null ? "" : ` where ${index.where}`}`;
}

function commentTarget(target: CommentTarget): string {
  switch (target.on) {
    case "schema":
      return `schema ${quoteIdent(target.name)}`;
    case "column":
      return `column ${columnName(target.object, target.column)}`;
    case "materializedView":
      return `materialized view ${objectName(target.object)}`;
    case "table":
    case "view":
    case "sequence":
    case "type":
    case "index":
      return `${target.on} ${objectName(target.object)}`;
    default: {
      const unknown: never = target;
      throw new Error(`unknown comment target ${JSON.stringify(unknown)}`);
    }
  }
}
