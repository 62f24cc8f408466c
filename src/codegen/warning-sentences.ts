import type { Change, ChangeKind, ChangeOf } from "../diff/change.js";
import { quoteIdent, quoteLiteral } from "../ir/quote.js";
import { sameValue } from "../ir/same-value.js";
import type { Hazard } from "../sql/statement.js";
import { columnName, objectName } from "./display-name.js";
import { constraintWords, summarizeChange } from "./summarize-changes.js";

type Hazards = ReadonlySet<Hazard>;
type RenameKind = Extract<ChangeKind, `rename${string}`>;

const DROP_AND_ADD: Readonly<Record<RenameKind, string>> = {
  renameTable: "a DROP TABLE and a CREATE TABLE",
  renameColumn: "a DROP COLUMN and an ADD COLUMN",
  renameEnum: "a DROP TYPE and a CREATE TYPE",
  renameIndex: "a DROP INDEX and a CREATE INDEX",
  renameConstraint: "a DROP CONSTRAINT and an ADD CONSTRAINT",
};

/** A rename the differ guessed: how to say it is not one. */
export function inferredRenameSentence(change: Change): string | null {
  if (!(change.kind in DROP_AND_ADD) || !("inferred" in change) || !change.inferred) return null;
  return (
    `${summarizeChange(change)} was inferred (same definition, similar name). If it is not a rename, run again ` +
    `with --no-detect-renames or answer no at the prompt, or edit this file into ${DROP_AND_ADD[change.kind]}`
  );
}

/** What a destructive change loses, and what down cannot bring back. */
export function dataLossSentence(change: Change, hazards: Hazards): string | null {
  if (change.kind === "alterColumn") return alterColumnLoss(change, hazards);
  if (!hazards.has("destructive")) return null;
  switch (change.kind) {
    case "dropTable":
      return `DATA LOSS: drops table ${objectName(change.from)} and its rows; down cannot restore the data (it recreates the table empty)`;
    case "dropColumn":
      return `DATA LOSS: drops column ${columnName(change.table, change.from.name)}; down cannot restore the data (it recreates the column empty)`;
    case "dropNamespace":
      return `DATA LOSS: drops schema ${quoteIdent(change.from.name)}; down recreates it empty`;
    case "dropExtension":
      return `DATA LOSS: drops extension ${quoteIdent(change.from.name)} and what it created; down creates it again, without the data its objects held`;
    case "dropSequence":
      return `DATA LOSS: drops sequence ${objectName(change.from)}; down recreates it at its start value, not where it stood`;
    case "alterEnum": {
      const removed = change.from.values.filter((value) => !change.to.values.includes(value));
      if (removed.length === 0) break;
      const values = `${removed.length === 1 ? "value" : "values"} ${removed.map(quoteLiteral).join(", ")}`;
      return (
        `DATA LOSS: removes ${values} from enum ${objectName(change.to)}; the migration fails on rows that still hold ` +
        `${removed.length === 1 ? "it" : "one"}, so update them first`
      );
    }
    default:
      break;
  }
  return `DATA LOSS: ${summarizeChange(change)}; down cannot restore the data`;
}

function alterColumnLoss(change: ChangeOf<"alterColumn">, hazards: Hazards): string | null {
  const column = columnName(change.table, change.to.name);
  if (hazards.has("narrowing") && hazards.has("destructive")) {
    return (
      `DATA LOSS: type change of ${column} from ${change.from.type.sql} to ${change.to.type.sql} rounds or cuts values ` +
      `without an error; down cannot restore what was lost`
    );
  }
  if (!hazards.has("destructive")) return null;
  if (change.from.generated === null && change.to.generated !== null) {
    return `DATA LOSS: ${column} becomes a generated column: it is dropped and added again, so its values are replaced; down cannot restore them`;
  }
  return `DATA LOSS: ${summarizeChange(change)}; down cannot restore the data`;
}

