import { describe, expect, it } from "vitest";
import { modelsAgainstDatabase } from "../../../src/commands/models-against-database.js";
import type { Driver } from "../../../src/driver/driver.js";
import { BACKENDS, backendTitle, withDatabaseOf } from "../../support/backends.js";
import { FIXTURES } from "../../support/fixture-cases.js";

const config = {
  root: `${FIXTURES}/models/every-type`,
  schemaGlobs: ["schema.ts"],
  schemaFilter: ["public", "app"],
  versionTable: { schema: "public", name: "tidemark_version" },
  historyTable: { schema: "public", name: "tidemark_history" },
  casing: undefined,
};

async function migrateToModels(driver: Driver): Promise<void> {
  const { plan } = await modelsAgainstDatabase(config, driver);
  for (const statement of plan.up) await driver.execute(statement.sql);
}

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`no false diffs on ${backendTitle(backend)}`, () => {
    it("finds nothing to change once the database has every type and default form", async () => {
      await withDatabaseOf(backend, async ({ driver }) => {
        const first = await modelsAgainstDatabase(config, driver);
        const created = first.changes.map((change) => change.kind).sort();
        expect(new Set(created)).toEqual(new Set(["createNamespace", "createEnum", "createSequence", "createTable", "createView"]));
        expect(created.filter((kind) => kind === "createTable")).toHaveLength(6);
        await migrateToModels(driver);
        const defaults = await driver.query<{ name: string; value: string }>(
          `select a.attname as name, pg_get_expr(d.adbin, d.adrelid) as value from pg_attrdef d
           join pg_attribute a on a.attrelid = d.adrelid and a.attnum = d.adnum
           where d.adrelid = 'public.documents'::regclass and a.attname in ('jsb_array', 'js', 'scores')`,
        );
        expect(Object.fromEntries(defaults.map((row) => [row.name, row.value]))).toEqual({
          js: `'{"a":1,"b":"text"}'::json`,
          jsb_array: "'[]'::jsonb",
          scores: "'{1,2,3}'::integer[]",
        });
        const second = await modelsAgainstDatabase(config, driver);
        expect(second.changes).toEqual([]);
      });
    });
  });
}
