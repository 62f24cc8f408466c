import type { Change } from "../diff/change.js";
import type { RenameChange } from "../diff/rename-change.js";
import { quoteIdent, quoteQualified } from "../ir/quote.js";
import { phased, type PhasedStatement } from "./phase.js";
import { serialSequenceRenames } from "./serial-sequence-renames.js";

/**
 * One statement per rename, and one per serial sequence it takes along (`users_id_seq` →
 * `people_id_seq`, see `serialSequenceRenames`; `before` is the changes listed before it). A rename
 * keeps the object's identity, so what refers to it (foreign keys, views, column types, sequences'
 * owners and nextval() defaults) follows; a primary key or unique constraint's index is renamed
 * with it. Renames never leave their schema.
 */
export function planRename(change: RenameChange, before: readonly Change[]): PhasedStatement[] {
  const at = phased(change);
  return [at("renames", renameSql(change)), ...serialSequenceRenames(change, before).map((sql) => at("renames", sql))];
}

function renameSql(change: RenameChange): string {
  switch (change.kind) {
    case "renameTable":
      return `ALTER TABLE ${quoteQualified(change.from.schema, change.from.name)} RENAME TO ${quoteIdent(change.to.name)}`;
    case "renameEnum":
      return `ALTER TYPE ${quoteQualified(change.from.schema, change.from.name)} RENAME TO ${quoteIdent(change.to.name)}`;
    case "renameColumn":
      return `${alterTable(change)} RENAME COLUMN ${quoteIdent(change.from.name)} TO ${quoteIdent(change.to.name)}`;
    case "renameIndex":
      return `ALTER INDEX ${quoteQualified(change.table.schema, change.from.name)} RENAME TO ${quoteIdent(change.to.name)}`;
    case "renameConstraint":
      return `${alterTable(change)} RENAME CONSTRAINT ${quoteIdent(change.from.def.name)} TO ${quoteIdent(change.to.def.name)}`;
    default: {
      const unknown: never = change;
      throw new Error(`unknown rename ${JSON.stringify(unknown)}`);
    }
  }
}

function alterTable(change: { readonly table: { readonly schema: string; readonly name: string } }): string {
  return `ALTER TABLE ${quoteQualified(change.table.schema, change.table.name)}`;
}
