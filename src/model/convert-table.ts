import type { SQL } from "drizzle-orm";
import type { IndexedColumn, PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { CheckConstraint, ForeignKey, PrimaryKey, ReferentialAction, UniqueConstraint } from "../ir/constraint.js";
import type { Index, IndexKey } from "../ir/index-def.js";
import type { Table } from "../ir/table.js";
import { columnName, convertColumn, type Casing } from "./convert-column.js";
import { renderSql } from "./render-sql.js";
import { drizzle, drizzlePgCore } from "./drizzle-runtime.js";

const { is, SQL: SqlClass } = drizzle;
const { getTableConfig } = drizzlePgCore;

type TableConfig = ReturnType<typeof getTableConfig>;

/** A drizzle table as the IR holds it, with the names drizzle-kit would give unnamed objects. */
export function convertTable(table: PgTable, casing: Casing): Table {
  const config = getTableConfig(table);
  const name = (column: PgColumn) => columnName(column, casing);
  const primaryKey = primaryKeyOf(config, name);
  const inKey = new Set(primaryKey?.columns ?? []);
  return {
    schema: config.schema ?? "public",
    name: config.name,
    columns: config.columns.map((column) => convertColumn(column, casing, inKey.has(name(column)))),
    primaryKey,
    uniques: byName(uniquesOf(config, name)),
    foreignKeys: byName(config.foreignKeys.map((fk) => foreignKeyOf(fk, name))),
    checks: byName(config.checks.map((check): CheckConstraint => ({ name: check.name, expression: renderSql(check.value), noInherit: false }))),
    indexes: byName(config.indexes.map((index) => indexOf(index, config.name, casing))),
    comment: null,
  };
}

function byName<T extends { readonly name: string }>(items: readonly T[]): Record<string, T> {
  return Object.fromEntries(items.map((item) => [item.name, item]));
}

/** `.primaryKey()` on a column is PostgreSQL's `<table>_pkey`; `primaryKey({ columns })` names its own. */
function primaryKeyOf(config: TableConfig, name: (c: PgColumn) => string): PrimaryKey | null {
  const composite = config.primaryKeys[0];
  if (composite !== undefined) return { name: composite.getName(), columns: composite.columns.map(name) };
  const column = config.columns.find((candidate) => candidate.primary);
  return column === undefined ? null : { name: `${config.name}_pkey`, columns: [name(column)] };
}

function uniquesOf(config: TableConfig, name: (c: PgColumn) => string): UniqueConstraint[] {
  const fromColumns = config.columns
    .filter((column) => column.isUnique)
    .map((column): UniqueConstraint => ({
      name: column.uniqueName ?? `${config.name}_${name(column)}_unique`,
      columns: [name(column)],
      nullsNotDistinct: column.uniqueType === "not distinct",
      deferrable: false,
      initiallyDeferred: false,
    }));
  const declared = config.uniqueConstraints.map((unique): UniqueConstraint => ({
    name: unique.getName() ?? `${config.name}_${unique.columns.map(name).join("_")}_unique`,
    columns: unique.columns.map(name),
    nullsNotDistinct: unique.nullsNotDistinct,
    deferrable: false,
    initiallyDeferred: false,
  }));
  return [...fromColumns, ...declared];
}

function foreignKeyOf(fk: TableConfig["foreignKeys"][number], name: (c: PgColumn) => string): ForeignKey {
  const reference = fk.reference();
  const target = getTableConfig(reference.foreignTable);
  return {
    name: fk.getName(),
    columns: reference.columns.map(name),
    references: { schema: target.schema ?? "public", name: target.name, columns: reference.foreignColumns.map(name) },
    onDelete: (fk.onDelete ?? "no action") as ReferentialAction,
    onUpdate: (fk.onUpdate ?? "no action") as ReferentialAction,
    match: "simple",
    deferrable: false,
    initiallyDeferred: false,
  };
}

function indexOf(index: TableConfig["indexes"][number], table: string, casing: Casing): Index {
  const { config } = index;
  const keys = config.columns.map((key) => indexKey(key, casing));
  return {
    name: config.name ?? `${table}_${keys.map((key) => key.value).join("_")}_index`,
    unique: config.unique,
    method: config.method ?? "btree",
    keys,
    include: [],
    where: config.where === undefined ? null : renderSql(config.where),
    nullsNotDistinct: false,
    comment: null,
  };
}

function indexKey(key: Partial<IndexedColumn | SQL>, casing: Casing): IndexKey {
  if (is(key, SqlClass)) return { kind: "expression", value: renderSql(key), descending: false, nullsFirst: false, opclass: null, collation: null };
  const column = key as IndexedColumn;
  const descending = column.indexConfig?.order === "desc";
  const nulls = column.indexConfig?.nulls;
  const opclass = column.indexConfig?.opClass;
  return {
    kind: "column",
    value: columnName({ name: column.name ?? "", keyAsName: column.keyAsName }, casing),
    descending,
    nullsFirst: nulls === undefined ? descending : nulls === "first",
    opclass: opclass === undefined ? null : { schema: "pg_catalog", name: opclass },
    collation: null,
  };
}