/** A type change whose cast may fail, or that has no cast at all. */
export function castSentence(change: Change, hazards: Hazards): string | null {
  if (change.kind !== "alterColumn") return null;
  const { from, to } = change;
  const column = columnName(change.table, to.name);
  if (hazards.has("noCast")) {
    return `PostgreSQL has no cast from ${from.type.sql} to ${to.type.sql}: edit the USING expression for ${column} before running`;
  }
  if (hazards.has("narrowing") && !hazards.has("destructive")) {
    const change = `type change of ${column} from ${from.type.sql} to ${to.type.sql}`;
    if (/^timestamp/.test(from.type.sql) && /^timestamp/.test(to.type.sql)) {
      return `${change} reads existing values in the server's time zone (TimeZone); check that it is the one they were written in`;
    }
    return `${change} narrows it: the migration fails on rows that do not fit; check the data first`;
  }
  if (hazards.has("needsCast") && !hazards.has("narrowing")) {
    return `type change of ${column} from ${from.type.sql} to ${to.type.sql} uses an explicit cast that fails if a row does not convert`;
  }
  return null;
}

/** Which tables a lock-heavy change blocks, and for how long. */
export function lockSentence(change: Change, hazards: Hazards): string | null {
  if (!hazards.has("heavyLock")) return null;
  switch (change.kind) {
    case "alterColumn": {
      const { from, to } = change;
      const rewrites = from.type.sql !== to.type.sql || !sameValue(from.collation, to.collation) || !sameValue(from.generated, to.generated);
      const table = objectName(change.table);
      return `altering ${columnName(change.table, to.name)} locks ${table} (ACCESS EXCLUSIVE) while it ${rewrites ? "rewrites" : "scans"} the table`;
    }
    case "addColumn":
      return addColumnLock(change);
    case "createIndex":
      return (
        `building index ${quoteIdent(change.to.name)} locks ${objectName(change.table)} against writes (SHARE) ` +
        `until it is built; for a large table, consider CREATE INDEX CONCURRENTLY in a migration with transactional = false`
      );
    case "addConstraint":
      return addConstraintLock(change);
    case "alterEnum": {
      const tables = [...new Set(change.fromUsages.map((usage) => objectName(usage.table)))];
      if (tables.length === 0) break;
      return `recreating enum ${objectName(change.from)} locks ${tables.join(", ")} (ACCESS EXCLUSIVE) while it rewrites the columns that use it`;
    }
    default:
      break;
  }
  return `${summarizeChange(change)} takes an ACCESS EXCLUSIVE lock while it runs`;
}

function addColumnLock(change: ChangeOf<"addColumn">): string {
  const column = columnName(change.table, change.to.name);
  const table = objectName(change.table);
  const fill = change.to.default?.kind === "expression" ? ` with default ${change.to.default.sql}` : "";
  if (fill === "") return `adding ${column} locks ${table} (ACCESS EXCLUSIVE) while it rewrites the table to fill the column`;
  return `adding ${column}${fill} locks ${table} (ACCESS EXCLUSIVE); a volatile default (such as random()) also rewrites the table`;
}

function addConstraintLock(change: ChangeOf<"addConstraint">): string {
  const table = objectName(change.table);
  const what = `adding ${constraintWords(change.to)}`;
  switch (change.to.type) {
    case "foreignKey": {
      const referenced = objectName(change.to.def.references);
      const tables = referenced === table ? table : `${table} and ${referenced}`;
      return `${what} locks ${tables} against writes (SHARE ROW EXCLUSIVE) while it checks every row`;
    }
    case "check":
      return `${what} locks ${table} (ACCESS EXCLUSIVE) while it checks every row`;
    case "unique":
    case "primaryKey":
      return `${what} locks ${table} (ACCESS EXCLUSIVE) while it builds its index`;
    default: {
      const unknown: never = change.to;
      throw new Error(`unknown constraint ${JSON.stringify(unknown)}`);
    }
  }
}
