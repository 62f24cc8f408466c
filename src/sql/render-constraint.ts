import type { Constraint } from "../diff/change.js";
import type { Deferrability, ReferentialAction } from "../ir/constraint.js";
import type { Index, IndexKey } from "../ir/index-def.js";
import { quoteIdent, quoteQualified } from "../ir/quote.js";
import type { QualifiedName } from "../ir/qualified-name.js";

export function identList(names: readonly string[]): string {
  return names.map(quoteIdent).join(", ");
}

/** `CONSTRAINT name …`, as in CREATE TABLE or ADD CONSTRAINT. */
export function constraintDefinition(constraint: Constraint): string {
  const name = `CONSTRAINT ${quoteIdent(constraint.def.name)}`;
  switch (constraint.type) {
    case "primaryKey":
      return `${name} PRIMARY KEY (${identList(constraint.def.columns)})`;
    case "unique": {
      const nulls = constraint.def.nullsNotDistinct ? " NULLS NOT DISTINCT" : "";
      return `${name} UNIQUE${nulls} (${identList(constraint.def.columns)})${deferrable(constraint.def)}`;
    }
    case "foreignKey": {
      const fk = constraint.def;
      const target = `${quoteQualified(fk.references.schema, fk.references.name)} (${identList(fk.references.columns)})`;
      const match = fk.match === "full" ? " MATCH FULL" : "";
      const actions = `${action("DELETE", fk.onDelete)}${action("UPDATE", fk.onUpdate)}`;
      return `${name} FOREIGN KEY (${identList(fk.columns)}) REFERENCES ${target}${match}${actions}${deferrable(fk)}`;
    }
    case "check":
      return `${name} CHECK (${constraint.def.expression})${constraint.def.noInherit ? " NO INHERIT" : ""}`;
    default: {
      const unknown: never = constraint;
      throw new Error(`unknown constraint ${JSON.stringify(unknown)}`);
    }
  }
}

function action(event: "DELETE" | "UPDATE", referential: ReferentialAction): string {
  return referential === "no action" ? "" : ` ON ${event} ${referential.toUpperCase()}`;
}

function deferrable(def: Deferrability): string {
  if (!def.deferrable) return "";
  return def.initiallyDeferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE";
}

export function createIndexSql(table: QualifiedName, index: Index): string {
  const unique = index.unique ? "UNIQUE " : "";
  const using = index.method === "btree" ? "" : ` USING ${quoteIdent(index.method)}`;
  const include = index.include.length > 0 ? ` INCLUDE (${identList(index.include)})` : "";
  const nulls = index.nullsNotDistinct ? " NULLS NOT DISTINCT" : "";
  const where = index.where === null ? "" : ` WHERE ${index.where}`;
  const target = quoteQualified(table.schema, table.name);
  return `CREATE ${unique}INDEX ${quoteIdent(index.name)} ON ${target}${using} (${index.keys.map(indexKey).join(", ")})${include}${nulls}${where}`;
}

function indexKey(key: IndexKey): string {
  const parts = [key.kind === "column" ? quoteIdent(key.value) : `(${key.value})`];
  if (key.collation !== null) parts.push(`COLLATE ${quoteQualified(key.collation.schema, key.collation.name)}`);
  if (key.opclass !== null) parts.push(quoteQualified(key.opclass.schema, key.opclass.name));
  if (key.descending) parts.push("DESC");
  if (key.nullsFirst !== key.descending) parts.push(key.nullsFirst ? "NULLS FIRST" : "NULLS LAST");
  return parts.join(" ");
}
