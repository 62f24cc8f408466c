import { endsAtTopLevel } from "./closed-statement.js";
import type { MigrationContext } from "./migration-context.js";

/**
 * The statements of a migration function that does nothing but `await db.execute("<SQL text>")`,
 * one call after another (what `tidemark revision --autogenerate` writes), read by running it
 * against a context that only collects them; undefined for any other function.
 *
 * Only such a function can have its statements sent ahead of their turn: it awaits nothing else,
 * so nothing it does can depend on a statement's outcome or happen between two of them. The test
 * is on the function's source text (as esbuild or Node hand it over, types stripped): a header
 * `async function name(db) {` or `async (db) => {`, then only `await db.execute(<literal>);`
 * where the literal is a quoted string or a template without `${`. Anything else (a comment,
 * parameters, a variable, a second argument, a query) fails the test and the migration runs
 * statement by statement as before; so does one whose statement text might not end where a `;`
 * after it is read as its end.
 */
export async function plainStatements(fn: (db: MigrationContext) => unknown): Promise<readonly string[] | undefined> {
  if (!isPlain(Function.prototype.toString.call(fn))) return undefined;
  const statements: string[] = [];
  const refuse = (): never => {
    throw new Error("a plain migration function only executes statements");
  };
  const collector: MigrationContext = {
    execute: async (sql, params) => {
      if (typeof sql !== "string" || (params !== undefined && params.length > 0)) refuse();
      statements.push(sql);
    },
    query: async () => refuse(),
    inspect: async () => refuse(),
  };
  try {
    await fn(collector);
  } catch {
    // Cannot happen for a function of that shape; if it does, the ordinary path runs it and reports.
    return undefined;
  }
  // Joined into one message, each must still end where it ended alone (closed-statement.ts).
  return statements.every(endsAtTopLevel) ? statements : undefined;
}

const IDENT = String.raw`[A-Za-z_$][\w$]*`;
const STRING = String.raw`(?:"(?:[^"\\\r\n]|\\[\s\S])*"|'(?:[^'\\\r\n]|\\[\s\S])*'|\x60(?:[^\x60\\$]|\\[\s\S]|\$(?!\{))*\x60)`;
const HEADER = new RegExp(String.raw`^async\s*(?:function\s*(?:${IDENT})?\s*\(\s*(${IDENT})\s*\)|\(\s*(${IDENT})\s*\)\s*=>|(${IDENT})\s*=>)\s*\{`);

/** True when `source` is an async function of one parameter whose body only awaits `param.execute(<literal>)`. */
export function isPlain(source: string): boolean {
  const header = HEADER.exec(source);
  const param = header?.[1] ?? header?.[2] ?? header?.[3];
  if (header === null || param === undefined) return false;
  return bodyPattern(param).test(source.slice(header[0].length));
}

const bodies = new Map<string, RegExp>();

/** Calls of `param.execute(<literal>)`, then the closing brace; one pattern per parameter name. */
function bodyPattern(param: string): RegExp {
  let pattern = bodies.get(param);
  if (pattern === undefined) {
    // One way to match any text: whitespace after a call belongs to the next call (or the closing
    // brace) unless a `;` follows it. With `\s*;?` there, a body without semicolons (prettier's
    // `semi: false`) that is not plain backtracked over every split of every gap: exponential.
    const call = String.raw`\s*await\s+${param.replaceAll("$", "\\$")}\s*\.\s*execute\s*\(\s*${STRING}\s*\)(?:\s*;)?`;
    pattern = new RegExp(String.raw`^(?:${call})*\s*\}$`);
    bodies.set(param, pattern);
  }
  return pattern;
}
