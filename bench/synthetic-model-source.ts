/**
 * The TypeScript source of a drizzle model file with `tables` tables of 12 columns of mixed types,
 * each with a foreign key to the table before (but the first), an index, an enum column and
 * defaults: the shape of synthetic-schema.ts, as users write it, for the model loader, the
 * differ and drizzle-kit. `added` names more text columns on the first table: the "one column
 * added" edit of the scale benchmark (a fresh name per run, so that no transform cache has seen
 * the edited file), or two for the edit after one was applied.
 */
export function syntheticModelSource(tables: number, added: string | readonly string[] = []): string {
  const addedColumns = typeof added === "string" ? [added] : added;
  const lines = [
    `import { bigint, boolean, doublePrecision, index, jsonb, numeric, pgEnum, pgTable, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";`,
    ``,
    `export const status = pgEnum("bench_status", ["new", "active", "closed"]);`,
  ];
  for (let i = 0; i < tables; i += 1) {
    const reference = i === 0 ? "" : `.references(() => bench${i - 1}.id, { onDelete: "set null" })`;
    lines.push(
      ``,
      `export const bench${i} = pgTable("bench_${i}", {`,
      `  id: bigint("id", { mode: "number" }).generatedByDefaultAsIdentity().primaryKey(),`,
      `  parentId: bigint("parent_id", { mode: "number" })${reference},`,
      `  name: varchar("name", { length: 120 }).notNull(),`,
      `  slug: text("slug").notNull().default(""),`,
      `  status: status("status").notNull().default("new"),`,
      `  amount: numeric("amount", { precision: 12, scale: 2 }).default("0"),`,
      `  ratio: doublePrecision("ratio"),`,
      `  active: boolean("active").notNull().default(true),`,
      `  payload: jsonb("payload").default({}),`,
      `  tags: text("tags").array(),`,
      `  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),`,
      `  externalId: uuid("external_id").defaultRandom(),`,
      ...(i === 0 ? addedColumns.map((name) => `  ${name}: text(${JSON.stringify(name)}),`) : []),
      `}, (t) => [index("bench_${i}_name_idx").on(t.name, t.createdAt.desc())]);`,
    );
  }
  return `${lines.join("\n")}\n`;
}
