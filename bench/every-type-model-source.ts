/**
 * The TypeScript source of a drizzle model file of `tables` tables whose columns cycle through
 * every column type and default form drizzle can express (the forms of
 * fixtures/models/every-type/schema.ts and more): enums and arrays of them, numeric precision,
 * times with precision and time zone, identity and serial, json and jsonb defaults, sql``
 * defaults, defaultNow, defaultRandom, generated columns. Tables cycle through primary key
 * shapes (serial, identity, uuid, plain, composite), foreign keys to the table before (column and
 * table level, every referential action), and checks, unique constraints and indexes of every
 * kind. One table in 25 is in the schema `app`; a sequence, views and a materialized view close
 * the file. For `check`'s no-false-drift test and benchmark at 500 tables: migrated, the schema
 * must read back as the models say, for every form.
 */
export function everyTypeModelSource(tables: number): string {
  const lines = [...HEADER];
  for (let i = 0; i < tables; i += 1) lines.push(...tableSource(i));
  lines.push(...viewsSource(tables));
  return `${lines.join("\n")}\n`;
}

/** The schemas the generated models use: the config's schemaFilter. */
export const EVERY_TYPE_SCHEMAS: readonly string[] = ["public", "app"];

/** Columns per table besides the key, the foreign key and the three that checks and indexes use. */
export const CYCLING_COLUMNS = 12;

const HEADER = [
  `import { sql } from "drizzle-orm";`,
  `import {`,
  `  bigint, bigserial, bit, boolean, char, check, cidr, customType, date, doublePrecision, foreignKey, index, inet, integer,`,
  `  interval, json, jsonb, line, macaddr, macaddr8, numeric, pgEnum, pgMaterializedView, pgSchema, pgSequence, pgTable,`,
  `  pgView, point, primaryKey, real, serial, smallint, smallserial, text, time, timestamp, unique, uniqueIndex, uuid, varchar,`,
  `} from "drizzle-orm/pg-core";`,
  ``,
  `export const mood = pgEnum("mood", ["sad", "ok", "it's fine"]);`,
  `export const app = pgSchema("app");`,
  `export const level = app.enum("level", ["low", "high"]);`,
  `export const orderNumbers = pgSequence("order_numbers", { startWith: 1000, increment: 10, maxValue: 99999, cache: 5 });`,
  `export const tickets = app.sequence("tickets", { startWith: 5, cycle: true });`,
  ``,
  `const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });`,
  `const shortName = customType<{ data: string }>({ dataType: () => "character varying(50)" });`,
];

