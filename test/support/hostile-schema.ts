import fc from "fast-check";

/**
 * Pieces that break naive SQL or TypeScript building: quotes of every kind, backslashes, statement
 * and comment markers, dollar quoting, placeholders, template syntax, non-ASCII, reserved words, and
 * a statement that must never run.
 */
const PIECES = [
  '"', "'", "\\", ";", "$$", "$1", "?", "%s", "`", "${x}", " ", "\t", "--", "/*", "*/", "\u00a0", "é", "日本", "🚀",
  "select", "table", "user", "order", "DROP TABLE canary_zone.canary", "'); DROP TABLE canary_zone.canary; --",
] as const;

/** A hostile string of at most `maxBytes` UTF-8 bytes (PostgreSQL cuts names at 63). */
const hostile = (maxBytes: number) =>
  fc
    .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 4 })
    .map((parts) => parts.join(""))
    .filter((text) => Buffer.byteLength(text) <= maxBytes && text.trim() !== "");

/** One table, enum, index, check and view, every name and value hostile. */
export interface HostileSchema {
  readonly table: string;
  readonly view: string;
  readonly index: string;
  readonly enumName: string;
  readonly check: string;
  readonly columns: readonly [string, string];
  readonly enumValues: readonly string[];
  readonly textDefault: string;
  readonly forbidden: string;
  readonly tableComment: string;
  readonly columnComment: string;
  readonly message: string;
}

export const hostileSchemaArbitrary: fc.Arbitrary<HostileSchema> = fc
  .record({
    // Tables, views, indexes and types share one namespace (a table has a type of its name).
    relations: fc.uniqueArray(hostile(63), { minLength: 5, maxLength: 5 }),
    columns: fc.uniqueArray(hostile(63).filter((name) => name !== "id"), { minLength: 2, maxLength: 2 }),
    enumValues: fc.uniqueArray(hostile(63), { minLength: 1, maxLength: 4 }),
    textDefault: hostile(120),
    forbidden: hostile(120),
    tableComment: hostile(200),
    columnComment: hostile(200),
    message: hostile(120),
  })
  .filter(({ textDefault, forbidden }) => textDefault !== forbidden)
  .map(({ relations, columns, ...rest }) => {
    const [table = "", view = "", index = "", enumName = "", check = ""] = relations;
    const [first = "", second = ""] = columns;
    return { table, view, index, enumName, check, columns: [first, second] as const, ...rest };
  });

/** Quoted by the rules of PostgreSQL's manual, independently of tidemark's own quoting. */
const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** The SQL that builds the hostile schema in `public`, written by hand from the manual's rules. */
export function hostileSchemaSql(schema: HostileSchema): string {
  const table = `public.${ident(schema.table)}`;
  const [text, mood] = schema.columns.map(ident);
  return [
    `CREATE TYPE public.${ident(schema.enumName)} AS ENUM (${schema.enumValues.map(literal).join(", ")})`,
    `CREATE TABLE ${table} (id integer PRIMARY KEY, ${text} text NOT NULL DEFAULT ${literal(schema.textDefault)}, ` +
      `${mood} public.${ident(schema.enumName)} DEFAULT ${literal(schema.enumValues[0] ?? "")}, ` +
      `CONSTRAINT ${ident(schema.check)} CHECK (${text} <> ${literal(schema.forbidden)}))`,
    `CREATE INDEX ${ident(schema.index)} ON ${table} (${text})`,
    `CREATE VIEW public.${ident(schema.view)} AS SELECT id, ${text} FROM ${table} WHERE ${text} <> ${literal(schema.forbidden)}`,
    `COMMENT ON TABLE ${table} IS ${literal(schema.tableComment)}`,
    `COMMENT ON COLUMN ${table}.${text} IS ${literal(schema.columnComment)}`,
  ].join(";\n");
}

/** A table outside the managed schema that no statement may touch. */
export const CANARY_SQL = "CREATE SCHEMA canary_zone; CREATE TABLE canary_zone.canary (alive boolean); INSERT INTO canary_zone.canary VALUES (true)";
