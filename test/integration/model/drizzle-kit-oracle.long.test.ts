import { generateDrizzleJson, generateMigration } from "drizzle-kit/api";
import { createJiti } from "jiti";
import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { syntheticModelSource } from "../../../bench/synthetic-model-source.js";
import { schemaAgainstDatabase } from "../../../src/commands/models-against-database.js";
import { diffSchemas } from "../../../src/diff/diff-schemas.js";
import type { Driver } from "../../../src/driver/driver.js";
import { introspect } from "../../../src/introspect/introspect.js";
import { collectModels } from "../../../src/model/collect-models.js";
import { BACKENDS, backendTitle, withDatabaseOf } from "../../support/backends.js";
import { FIXTURES, readJson } from "../../support/fixture-cases.js";

interface ModelSet {
  readonly name: string;
  readonly schemas: readonly string[];
  load(): Promise<Record<string, unknown>>;
}

const leftOut = readJson<{ leftOut: { model: string; export: string }[] }>(`${FIXTURES}/models`, "drizzle-kit-differences.json").leftOut;
const importFile = async (file: string) => (await createJiti(import.meta.url).import(file)) as Record<string, unknown>;

const SETS: readonly ModelSet[] = [
  { name: "example project", schemas: ["public"], load: () => importFile(new URL("../../../schema/blog.ts", import.meta.url).pathname) },
  { name: "every-type", schemas: ["public", "app"], load: () => importFile(`${FIXTURES}/models/every-type/schema.ts`) },
  { name: "generated", schemas: ["public"], load: () => importGenerated(25) },
];

/** The synthetic model source, written where it can import drizzle-orm, and imported. */
async function importGenerated(tables: number): Promise<Record<string, unknown>> {
  const cache = new URL("../../../node_modules/.cache/", import.meta.url).pathname;
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, "tidemark-models-"));
  try {
    writeFileSync(join(dir, "models.ts"), syntheticModelSource(tables));
    return await importFile(join(dir, "models.ts"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** tidemark's plan from an empty database, applied. */
async function buildWithTidemark(driver: Driver, exports: Record<string, unknown>, schemas: readonly string[]): Promise<void> {
  const loaded = collectModels([{ file: "models", exports }], { casing: undefined, schemaFilter: schemas });
  const tables = { schema: "public", name: "tidemark_version" };
  const { plan } = await schemaAgainstDatabase(loaded, { schemaFilter: schemas, versionTable: tables, historyTable: tables }, driver);
  for (const statement of plan.up) await driver.execute(statement.sql);
}

/** drizzle-kit's SQL for the same models, from an empty snapshot, applied. */
async function buildWithDrizzleKit(driver: Driver, exports: Record<string, unknown>, schemas: readonly string[]): Promise<void> {
  const statements = await generateMigration(generateDrizzleJson({}), generateDrizzleJson(exports, undefined, [...schemas]));
  for (const statement of statements) await driver.execute(statement);
}

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`the database tidemark builds matches drizzle-kit's on ${backendTitle(backend)}`, () => {
    for (const set of SETS) {
      it(set.name, async () => {
        const exports = Object.fromEntries(
          Object.entries(await set.load()).filter(([name]) => !leftOut.some((item) => item.model === set.name && item.export === name)),
        );
        const read = (driver: Driver) => introspect(driver, { schemas: set.schemas, exclude: [] });
        const ours = await withDatabaseOf(backend, async ({ driver }) => {
          await buildWithTidemark(driver, exports, set.schemas);
          return read(driver);
        });
        const theirs = await withDatabaseOf(backend, async ({ driver }) => {
          await buildWithDrizzleKit(driver, exports, set.schemas);
          return read(driver);
        });
        expect(Object.keys(ours.tables).length).toBeGreaterThan(0);
        expect(diffSchemas(theirs, ours)).toEqual([]);
      });
    }
  });
}
