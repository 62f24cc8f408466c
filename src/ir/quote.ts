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
