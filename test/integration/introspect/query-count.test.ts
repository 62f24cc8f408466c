import { describe, expect, it } from "vitest";
import { countStatements } from "../../../src/driver/counting-driver.js";
import type { Driver } from "../../../src/driver/driver.js";
import { introspect } from "../../../src/introspect/introspect.js";
import { BACKENDS, backendTitle, withDatabaseOf } from "../../support/backends.js";

/** `count` tables, each with an FK to the one before, an index, an enum column and a sequence. */
async function buildTables(driver: Driver, count: number): Promise<void> {
  const statements = ["CREATE TYPE level AS ENUM ('low', 'high')"];
  for (let i = 0; i < count; i += 1) {
    statements.push(
      `CREATE TABLE t${i} (id serial PRIMARY KEY, prev int ${i > 0 ? `REFERENCES t${i - 1}` : ""}, lvl level, note text CHECK (note <> ''))`,
      `CREATE INDEX t${i}_note_idx ON t${i} (note)`,
      `CREATE SEQUENCE s${i}`,
      `CREATE VIEW v${i} AS SELECT id FROM t${i}`,
    );
  }
  await driver.execute(statements.join(";\n"));
}

async function statementsToIntrospect(driver: Driver): Promise<{ statements: number; tables: number }> {
  const counting = countStatements(driver);
  const schema = await introspect(counting, { schemas: ["public"], exclude: [] });
  return { statements: counting.statements, tables: Object.keys(schema.tables).length };
}

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`introspection query count on ${backendTitle(backend)}`, () => {
    it("is the same for 2 tables and for 60", async () => {
      const small = await withDatabaseOf(backend, async ({ driver }) => {
        await buildTables(driver, 2);
        return statementsToIntrospect(driver);
      });
      const large = await withDatabaseOf(backend, async ({ driver }) => {
        await buildTables(driver, 60);
        return statementsToIntrospect(driver);
      });
      expect(small.tables).toBe(2);
      expect(large.tables).toBe(60);
      expect(large.statements).toBe(small.statements);
      expect(small.statements).toBeLessThanOrEqual(12);
    });
  });
}
