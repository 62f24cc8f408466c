/**
 * A TypeScript literal whose value is exactly `sql`. One-line SQL is a double-quoted string (JSON's
 * escaping); SQL that spans lines (CREATE TABLE, views) is a template literal without substitutions,
 * so that it reads as SQL in a pull request. Characters that would be invisible or change meaning
 * in the file are escaped: control characters, line and paragraph separators, lone surrogates
 * (which UTF-8 cannot hold), and in a template literal `\`, a backquote, `${` and `\r` (which a
 * template literal would read as `\n`).
 */
export function sqlLiteral(sql: string): string {
  if (!sql.includes("\n")) return JSON.stringify(sql).replace(INVISIBLE, unicodeEscape);
  const body = sql.replace(TEMPLATE_SPECIAL, (match) => TEMPLATE_ESCAPES[match] ?? unicodeEscape(match));
  return `\`${body}\``;
}

/** Characters JSON.stringify leaves raw that a reader could not see or that could break a line. */
const INVISIBLE = /[\u007f-\u009f\u2028\u2029]|[\uD800-\uDFFF]/gu;

/** In a template literal: everything that is not itself, or not visible. Newlines stay. */
const TEMPLATE_SPECIAL = /\\|`|\$\{|[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]|[\uD800-\uDFFF]/gu;

const TEMPLATE_ESCAPES: Readonly<Record<string, string>> = {
  "\\": "\\\\",
  "`": "\\`",
  "${": "\\${",
  "\t": "\\t",
  "\r": "\\r",
};

function unicodeEscape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
}
