import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dataDirFingerprint } from "../../../src/driver/catalog-cache.js";
import type { Driver } from "../../../src/driver/driver.js";
import { openEmbedded } from "../../../src/driver/pglite-driver.js";
import { canonicalizeModel } from "../../../src/introspect/canonicalize-model.js";
import { introspect } from "../../../src/introspect/introspect.js";
import { qualifiedKey } from "../../../src/ir/qualified-name.js";
import type { Schema } from "../../../src/ir/schema.js";

const ITEMS = qualifiedKey("public", "items");

let parent: string;
let dataDir: string;

beforeEach(async () => {
  parent = mkdtempSync(join(tmpdir(), "tidemark-canonical-saved-"));
  dataDir = join(parent, "db");
  const db = await openEmbedded(dataDir);
  await db.execute("create table items (id int, name text default 'x', note text default '')");
  await db.close();
});

afterEach(() => rmSync(parent, { recursive: true, force: true }));

/** The database read, and a model that spells the two defaults as drizzle does (no cast). */
async function autogenerateReads(db: Driver): Promise<Schema> {
  const database = await introspect(db, { schemas: ["public"], exclude: [] });
  const items = database.tables[ITEMS];
  if (items === undefined) throw new Error("items was not read");
  const uncast = items.columns.map((column) =>
    column.default?.kind === "expression" ? { ...column, default: { ...column.default, sql: column.default.sql.replace("::text", "") } } : column);
  const model = { ...database, tables: { ...database.tables, [ITEMS]: { ...items, columns: uncast } } };
  return canonicalizeModel(db, model, database);
}

/** One command's session: open, read as autogenerate does, close. */
async function session(): Promise<Schema> {
  const db = await openEmbedded(dataDir);
  try {
    return await autogenerateReads(db);
  } finally {
    await db.close();
  }
}

describe("autogenerate's reads of an unchanged embedded database", () => {
  it("are answered from saved reads the second time, DO blocks of the default questions included", async () => {
    const first = await session();
    // PGlite rewrites pg_control whenever it starts and stops: unchanged means it never started.
    const afterFirst = await dataDirFingerprint(dataDir);
    const second = await session();
    expect(await dataDirFingerprint(dataDir)).toBe(afterFirst);
    expect(second).toEqual(first);
    const defaults = second.tables[ITEMS]?.columns.map((column) => column.default);
    expect(defaults).toEqual([null, expect.objectContaining({ sql: "'x'::text" }), expect.objectContaining({ sql: "''::text" })]);
  });
});

describe("a default whose text holds the DO block's own dollar tag", () => {
  it("is still asked about and spelt by the database", async () => {
    const db = await openEmbedded(dataDir);
    try {
      await db.execute("alter table items add column tagged text default '$tidemark$'");
      const database = await introspect(db, { schemas: ["public"], exclude: [] });
      const items = database.tables[ITEMS];
      if (items === undefined) throw new Error("items was not read");
      const columns = items.columns.map((column) =>
        column.name === "tagged" ? { ...column, default: { kind: "expression" as const, sql: "'$tidemark$'" } } : column);
      const model = await canonicalizeModel(db, { ...database, tables: { [ITEMS]: { ...items, columns } } }, database);
      expect(model.tables[ITEMS]?.columns.find((column) => column.name === "tagged")?.default).toEqual(
        expect.objectContaining({ sql: "'$tidemark$'::text" }));
    } finally {
      await db.close();
    }
  });
});
