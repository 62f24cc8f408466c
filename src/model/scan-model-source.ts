/*
 * Finds drizzle definitions in the text of a model file, without running it: where each table,
 * enum, sequence, view and schema is declared, and where each column of a table is. Only the
 * common spellings are recognised (see docs in model-locations.ts); what is not found has no
 * location, which only costs an annotation its line.
 */

/** A schema-level definition: `pgTable("users", …)`, `auth.enum("role", …)`, `pgSchema("auth")`. */
export interface Definition {
  readonly kind: "table" | "enum" | "sequence" | "view" | "schema";
  /** The schema it is in (`public` when none is named); for a `schema`, its own name. */
  readonly schema: string;
  readonly name: string;
  /** Where the call starts (the builder's name), and where its name string ends. */
  readonly start: number;
  readonly end: number;
}

/** A column in a table's call: its SQL name when written, else its object key. */
export interface ColumnSite {
  readonly name: string;
  /** True when the name is the object key (`displayName: text()`), which drizzle's casing may rename. */
  readonly keyed: boolean;
  readonly offset: number;
}

const IDENT = String.raw`[A-Za-z_$][\w$]*`;
const STRING = String.raw`(["'\x60])((?:\\.|(?!\1)[^\\\n])*)\1`;
const SCHEMA_VARIABLE = new RegExp(String.raw`\b(?:const|let|var)\s+(${IDENT})\s*=\s*(pgSchema)\s*\(\s*${STRING.replaceAll("\\1", "\\3")}`, "gu");
const DEFINITION = new RegExp(
  String.raw`(?<![\w$.])(?:(pgTable|pgEnum|pgSequence|pgView|pgMaterializedView|pgSchema)|(${IDENT})\.(table|enum|sequence|view|materializedView))` +
    String.raw`(?:\.withRLS)?\s*\(\s*${STRING.replaceAll("\\1", "\\4")}`,
  "gu",
);
/** A builder called with the column's name: `text("display_name"`, `postStatus('status'`; not `.default("x"`. */
const NAMED_COLUMN = new RegExp(String.raw`(?<![\w$.])(${IDENT})\s*\(\s*${STRING.replaceAll("\\1", "\\2")}`, "gu");
/** An object key whose value is a builder called without a name: `displayName: text()`, `id: serial().primaryKey()`. */
const KEYED_COLUMN = new RegExp(String.raw`(?<=[{,]\s*)(?:(["'])((?:\\.|(?!\1)[^\\\n])*)\1|(${IDENT}))\s*:\s*(${IDENT})\s*\(\s*(?!["'\x60])`, "gu");
/** Calls inside a table's call that take a name but are not columns. */
const NOT_COLUMNS: ReadonlySet<string> = new Set(["index", "uniqueIndex", "primaryKey", "foreignKey", "unique", "check", "pgPolicy", "sql"]);

const BUILDER_KINDS: Readonly<Record<string, Definition["kind"]>> = {
  pgTable: "table", table: "table", pgEnum: "enum", enum: "enum", pgSequence: "sequence", sequence: "sequence",
  pgView: "view", view: "view", pgMaterializedView: "view", materializedView: "view", pgSchema: "schema",
};

/** The text with comments blanked (newlines kept, so offsets and lines stay), strings left as they are. */
export function blankComments(text: string): string {
  const out = text.split("");
  let quote: string | null = null;
  for (let i = 0; i < out.length; i++) {
    const char = out[i];
    if (quote !== null) {
      if (char === "\\") i++;
      else if (char === quote || (char === "\n" && quote !== "`")) quote = null;
    } else if (char === '"' || char === "'" || char === "`") {
      quote = char;
    } else if (char === "/" && (out[i + 1] === "/" || out[i + 1] === "*")) {
      const close = out[i + 1] === "/" ? "\n" : "*/";
      const end = text.indexOf(close, i + 2);
      const stop = end === -1 ? out.length : close === "\n" ? end : end + 2;
      for (let j = i; j < stop; j++) if (out[j] !== "\n") out[j] = " ";
      i = stop - 1;
    }
  }
  return out.join("");
}

/** `const auth = pgSchema("auth")`: each variable's schema name. */
export function schemaVariables(text: string): ReadonlyMap<string, string> {
  return new Map([...text.matchAll(SCHEMA_VARIABLE)].map((match) => [match[1] ?? "", unescaped(match[4] ?? "")]));
}

/** The definitions in the order they appear; `<variable>.table(` counts only for a known schema variable. */
export function definitions(text: string, schemas: ReadonlyMap<string, string>): readonly Definition[] {
  const found: Definition[] = [];
  for (const match of text.matchAll(DEFINITION)) {
    const builder = match[1] ?? match[3] ?? "";
    const kind = BUILDER_KINDS[builder];
    const name = unescaped(match[5] ?? "");
    const schema = match[2] === undefined ? (kind === "schema" ? name : "public") : schemas.get(match[2]);
    if (kind === undefined || schema === undefined) continue;
    found.push({ kind, schema, name, start: match.index, end: match.index + match[0].length });
  }
  return found;
}

/** The columns between `from` and `to` (a table's call up to the next definition), first place of each name. */
export function columnSites(text: string, from: number, to: number): readonly ColumnSite[] {
  const region = text.slice(from, to);
  const sites: ColumnSite[] = [];
  for (const match of region.matchAll(NAMED_COLUMN)) {
    if (!NOT_COLUMNS.has(match[1] ?? "")) sites.push({ name: unescaped(match[3] ?? ""), keyed: false, offset: from + match.index });
  }
  for (const match of region.matchAll(KEYED_COLUMN)) {
    if (!NOT_COLUMNS.has(match[4] ?? "")) sites.push({ name: unescaped(match[2] ?? match[3] ?? ""), keyed: true, offset: from + match.index });
  }
  return sites.sort((a, b) => a.offset - b.offset);
}

/** 1-based line numbers of offsets in one text. */
export function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset) => {
    let [low, high] = [0, starts.length - 1];
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}

function unescaped(text: string): string {
  return text.replace(/\\(.)/gu, "$1");
}