/** Every column form, given the column's name and its table's. Each is valid alone in any table. */
const COLUMN_FORMS: readonly ((name: string, table: string) => string)[] = [
  // Integers, serials and identities.
  (c) => `serial("${c}")`,
  (c) => `bigserial("${c}", { mode: "number" })`,
  (c) => `smallserial("${c}")`,
  (c) => `smallint("${c}").default(7)`,
  (c) => `integer("${c}").notNull().default(-1)`,
  (c) => `bigint("${c}", { mode: "number" }).default(5)`,
  (c) => `bigint("${c}", { mode: "bigint" }).default(9007199254740993n)`,
  (c) => `integer("${c}").generatedAlwaysAsIdentity()`,
  (c) => `bigint("${c}", { mode: "number" }).generatedByDefaultAsIdentity({ startWith: 100, increment: 5, maxValue: 100000, cache: 20, cycle: true })`,
  (c) => `smallint("${c}").generatedByDefaultAsIdentity()`,
  (c) => `integer("${c}").default(sql\`nextval('order_numbers')\`)`,
  (c) => `bigint("${c}", { mode: "number" }).default(sql\`nextval('app.tickets'::regclass)\`)`,
  (c) => `integer("${c}").default(sql\`(1 + 2)\`)`,
  // Exact and floating point numbers.
  (c) => `numeric("${c}", { precision: 10, scale: 2 }).default("1.50")`,
  (c) => `numeric("${c}")`,
  (c) => `numeric("${c}", { precision: 8 })`,
  (c) => `numeric("${c}", { precision: 12, scale: 4, mode: "number" }).default(2.5)`,
  (c) => `numeric("${c}", { precision: 6, scale: 0 }).notNull().default(sql\`0\`)`,
  (c) => `real("${c}").default(0.5)`,
  (c) => `doublePrecision("${c}").default(-0.25)`,
  (c) => `doublePrecision("${c}")`,
  (c) => `real("${c}").array()`,
  // Text, characters, booleans, enums, custom types.
  (c) => `varchar("${c}", { length: 20 }).default("it's")`,
  (c) => `varchar("${c}")`,
  (c) => `varchar("${c}", { length: 10, enum: ["x", "y"] }).default("x")`,
  (c) => `char("${c}", { length: 3 }).default("abc")`,
  (c) => `char("${c}")`,
  (c) => `text("${c}").notNull().default("")`,
  (c) => `text("${c}", { enum: ["a", "b"] }).default("a")`,
  (c) => `text("${c}").default("back\\\\slash")`,
  (c) => `text("${c}").default(sql\`(gen_random_uuid())::text\`)`,
  (c) => `text("${c}").$defaultFn(() => "runtime only")`,
  (c) => `boolean("${c}").default(true)`,
  (c) => `boolean("${c}").notNull().default(false)`,
  (c) => `boolean("${c}").default(sql\`false\`)`,
  (c) => `shortName("${c}")`,
  (c) => `bytea("${c}")`,
  (c) => `mood("${c}").default("it's fine")`,
  (c) => `mood("${c}").array()`,
  (c) => `level("${c}").notNull().default("low")`,
  (c) => `bit("${c}", { dimensions: 3 })`,
  // Dates, times, intervals.
  (c) => `date("${c}").defaultNow()`,
  (c) => `date("${c}").default("2024-01-02")`,
  (c) => `date("${c}", { mode: "date" })`,
  (c) => `time("${c}", { precision: 3 })`,
  (c) => `time("${c}", { withTimezone: true })`,
  (c) => `time("${c}").default("12:30:00")`,
  (c) => `time("${c}").defaultNow()`,
  (c) => `timestamp("${c}")`,
  (c) => `timestamp("${c}", { precision: 3 }).defaultNow()`,
  (c) => `timestamp("${c}", { precision: 0, withTimezone: true }).notNull().defaultNow()`,
  (c) => `timestamp("${c}", { withTimezone: true, precision: 6 }).default(sql\`CURRENT_TIMESTAMP\`)`,
  (c) => `timestamp("${c}", { mode: "date" }).default(new Date("2024-01-02T03:04:05.123Z"))`,
  (c) => `timestamp("${c}", { mode: "string", withTimezone: true }).default("2024-01-02 03:04:05+00")`,
  (c) => `timestamp("${c}", { mode: "string" }).default(sql\`now()\`)`,
  (c) => `timestamp("${c}", { withTimezone: true }).$onUpdate(() => new Date())`,
  (c) => `interval("${c}").default("1 day")`,
  (c) => `interval("${c}", { fields: "day to second", precision: 2 })`,
  (c) => `interval("${c}", { fields: "month" })`,
  // Identifiers, documents, arrays, network and geometric types.
  (c) => `uuid("${c}").defaultRandom()`,
  (c) => `uuid("${c}").default("00000000-0000-0000-0000-000000000000")`,
  (c) => `uuid("${c}").default(sql\`gen_random_uuid()\`)`,
  (c) => `json("${c}").default({ a: 1, b: "text" })`,
  (c) => `json("${c}").default({ b: "it's" })`,
  (c) => `jsonb("${c}").default({ nested: { list: [1, 2] } })`,
  (c) => `jsonb("${c}").default([])`,
  (c) => `jsonb("${c}").notNull().default(sql\`'{}'::jsonb\`)`,
  (c) => `text("${c}").array().default(sql\`'{}'::text[]\`)`,
  (c) => `integer("${c}").array().default([1, 2, 3])`,
  (c) => `integer("${c}").array().array()`,
  (c) => `varchar("${c}", { length: 5 }).array()`,
  (c) => `inet("${c}").default("127.0.0.1")`,
  (c) => `cidr("${c}")`,
  (c) => `macaddr("${c}")`,
  (c) => `macaddr8("${c}")`,
  (c) => `point("${c}", { mode: "xy" })`,
  (c) => `point("${c}", { mode: "tuple" })`,
  (c) => `line("${c}")`,
  // Generated columns, on the table's own n and label.
  (c) => `numeric("${c}").generatedAlwaysAs(sql\`n / 100.0\`)`,
  (c) => `text("${c}").generatedAlwaysAs(sql\`lower(label)\`)`,
  (c) => `integer("${c}").generatedAlwaysAs(sql\`coalesce(n, 0) * 2\`)`,
  // Column-level unique constraints.
  (c) => `text("${c}").unique()`,
  (c, t) => `varchar("${c}", { length: 40 }).unique("${t}_${c}_named_key", { nulls: "not distinct" })`,
];

/** How a table's key is made, cycling with the table's number. */
type KeyShape = "serial" | "identity" | "uuid" | "integer" | "composite";
const KEY_SHAPES: readonly KeyShape[] = ["serial", "identity", "uuid", "integer", "composite"];
const ACTIONS = ["cascade", "set null", "restrict", "no action", "set default"] as const;

function keyShape(i: number): KeyShape {
  return KEY_SHAPES[i % KEY_SHAPES.length] ?? "serial";
}

function tableName(i: number): string {
  return `every_${i}`;
}

function variable(i: number): string {
  return `every${i}`;
}

function keyColumns(shape: KeyShape): readonly string[] {
  switch (shape) {
    case "serial":
      return [`id: serial("id").primaryKey(),`];
    case "identity":
      return [`id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity().primaryKey(),`];
    case "uuid":
      return [`id: uuid("id").defaultRandom().primaryKey(),`];
    case "integer":
      return [`id: integer("id").primaryKey(),`];
    case "composite":
      return [`id: integer("id").notNull(),`, `part: smallint("part").notNull(),`];
    default: {
      const unknown: never = shape;
      throw new Error(`unknown key shape ${String(unknown)}`);
    }
  }
}

