import type { PgColumn } from "drizzle-orm/pg-core";
import type { Column, ColumnDefault, ColumnType, Identity } from "../ir/column.js";
import { quoteQualified } from "../ir/quote.js";
import type { SequenceOptions } from "../ir/sequence.js";
import { canonicalBuiltinType } from "./canonical-type.js";
import { literalDefault } from "./literal-default.js";
import { renderSql } from "./render-sql.js";
import { drizzle, drizzleCasing, drizzlePgCore } from "./drizzle-runtime.js";

const { is, SQL } = drizzle;
const { toCamelCase, toSnakeCase } = drizzleCasing;
const { PgArray, PgEnumColumn } = drizzlePgCore;

export type Casing = "snake_case" | "camelCase" | undefined;

const SERIAL_TYPES = new Set(["serial", "bigserial", "smallserial"]);

/** The column's name in the database: drizzle's `casing` applies to names taken from object keys. */
export function columnName(column: { readonly name: string; readonly keyAsName: boolean }, casing: Casing): string {
  if (!column.keyAsName || casing === undefined) return column.name;
  return casing === "snake_case" ? toSnakeCase(column.name) : toCamelCase(column.name);
}

export function convertColumn(column: PgColumn, casing: Casing, inPrimaryKey: boolean): Column {
  const type = columnType(column);
  const serial = SERIAL_TYPES.has(column.getSQLType().toLowerCase());
  const identity = identityOf(column, type.sql);
  const generated = column.generated;
  return {
    name: columnName(column, casing),
    type,
    notNull: column.notNull || inPrimaryKey || serial || identity !== null,
    default: serial ? { kind: "serial" } : defaultOf(column, type),
    identity,
    generated:
      generated === undefined
        ? null
        : { expression: generatedText(generated.as), stored: true },
    collation: null,
    comment: null,
  };
}

/** Enums (and arrays of them) are schema-qualified; built-ins spelt as format_type spells them. */
function columnType(column: PgColumn): ColumnType {
  let base: PgColumn = column;
  let array = "";
  while (is(base, PgArray)) {
    base = base.baseColumn;
    array = "[]";
  }
  if (is(base, PgEnumColumn)) {
    const type = base.enum;
    const schema = type.schema ?? "public";
    return { sql: `${quoteQualified(schema, type.enumName)}${array}`, userType: { schema, name: type.enumName } };
  }
  const raw = column.getSQLType();
  return { sql: canonicalBuiltinType(raw) ?? raw, userType: null };
}

function defaultOf(column: PgColumn, type: ColumnType): ColumnDefault | null {
  if (column.default === undefined) return null;
  if (is(column.default, SQL)) return { kind: "expression", sql: renderSql(column.default) };
  return { kind: "expression", sql: literalDefault(column.default, type.sql, type.userType !== null) };
}

function generatedText(as: unknown): string {
  if (is(as, SQL)) return renderSql(as);
  if (typeof as === "function") return generatedText((as as () => unknown)());
  return String(as);
}

const RANGES: Readonly<Record<string, readonly [string, string]>> = {
  smallint: ["-32768", "32767"],
  integer: ["-2147483648", "2147483647"],
  bigint: ["-9223372036854775808", "9223372036854775807"],
};

/** Identity options with PostgreSQL's defaults filled in, as the catalog reports them. */
function identityOf(column: PgColumn, typeSql: string): Identity | null {
  const identity = column.generatedIdentity;
  if (identity === undefined) return null;
  const dataType = (["smallint", "integer", "bigint"] as const).find((t) => t === typeSql) ?? "integer";
  const [typeMin, typeMax] = RANGES[dataType] ?? ["1", "1"];
  const options = identity.sequenceOptions ?? {};
  const text = (value: unknown): string | undefined => (value === undefined ? undefined : String(value));
  const increment = text(options.increment) ?? "1";
  const descending = increment.startsWith("-");
  const minValue = text(options.minValue) ?? (descending ? typeMin : "1");
  const maxValue = text(options.maxValue) ?? (descending ? "-1" : typeMax);
  const sequence: SequenceOptions = {
    dataType,
    start: text(options.startWith) ?? (descending ? maxValue : minValue),
    increment,
    minValue,
    maxValue,
    cache: text(options.cache) ?? "1",
    cycle: options.cycle ?? false,
  };
  return { generation: identity.type === "always" ? "always" : "byDefault", sequence };
}
