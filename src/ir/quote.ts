/**
 * The one place where identifiers are quoted and literals escaped. No SQL text anywhere else is
 * built by interpolating a name or a value: it calls these.
 */
import { NON_BARE_KEYWORDS } from "./keywords.js";

/** What PostgreSQL's own quote_ident leaves bare (it quotes `$` too), so keys match format_type. */
const BARE_IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** `users` stays bare; `Users`, `select`, `a b`, `x"y` and non-ASCII names are double-quoted. */
export function quoteIdent(name: string): string {
  if (BARE_IDENTIFIER.test(name) && !NON_BARE_KEYWORDS.has(name)) return name;
  return `"${name.replaceAll('"', '""')}"`;
}

/** `schema.name`, each part quoted as needed. */
export function quoteQualified(schema: string, name: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(name)}`;
}

/**
 * A string literal. Standard-conforming strings are on in every supported server, so only the
 * single quote is doubled; a literal containing a backslash uses the E'' form so that it reads the
 * same whatever `standard_conforming_strings` says.
 */
export function quoteLiteral(value: string): string {
  if (value.includes("\0")) throw new RangeError("PostgreSQL text cannot contain a NUL character");
  const body = value.replaceAll("'", "''");
  if (!value.includes("\\")) return `'${body}'`;
  return `E'${body.replaceAll("\\", "\\\\")}'`;
}

/**
 * A parameter value as an SQL literal, for offline SQL where `$1` cannot be bound: NULL, numbers,
 * booleans, strings, dates (ISO 8601) and JSON-able objects (as text).
 */
export function quoteValue(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`${value} has no SQL literal`);
    return String(value);
  }
  if (typeof value === "string") return quoteLiteral(value);
  if (value instanceof Date) return quoteLiteral(value.toISOString());
  return quoteLiteral(JSON.stringify(value));
}

/** `sql` with each `$n` outside quotes replaced by the literal of `params[n - 1]`. */
export function inlineParameters(sql: string, params: readonly unknown[]): string {
  return sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|\$(\d+)/g, (match, index: string | undefined) => {
    if (index === undefined) return match;
    const position = Number(index) - 1;
    if (position < 0 || position >= params.length) throw new RangeError(`$${index} has no parameter`);
    return quoteValue(params[position]);
  });
}
