import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { diffSchemas } from "../../../src/diff/diff-schemas.js";
import type { Driver } from "../../../src/driver/driver.js";
import { introspect } from "../../../src/introspect/introspect.js";
import { EMPTY_SCHEMA, type Schema } from "../../../src/ir/schema.js";
import { onlineContext } from "../../../src/runner/migration-contexts.js";
import { plan } from "../../../src/sql/plan.js";
import { BACKENDS, backendTitle, withDatabaseOf } from "../../support/backends.js";
import { FIXTURES, readJson } from "../../support/fixture-cases.js";
import { codegenCases } from "../../unit/codegen/codegen-cases.js";
import { loadGenerated, type GeneratedModule } from "../../unit/codegen/load-generated.js";

/** Goldens that state what the local server (PostgreSQL 15) does not have, and why they are skipped there. */
const SERVER_LACKS: Readonly<Record<string, string>> = {
  "create-objects": "it creates citext VERSION '1.8' (from PGlite's catalog); PostgreSQL 15 ships 1.6",
};

/** The golden files that take one real schema to another (not hand-written, merge or empty ones). */
const cases = codegenCases().flatMap((testCase) => {
  const file = readJson<{ schemas?: { from: string; to: string } }>(testCase.dir, "case.json");
  return file.schemas === undefined ? [] : [{ ...testCase, schemas: file.schemas }];
});

const schemaAt = (path: string): Schema => (path === "empty" ? EMPTY_SCHEMA : { ...EMPTY_SCHEMA, ...readJson<Partial<Schema>>(FIXTURES, path) });

function schemasOf(schema: Schema): readonly string[] {
  return [...new Set(["public", ...Object.keys(schema.namespaces)])];
}

async function run(driver: Driver, migration: GeneratedModule, direction: "up" | "down", schemas: readonly string[]): Promise<void> {
  const context = onlineContext(driver, () => introspect(driver, { schemas, exclude: [] }), ["public"], { current: null, done: [] });
  await (direction === "up" ? migration.up(context) : migration.down(context));
}

/** Issue 4: every generated file, run as a migration, converges up and down on a real database. */
for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`golden migration files converge on ${backendTitle(backend)}`, () => {
    it.for(cases)("$name", async ({ name, expected, schemas: paths, input }, context) => {
      const unavailable = backend.name === "postgres" ? SERVER_LACKS[name] : undefined;
      if (unavailable !== undefined) context.skip(unavailable);
      const hasNoCast = (input.plan?.up ?? []).some((statement) => statement.hazards.includes("noCast"));
      const from = schemaAt(paths.from);
      const to = schemaAt(paths.to);
      const schemas = [...new Set([...schemasOf(from), ...schemasOf(to)])];
      const migration = await loadGenerated(readFileSync(expected, "utf8"));
      const build = async (driver: Driver, schema: Schema) => {
        const fresh = await introspect(driver, { schemas, exclude: [] });
        // Fixture schemas list only what they need: the database's own `public` stays.
        const wanted = { ...schema, namespaces: { ...fresh.namespaces, ...schema.namespaces } };
        for (const statement of plan(diffSchemas(fresh, wanted)).up) await driver.execute(statement.sql);
        return introspect(driver, { schemas, exclude: [] });
      };
      // migra's way: the target as the database spells it, built in a database of its own.
      const target = await withDatabaseOf(backend, ({ driver }) => build(driver, to));
      await withDatabaseOf(backend, async ({ driver }) => {
        const before = await build(driver, from);
        if (hasNoCast) {
          // The WARNING's point: PostgreSQL has no cast, so the file fails until a person writes USING.
          await expect(run(driver, migration, "up", schemas)).rejects.toThrow(/cannot cast type/);
          return;
        }
        await run(driver, migration, "up", schemas);
        expect(diffSchemas(await introspect(driver, { schemas, exclude: [] }), target), "left after up").toEqual([]);
        await run(driver, migration, "down", schemas);
        expect(diffSchemas(await introspect(driver, { schemas, exclude: [] }), before), "left after down").toEqual([]);
      });
    });
  });
}