/** The column(s) that refer to table `i - 1`, typed as its key. */
function parentColumns(i: number): readonly string[] {
  if (i === 0) return [];
  const parent = keyShape(i - 1);
  const action = ACTIONS[i % ACTIONS.length] ?? "cascade";
  const onUpdate = i % 3 === 0 ? `, onUpdate: "cascade"` : "";
  const reference = `.references(() => ${variable(i - 1)}.id, { onDelete: "${action}"${onUpdate} })`;
  switch (parent) {
    case "serial":
    case "integer":
      return [`parentId: integer("parent_id")${reference},`];
    case "identity":
      return [`parentId: bigint("parent_id", { mode: "number" })${reference},`];
    case "uuid":
      return [`parentId: uuid("parent_id")${reference},`];
    case "composite":
      return [`parentId: integer("parent_id"),`, `parentPart: smallint("parent_part"),`];
    default: {
      const unknown: never = parent;
      throw new Error(`unknown key shape ${String(unknown)}`);
    }
  }
}

/** Checks, unique constraints and indexes, two per table, cycling; names carry the table's. */
const TABLE_EXTRAS: readonly ((table: string) => string)[] = [
  (t) => `index("${t}_label_idx").on(t.label)`,
  (t) => `uniqueIndex("${t}_label_key_idx").on(t.label).where(sql\`\${t.label} IS NOT NULL\`)`,
  (t) => `index("${t}_lower_idx").on(sql\`lower(\${t.label})\`)`,
  (t) => `index("${t}_desc_idx").on(t.label.desc().nullsLast(), t.n)`,
  (t) => `check("${t}_n_check", sql\`\${t.n} >= 0\`)`,
  (t) => `unique("${t}_label_n_key").on(t.label, t.n).nullsNotDistinct()`,
  (t) => `index("${t}_tags_idx").using("gin", t.tags)`,
  (t) => `index("${t}_pattern_idx").on(t.label.op("text_pattern_ops"))`,
  (t) => `index("${t}_n_partial_idx").on(t.n.asc().nullsFirst()).where(sql\`\${t.n} > 10\`)`,
  (t) => `uniqueIndex("${t}_n_label_idx").on(t.n, t.label)`,
  (t) => `check("${t}_label_check", sql\`\${t.label} <> '' AND char_length(\${t.label}) < 100\`)`,
  (t) => `index("${t}_hash_idx").using("hash", t.label)`,
  (t) => `index("${t}_brin_idx").using("brin", t.n)`,
  (t) => `unique("${t}_n_key").on(t.n)`,
];

function tableExtras(i: number): readonly string[] {
  const name = tableName(i);
  const first = TABLE_EXTRAS[i % TABLE_EXTRAS.length];
  const second = TABLE_EXTRAS[(i + 5) % TABLE_EXTRAS.length];
  const extras = [first, second].flatMap((extra) => (extra === undefined ? [] : [extra(name)]));
  if (keyShape(i) === "composite") extras.push(`primaryKey({ columns: [t.id, t.part] })`);
  if (i > 0 && keyShape(i - 1) === "composite") {
    const action = ACTIONS[i % ACTIONS.length] ?? "cascade";
    extras.push(
      `foreignKey({ columns: [t.parentId, t.parentPart], foreignColumns: [${variable(i - 1)}.id, ${variable(i - 1)}.part], name: "${name}_parent_fk" }).onDelete("${action}")`,
    );
  }
  return extras;
}

function tableSource(i: number): readonly string[] {
  const maker = i % 25 === 24 ? "app.table" : "pgTable";
  const columns = [
    ...keyColumns(keyShape(i)),
    ...parentColumns(i),
    `n: integer("n"),`,
    `label: text("label"),`,
    `tags: text("tags").array(),`,
  ];
  for (let j = 0; j < CYCLING_COLUMNS; j += 1) {
    const form = COLUMN_FORMS[(i * CYCLING_COLUMNS + j) % COLUMN_FORMS.length];
    if (form !== undefined) columns.push(`c${j}: ${form(`c${j}`, tableName(i))},`);
  }
  return [
    ``,
    `export const ${variable(i)} = ${maker}("${tableName(i)}", {`,
    ...columns.map((column) => `  ${column}`),
    `}, (t) => [`,
    ...tableExtras(i).map((extra) => `  ${extra},`),
    `]);`,
  ];
}

/** A view through the query builder, one in sql, and a materialized view, on the first table. */
function viewsSource(tables: number): readonly string[] {
  if (tables === 0) return [];
  const first = variable(0);
  return [
    ``,
    `export const labelled = pgView("labelled").as((qb) => qb.select({ id: ${first}.id, label: ${first}.label }).from(${first}).where(sql\`\${${first}.n} < 100\`));`,
    `export const counted = pgView("counted", { total: bigint("total", { mode: "number" }) }).as(sql\`SELECT count(*) AS total FROM ${tableName(0)}\`);`,
    `export const summary = pgMaterializedView("summary", { n: integer("n") }).as(sql\`SELECT n FROM ${tableName(0)} WHERE n IS NOT NULL\`);`,
  ];
}
