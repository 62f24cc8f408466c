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
 * A parameter value as an SQL literal, for offline SQL where `$1` cannot be bound: the text that
 * node-postgres sends for the value, quoted. PostgreSQL reads a quoted literal, like a bound
 * parameter, as of unknown type and takes its type from where it stands (`'5'` fits an integer, a
 * text and a jsonb column alike; a bare `5` does not, and `10-$1` must not become `10--5`). So:
 * NULL for null and undefined; a number, bigint or boolean as its text; a Date in the process's
 * local time with its offset, as pg writes it (so offline and online read the same TZ); an array as
 * a PostgreSQL array literal; a plain object as its JSON; bytes as a bytea literal. Anything else
 * (a Map, a class instance, a function) throws a RangeError naming its type.
 */
export function quoteValue(value: unknown): string {
  if (ArrayBuffer.isView(value)) return `${quoteLiteral(`\\x${hexOf(value)}`)}::bytea`;
  const text = parameterText(value);
  return text === null ? "NULL" : quoteLiteral(text);
}

/**
 * The text node-postgres sends for a value (its `prepareValue`); null for SQL NULL. The switch
 * covers every `typeof`: TypeScript reports a missing one as a path that returns nothing.
 */
function parameterText(value: unknown): string | null {
  switch (typeof value) {
    case "undefined":
      return null;
    case "string":
      return value;
    case "number":
    case "bigint":
    case "boolean":
      return String(value);
    case "object":
      return objectText(value);
    case "symbol":
    case "function":
      throw unwritable(value);
  }
}

function objectText(value: object | null): string | null {
  if (value === null) return null;
  if (value instanceof Date) return dateText(value);
  if (Array.isArray(value)) return arrayText(value);
  const prototype: unknown = Object.getPrototypeOf(value);
  const plain = prototype === Object.prototype || prototype === null;
  if (plain && !("toPostgres" in value)) return JSON.stringify(value);
  throw unwritable(value);
}

function unwritable(value: unknown): RangeError {
  const name = typeof value === "object" && value !== null ? (value.constructor?.name ?? "object") : typeof value;
  const kind = "toPostgres" in Object(value) ? `${name} with toPostgres()` : name;
  return new RangeError(
    `A parameter of type ${kind} has no SQL literal: ` +
      "offline SQL writes strings, numbers, bigints, booleans, null, Dates, bytes, arrays and plain objects",
  );
}

/** pg's `dateToString`: local time, milliseconds, the offset, and ` BC` before year 1. */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError("an invalid Date has no SQL literal");
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  const year = date.getFullYear();
  const offset = -date.getTimezoneOffset();
  const day = `${pad(year < 1 ? 1 - year : year, 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
  const zone = `${offset < 0 ? "-" : "+"}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${day}T${time}${zone}${year < 1 ? " BC" : ""}`;
}

/** pg's `arrayString`: `{"a","b",NULL,{…}}`, `"` and `\` escaped inside elements, bytes as `\\x…`. */
function arrayText(items: readonly unknown[]): string {
  return `{${items.map(arrayElement).join(",")}}`;
}

function arrayElement(item: unknown): string {
  if (Array.isArray(item)) return arrayText(item);
  if (ArrayBuffer.isView(item)) return `\\\\x${hexOf(item)}`;
  const text = parameterText(item);
  return text === null ? "NULL" : `"${text.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
}

function hexOf(view: ArrayBufferView): string {
  return Array.from(new Uint8Array(view.buffer, view.byteOffset, view.byteLength), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * One token of PostgreSQL's lexer, as far as finding parameters needs. Tried in order at each
 * position; the parameter's number is group 1.
 */
const TOKEN = new RegExp(
  [
    String.raw`--[^\n]*`, // a line comment
    String.raw`/\*`, // a block comment opens; tokenEnd finds its end, as they nest
    String.raw`[Ee]'(?:[^'\\]|\\[\s\S]|'')*(?:'|$)`, // E'…', where a backslash escapes a quote
    String.raw`'(?:[^']|'')*(?:'|$)`, // '…'
    String.raw`"(?:[^"]|"")*(?:"|$)`, // a quoted identifier
    String.raw`\$(?:[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)?\$`, // $tag$ or $$ opens a dollar-quoted string
    String.raw`\$(\d+)`, // a parameter
    String.raw`[\w\u0080-\uffff][\w$\u0080-\uffff]*`, // a name or a number, which may hold $: col$1 is a name
    String.raw`[^-/'"$\w\u0080-\uffff]+`, // a run of anything else
    String.raw`[\s\S]`, // a character that opens none of these
  ].join("|"),
  "y",
);

/**
 * `sql` with each parameter `$n` replaced by the literal of `params[n - 1]` (see quoteValue). A `$n`
 * in a string ('…', E'…', $tag$…$tag$), a quoted identifier, a comment (`--`, nested `/* *\/`) or a
 * name (`col$1`) is left alone, as PostgreSQL reads it. A `$n` with no parameter, or a parameter
 * that no `$n` uses, throws a RangeError: binding them fails online too.
 */
export function inlineParameters(sql: string, params: readonly unknown[]): string {
  const unused = new Set(params.keys());
  let out = "";
  for (let at = 0; at < sql.length; ) {
    TOKEN.lastIndex = at;
    const match = TOKEN.exec(sql);
    if (match === null) throw new Error(`unreachable: no token at ${at}`);
    const [token, index] = match;
    const end = tokenEnd(sql, token, at + token.length);
    if (index === undefined) {
      out += sql.slice(at, end);
    } else {
      const position = Number(index) - 1;
      if (position < 0 || position >= params.length) throw new RangeError(`$${index} has no parameter (${params.length} given)`);
      unused.delete(position);
      out += quoteValue(params[position]);
    }
    at = end;
  }
  const [first] = unused;
  if (first !== undefined) throw new RangeError(`parameter $${first + 1} is never used in the statement`);
  return out;
}

/** Where a token that TOKEN only opens ends: a nested block comment, or a dollar-quoted string. */
function tokenEnd(sql: string, token: string, end: number): number {
  if (token === "/*") {
    let depth = 1;
    let at = end;
    while (depth > 0 && at < sql.length) {
      const next = sql.slice(at, at + 2);
      depth += next === "/*" ? 1 : next === "*/" ? -1 : 0;
      at += next === "/*" || next === "*/" ? 2 : 1;
    }
    return at;
  }
  if (token.startsWith("$") && token.endsWith("$") && token.length > 1) {
    const close = sql.indexOf(token, end);
    return close < 0 ? sql.length : close + token.length;
  }
  return end;
}
