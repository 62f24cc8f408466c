/**
 * Drizzle models built in code: `tables` tables of 12 columns of mixed types, each with a foreign
 * key to the table before (but the first), an index, an enum column and defaults: the shape of
 * synthetic-schema.ts, for the model loader, the differ and drizzle-kit.
 */
import {
  bigint, boolean, doublePrecision, index, jsonb, numeric, pgEnum, pgTable, text, timestamp, uuid, varchar,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";

export function syntheticModels(tables: number): Record<string, unknown> {
  const status = pgEnum("bench_status", ["new", "active", "closed"]);
  const exports: Record<string, unknown> = { status };
  let parentId: AnyPgColumn | undefined;
  for (let i = 0; i < tables; i += 1) {
    const parent = parentId;
    const parentColumn = bigint("parent_id", { mode: "number" });
    const table = pgTable(
      `bench_${i}`,
      {
        id: bigint("id", { mode: "number" }).generatedByDefaultAsIdentity().primaryKey(),
        parentId: parent === undefined ? parentColumn : parentColumn.references(() => parent, { onDelete: "set null" }),
        name: varchar("name", { length: 120 }).notNull(),
        slug: text("slug").notNull().default(""),
        status: status("status").notNull().default("new"),
        amount: numeric("amount", { precision: 12, scale: 2 }).default("0"),
        ratio: doublePrecision("ratio"),
        active: boolean("active").notNull().default(true),
        payload: jsonb("payload").default({}),
        tags: text("tags").array(),
        createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
        externalId: uuid("external_id").defaultRandom(),
      },
      (t) => [index(`bench_${i}_name_idx`).on(t.name, t.createdAt.desc())],
    );
    exports[`bench${i}`] = table;
    parentId = table.id;
  }
  return exports;
}
