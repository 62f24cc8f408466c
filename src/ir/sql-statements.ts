export interface SplitOptions {
  /**
   * A `$` that opens no dollar quote (`$1`, `price$`) makes the text unsplittable: whether `$x$`
   * after a name's character opens a quote depends on what precedes it, so a caller that must be
   * sure refuses such text.
   */
  readonly strictDollar?: boolean;
}

/**
 * The statements of an SQL text as PostgreSQL splits them: at the semicolons outside string
 * literals ('…', E'…' with backslash escapes), quoted identifiers, dollar-quoted bodies ($tag$…$tag$,
 * what a DO block or a function body is) and comments. Null when the text ends inside one of those:
 * the caller cannot tell where its statements are.
 *
 * The read cache uses it to find a statement that could end a transaction (`END` inside a DO
 * block's body is PL/pgSQL's, not a top-level `END`); the runner, to know that statements joined
 * into one message stay the statements they were (`strictDollar`).
 */
export function topLevelStatements(sql: string, options: SplitOptions = {}): readonly string[] | null {
  const statements: string[] = [];
  let current = "";
  let at = 0;
  while (at < sql.length) {
    const skipped = skipQuotedOrComment(sql, at, options.strictDollar === true);
    if (skipped === null) return null;
    if (skipped > at) {
      current += " ";
      at = skipped;
    } else if (sql[at] === ";") {
      statements.push(current);
      current = "";
      at += 1;
    } else {
      current += sql[at];
      at += 1;
    }
  }
  statements.push(current);
  return statements;
}

const DOLLAR_TAG = /\$([A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)?\$/y;

/** Where the literal, identifier, body or comment starting at `at` ends; `at` when none starts there; null when it never ends. */
function skipQuotedOrComment(sql: string, at: number, strictDollar: boolean): number | null {
  const char = sql[at];
  const next = sql[at + 1];
  if (char === "-" && next === "-") {
    const end = sql.indexOf("\n", at);
    return end < 0 ? sql.length : end + 1;
  }
  if (char === "/" && next === "*") return blockCommentEnd(sql, at);
  if (char === "'") return quotedEnd(sql, at + 1, "'", isEscapeString(sql, at));
  if (char === '"') return quotedEnd(sql, at + 1, '"', false);
  if (char === "$") return dollarQuoteEnd(sql, at, strictDollar);
  return at;
}

/** A `$tag$…$tag$` body; a `$` that opens none (a parameter, a name's character) is text, or unsplittable when strict. */
function dollarQuoteEnd(sql: string, at: number, strict: boolean): number | null {
  const unquoted = strict ? null : at;
  if (NAME_CHARACTER.test(sql[at - 1] ?? "")) return unquoted;
  DOLLAR_TAG.lastIndex = at;
  const tag = DOLLAR_TAG.exec(sql)?.[0];
  if (tag === undefined) return unquoted;
  const end = sql.indexOf(tag, at + tag.length);
  return end < 0 ? null : end + tag.length;
}

const NAME_CHARACTER = /[\w$\u0080-\uffff]/;

/** E'…' (or e'…'), not the end of a word such as `type'…'`. */
function isEscapeString(sql: string, quote: number): boolean {
  return /[eE]/.test(sql[quote - 1] ?? "") && !NAME_CHARACTER.test(sql[quote - 2] ?? "");
}

function quotedEnd(sql: string, from: number, quote: string, backslashEscapes: boolean): number | null {
  for (let at = from; at < sql.length; at += 1) {
    if (backslashEscapes && sql[at] === "\\") at += 1;
    else if (sql[at] === quote) {
      if (sql[at + 1] !== quote) return at + 1;
      at += 1; // a doubled quote stands for one
    }
  }
  return null;
}

/** Block comments nest in PostgreSQL. */
function blockCommentEnd(sql: string, from: number): number | null {
  let depth = 0;
  for (let at = from; at < sql.length - 1; at += 1) {
    if (sql[at] === "/" && sql[at + 1] === "*") {
      depth += 1;
      at += 1;
    } else if (sql[at] === "*" && sql[at + 1] === "/") {
      depth -= 1;
      at += 1;
      if (depth === 0) return at + 1;
    }
  }
  return null;
}
