import { keyOf, type QualifiedName } from "../ir/qualified-name.js";
import { quoteIdent, quoteQualified } from "../ir/quote.js";

/*
 * Names as summaries and warnings show them: their SQL spelling, quoted only where it must be, so
 * that `public.users.email` reads plainly and `"My App"."User"` cannot be misread.
 */

/** `public.users`. */
export function objectName(object: QualifiedName): string {
  return keyOf(object);
}

/** `public.users.email`. */
export function columnName(table: QualifiedName, column: string): string {
  return `${keyOf(table)}.${quoteIdent(column)}`;
}

/** A renamed object's new name: bare when it stays in its schema, else qualified. */
export function newName(from: QualifiedName, to: QualifiedName): string {
  return from.schema === to.schema ? quoteIdent(to.name) : quoteQualified(to.schema, to.name);
}

/** `(a, b)`. */
export function columnList(columns: readonly string[]): string {
  return `(${columns.map(quoteIdent).join(", ")})`;
}

const LINE_BREAKING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/gu;
const NAMED_ESCAPES: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/**
 * One line whatever the names hold: control characters and line separators are shown as escapes
 * (`\n`, `\u001b`), so that a summary is always one line of a comment, a terminal or a table.
 */
export function singleLine(text: string): string {
  return text.replace(LINE_BREAKING, (char) => NAMED_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
