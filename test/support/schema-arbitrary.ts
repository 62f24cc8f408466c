import fc from "fast-check";
import type { Column } from "../../src/ir/column.js";
import type { Index } from "../../src/ir/index-def.js";
import type { EnumType } from "../../src/ir/objects.js";
import { qualifiedKey } from "../../src/ir/qualified-name.js";
import { EMPTY_SCHEMA, type Schema } from "../../src/ir/schema.js";
import type { Table } from "../../src/ir/table.js";

type ColumnType = { readonly sql: string; readonly defaults: readonly string[]; readonly enum?: true };

const INTEGER: ColumnType = { sql: "integer", defaults: ["0", "42", "'-1'::integer"] };
const BIGINT: ColumnType = { sql: "bigint", defaults: ["7"] };
const NUMERIC: ColumnType = { sql: "numeric(8,2)", defaults: ["1.50"] };
const TEXT: ColumnType = { sql: "text", defaults: ["''::text", "'it''s'::text"] };
const VARCHAR: ColumnType = { sql: "character varying(20)", defaults: ["'x'::character varying"] };
const MOOD: ColumnType = { sql: "public.mood", defaults: ["'b'::public.mood"], enum: true };
const BOOLEAN: ColumnType = { sql: "boolean", defaults: ["true", "false"] };
const TIMESTAMP: ColumnType = { sql: "timestamp with time zone", defaults: ["now()"] };

/**
 * The types a column of each name may take, with defaults spelt as PostgreSQL prints them. A column
 * changes type only within its family, where PostgreSQL has a cast: across families (boolean to
 * numeric) a person must write the USING expression, which no plan can guess.
 */
const FAMILIES: Readonly<Record<string, readonly ColumnType[]>> = {
  a: [INTEGER, BIGINT, NUMERIC],
  b: [TEXT, VARCHAR, MOOD],
  c: [BOOLEAN],
  d: [TIMESTAMP],
  e: [INTEGER, BIGINT],
};

const column = (name: string) =>
  fc.record({ type: fc.constantFrom(...(FAMILIES[name] ?? [TEXT])), notNull: fc.boolean(), withDefault: fc.boolean(), pick: fc.nat() }).map(
    ({ type, notNull, withDefault, pick }): Column => ({
      name,
      type: { sql: type.sql, userType: type.enum ? { schema: "public", name: "mood" } : null },
      notNull,
      default: withDefault ? { kind: "expression", sql: type.defaults[pick % type.defaults.length] ?? "" } : null,
      identity: null,
      generated: null,
      collation: null,
      comment: null,
    }),
  );

const table = (name: string) =>
  fc
    .record({
      columns: fc.uniqueArray(fc.constantFrom("a", "b", "c", "d", "e"), { minLength: 1, maxLength: 4 }).chain((names) =>
        fc.tuple(...names.map((columnName) => column(columnName))),
      ),
      withKey: fc.boolean(),
      indexed: fc.boolean(),
    })
    .map(({ columns, withKey, indexed }): Table => {
      const id: Column = { name: "id", type: { sql: "integer", userType: null }, notNull: true, default: null, identity: null, generated: null, collation: null, comment: null };
      const first = columns[0];
      const index: Index | null = indexed && first !== undefined
        ? { name: `${name}_${first.name}_idx`, unique: false, method: "btree", keys: [{ kind: "column", value: first.name, descending: false, nullsFirst: false, opclass: null, collation: null }], include: [], where: null, nullsNotDistinct: false, comment: null }
        : null;
      return {
        schema: "public",
        name,
        columns: [id, ...columns],
        primaryKey: withKey ? { name: `${name}_pkey`, columns: ["id"] } : null,
        uniques: {},
        foreignKeys: {},
        checks: {},
        indexes: index === null ? {} : { [index.name]: index },
        comment: null,
      };
    });

/** A small random schema: up to three tables over a shared enum `mood`, whose values vary too. */
export const schemaArbitrary: fc.Arbitrary<Schema> = fc
  .record({
    tables: fc.uniqueArray(fc.constantFrom("t0", "t1", "t2"), { maxLength: 3 }).chain((names) => fc.tuple(...names.map((name) => table(name)))),
    moodValues: fc.shuffledSubarray(["a", "c", "d"], { minLength: 0 }),
  })
  .map(({ tables, moodValues }): Schema => {
    const mood: EnumType = { schema: "public", name: "mood", values: ["b", ...moodValues], comment: null };
    return {
      ...EMPTY_SCHEMA,
      namespaces: { public: { name: "public", comment: "standard public schema" } },
      enums: { [qualifiedKey("public", "mood")]: mood },
      tables: Object.fromEntries(tables.map((t) => [qualifiedKey(t.schema, t.name), t])),
    };
  });
