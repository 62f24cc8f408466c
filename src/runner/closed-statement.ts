/**
 * Whether `sql` ends outside any string, quoted name, block comment or dollar quote, so that a `;`
 * after it ends it, and statements joined into one message stay the statements they were alone:
 * `SELECT 'a` then `b'` would otherwise become one valid statement where each alone is an error.
 *
 * Conservative on purpose; false sends the migration statement by statement as before. A backslash
 * anywhere (E'' strings escape quotes with it, '' strings do not: telling them apart needs the
 * server's settings) and a `$` that does not open a dollar quote (`col$1`, `$1`) give false.
 */
export function endsAtTopLevel(sql: string): boolean {
  if (sql.includes("\\")) return false;
  for (let at = 0; at < sql.length; ) {
    const next = skipToken(sql, at);
    if (next === undefined) return false;
    at = next;
  }
  return true;
}

/** Where the token at `at` ends; undefined when it never closes or cannot be told. */
function skipToken(sql: string, at: number): number | undefined {
  const two = sql.slice(at, at + 2);
  if (two === "--") {
    const end = sql.indexOf("\n", at);
    return end < 0 ? sql.length : end + 1;
  }
  if (two === "/*") return blockCommentEnd(sql, at + 2);
  const char = sql.charAt(at);
  if (char === "'" || char === '"') return quotedEnd(sql, at + 1, char);
  if (char === "$") return dollarQuoteEnd(sql, at);
  return at + 1;
}

/** After an opening quote: the closing one, a doubled quote being the quote character itself. */
function quotedEnd(sql: string, from: number, quote: string): number | undefined {
  for (let at = from; at < sql.length; at += 1) {
    if (sql.charAt(at) !== quote) continue;
    if (sql.charAt(at + 1) === quote) at += 1;
    else return at + 1;
  }
  return undefined;
}

/** Block comments nest in PostgreSQL. */
function blockCommentEnd(sql: string, from: number): number | undefined {
  let depth = 1;
  let at = from;
  while (at < sql.length) {
    const two = sql.slice(at, at + 2);
    if (two === "/*") depth += 1;
    else if (two === "*/") depth -= 1;
    else {
      at += 1;
      continue;
    }
    at += 2;
    if (depth === 0) return at;
  }
  return undefined;
}

const DOLLAR_TAG = /\$(?:[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)?\$/y;

/** A `$tag$` opening after something other than a name's character, up to the same tag. */
function dollarQuoteEnd(sql: string, at: number): number | undefined {
  if (at > 0 && /[\w\u0080-\uffff$]/.test(sql.charAt(at - 1))) return undefined;
  DOLLAR_TAG.lastIndex = at;
  const tag = DOLLAR_TAG.exec(sql)?.[0];
  if (tag === undefined) return undefined;
  const close = sql.indexOf(tag, at + tag.length);
  return close < 0 ? undefined : close + tag.length;
}
