import { quoteLiteral } from "../ir/quote.js";

const INT4_MAX = 2147483647;
const INT4_MIN = -2147483648;

/** Types whose input text PostgreSQL keeps as written, so a string default's canonical form is known. */
const VERBATIM_TEXT_TYPES = /^(text|character varying(\(\d+\))?|character\(\d+\)|json)$/;

/**
 * A JS default value as `pg_get_expr` prints it, where the rule is known: integers (negative ones
 * as `'-5'::integer`), decimals, booleans, and strings of text-like and enum types. Otherwise the
 * literal as drizzle-kit would write it, left for the database to canonicalize.
 */
export function literalDefault(value: unknown, typeSql: string, isEnum: boolean): string {
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number" || typeof value === "bigint") return numberDefault(value);
  if (typeof value === "string") return stringDefault(value, typeSql, isEnum);
  if (value instanceof Date) return `${quoteLiteral(value.toISOString())}::${castName(typeSql)}`;
  // JSON first: a JSON array default is JSON text, not a PostgreSQL array literal.
  if (typeSql === "json" || typeSql === "jsonb") return `${quoteLiteral(JSON.stringify(value))}::${typeSql}`;
  if (Array.isArray(value)) return `${quoteLiteral(arrayLiteral(value))}::${typeSql}`;
  return `${quoteLiteral(JSON.stringify(value))}::${castName(typeSql)}`;
}

function numberDefault(value: number | bigint): string {
  const text = value.toString();
  const isInteger = typeof value === "bigint" || Number.isInteger(value);
  if (!isInteger) return value < 0 ? `${quoteLiteral(text)}::numeric` : text;
  if (value > INT4_MAX || value < INT4_MIN) return `${quoteLiteral(text)}::bigint`;
  return value < 0 ? `${quoteLiteral(text)}::integer` : text;
}

function stringDefault(value: string, typeSql: string, isEnum: boolean): string {
  const literal = quoteLiteral(value);
  if (isEnum || VERBATIM_TEXT_TYPES.test(typeSql)) return `${literal}::${castName(typeSql)}`;
  // Other types (numeric, dates, uuid…): the bare literal, which the column's type coerces, as
  // drizzle-kit writes it; the database spells the canonical form.
  return literal;
}

/** The type as a cast names it: no length on varchar, `bpchar` for character(n). */
function castName(typeSql: string): string {
  if (typeSql.startsWith("character varying")) return "character varying";
  if (typeSql.startsWith("character(")) return "bpchar";
  return typeSql;
}

/** A PostgreSQL array literal: `{a,"b c"}`, nested for nested arrays. */
function arrayLiteral(values: readonly unknown[]): string {
  const items = values.map((item) => {
    if (Array.isArray(item)) return arrayLiteral(item);
    if (item === null) return "NULL";
    const text = typeof item === "object" ? JSON.stringify(item) : String(item);
    return `"${text.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
  });
  return `{${items.join(",")}}`;
}
