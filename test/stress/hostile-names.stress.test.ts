import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { migrationFileName } from "../../src/codegen/migration-file-name.js";
import { renderMigration } from "../../src/codegen/render-migration.js";
import { loadGraph } from "../../src/commands/load-graph.js";
import { runContext } from "../../src/commands/run-context.js";
import { resolveConfig } from "../../src/config/resolve-config.js";
import { diffSchemas } from "../../src/diff/diff-schemas.js";
import type { Driver } from "../../src/driver/driver.js";
import { introspect } from "../../src/introspect/introspect.js";
import type { Schema } from "../../src/ir/schema.js";
import { downgrade, upgrade } from "../../src/runner/migrator.js";
import { autogenerate } from "../../src/sql/autogenerate.js";
import { BACKENDS, backendTitle, withDatabaseOf } from "../support/backends.js";
import { CANARY_SQL, hostileSchemaArbitrary, hostileSchemaSql, type HostileSchema } from "../support/hostile-schema.js";

const REVISION = "a1b2c3d4e5f6";
const READ = { schemas: ["public"], exclude: [{ schema: "public", name: "tidemark_version" }, { schema: "public", name: "tidemark_history" }] };

/**
 * Hostile names and values (quotes, backslashes, semicolons, `$$`, `${}`, comment markers, unicode,
 * reserved words, a DROP statement) go through the whole loop — introspect, diff, a generated
 * migration file, upgrade, downgrade — and come back exactly, while a canary table outside the
 * managed schema survives: nothing runs but what the names name.
 */
for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`hostile names round-trip on ${backendTitle(backend)}`, () => {
    it("introspect → diff → generate → upgrade → downgrade keeps every name and value exact", async () => {
      await fc.assert(
        fc.asyncProperty(hostileSchemaArbitrary, async (schema) => {
          const target = await withDatabaseOf(backend, async ({ driver }) => {
            await driver.execute(hostileSchemaSql(schema));
            return introspect(driver, READ);
          });
          await withDatabaseOf(backend, ({ driver }) => roundTrip(driver, schema, target));
        }),
        { numRuns: backend.name === "pglite" ? 10 : 30, endOnFailure: true },
      );
    });
  });
}

async function roundTrip(driver: Driver, schema: HostileSchema, target: Schema): Promise<void> {
  await driver.execute(CANARY_SQL);
  const initial = await introspect(driver, READ);
  const dir = mkdtempSync(join(tmpdir(), "tidemark-hostile-"));
  try {
    const config = resolveConfig({}, null, dir);
    mkdirSync(config.migrationsDir);
    const meta = { revision: REVISION, revises: null, message: schema.message, createdAt: new Date("2026-11-22T00:00:00Z") };
    writeFileSync(join(config.migrationsDir, migrationFileName(meta)), await renderMigration({ meta, ...autogenerate({ from: initial, to: target }) }, {}));
    const graph = await loadGraph(config);
    expect(graph.get(REVISION).message).toBe(schema.message.trim());
    const run = runContext(config, driver, graph, {});
    await upgrade(run, "head");
    expect(diffSchemas(await introspect(driver, READ), target)).toEqual([]);
    await expectCatalogHolds(driver, schema);
    await downgrade(run, "base");
    expect(diffSchemas(await introspect(driver, READ), initial)).toEqual([]);
    expect(await driver.query("select count(*)::int as n from canary_zone.canary where alive")).toEqual([{ n: 1 }]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The catalog, asked directly, holds the names and values as given, and they behave. */
async function expectCatalogHolds(driver: Driver, schema: HostileSchema): Promise<void> {
  const relations = await driver.query<{ name: string }>("select relname as name from pg_class where relnamespace = 'public'::regnamespace");
  expect(relations.map((row) => row.name)).toEqual(expect.arrayContaining([schema.table, schema.view, schema.index]));
  const labels = await driver.query<{ label: string }>(
    "select e.enumlabel as label from pg_enum e join pg_type t on t.oid = e.enumtypid where t.typname = $1 and t.typnamespace = 'public'::regnamespace order by e.enumsortorder",
    [schema.enumName],
  );
  expect(labels.map((row) => row.label)).toEqual(schema.enumValues);
  const comments = await driver.query<{ onTable: string; onColumn: string }>(
    `select obj_description(c.oid, 'pg_class') as "onTable", col_description(c.oid, a.attnum) as "onColumn"
       from pg_class c join pg_attribute a on a.attrelid = c.oid
      where c.relnamespace = 'public'::regnamespace and c.relname = $1 and a.attname = $2`,
    [schema.table, schema.columns[0]],
  );
  expect(comments).toEqual([{ onTable: schema.tableComment, onColumn: schema.columnComment }]);
  const [text, mood] = schema.columns.map((name) => `"${name.replaceAll('"', '""')}"`);
  const table = `public."${schema.table.replaceAll('"', '""')}"`;
  await driver.execute(`INSERT INTO ${table} (id) VALUES (1)`);
  expect(await driver.query(`select ${text}::text as text, ${mood}::text as mood from ${table}`)).toEqual([
    { text: schema.textDefault, mood: schema.enumValues[0] },
  ]);
  await expect(driver.query(`INSERT INTO ${table} (id, ${text}) VALUES (2, $1)`, [schema.forbidden])).rejects.toThrow(/check constraint/);
  await driver.execute(`DELETE FROM ${table}`);
}
