/**
 * `npm run bench:diff`: the stages of `revision --autogenerate` on the 2,000-table schema. A model
 * file of 2,000 drizzle tables is loaded (jiti + conversion to the IR); a database holding the same
 * schema with one column fewer per ten tables is introspected; the model is canonicalized against
 * it (scratch copies, only for text that differs) and diffed and planned. Medians of 3 runs.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { connect } from "../src/driver/connect.js";
import { autogenerate } from "../src/sql/autogenerate.js";
import { canonicalizeModel } from "../src/introspect/canonicalize-model.js";
import { introspect } from "../src/introspect/introspect.js";
import { quoteIdent } from "../src/ir/quote.js";
import type { Schema } from "../src/ir/schema.js";
import { adoptUnmanaged } from "../src/model/adopt-unmanaged.js";
import { loadModels } from "../src/model/load-models.js";
import { withDatabase } from "../test/support/backends.js";
import { medianMs } from "./measure.js";
import { syntheticModelSource } from "./synthetic-model-source.js";
import { syntheticSchemaStatements } from "./synthetic-schema.js";

const TABLES = 2000;
const RUNS = 3;
const url = process.env["TEST_DATABASE_URL"] ?? "pglite://memory";
const options = { schemas: ["public"], exclude: [] };

const cache = new URL("../node_modules/.cache/", import.meta.url).pathname;
mkdirSync(cache, { recursive: true });
const dir = mkdtempSync(join(cache, "tidemark-bench-"));
writeFileSync(join(dir, "models.ts"), syntheticModelSource(TABLES));

const driver = await connect(url, process.cwd());
const database = `tidemark_bench_diff_${process.pid}`;
const work = url.startsWith("pglite") ? driver : await scratchDatabase();
try {
  // The database lacks `ratio` on every tenth table: the diff has 200 columns to add.
  const statements = syntheticSchemaStatements(TABLES).map((sql, i) =>
    Math.floor(i / 2) % 10 === 0 ? sql.replace("  ratio double precision,\n", "") : sql,
  );
  for (let i = 0; i < statements.length; i += 200) await work.execute(`${statements.slice(i, i + 200).join(";\n")};`);
  let model: Schema | undefined;
  let current: Schema | undefined;
  let changes = 0;
  const load = await medianMs(RUNS, async () => {
    model = await loadModels(dir, ["models.ts"], { casing: undefined, schemaFilter: ["public"] });
  });
  const read = await medianMs(RUNS, async () => {
    current = await introspect(work, options);
  });
  if (model === undefined || current === undefined) throw new Error("nothing measured");
  const [loaded, inDatabase] = [model, current];
  let canonical: Schema = loaded;
  const canonicalize = await medianMs(RUNS, async () => {
    canonical = await canonicalizeModel(work, adoptUnmanaged(loaded, inDatabase), inDatabase);
  });
  const diff = await medianMs(RUNS, async () => {
    changes = autogenerate({ from: inDatabase, to: canonical }).changes.length;
  });
  console.log(`backend: ${url.startsWith("pglite") ? "PGlite (embedded)" : "PostgreSQL server"}; ${TABLES} tables, ${TABLES * 12} columns; ${changes} changes found`);
  console.log("| stage | median of 3 |");
  console.log("|---|---|");
  console.log(`| model load (jiti + drizzle → IR) | ${load.toFixed(0)} ms |`);
  console.log(`| introspection | ${read.toFixed(0)} ms |`);
  console.log(`| canonicalization (only text that differs, deduplicated) | ${canonicalize.toFixed(0)} ms |`);
  console.log(`| diff + plan | ${diff.toFixed(0)} ms |`);
} finally {
  if (work !== driver) {
    await work.close();
    await driver.execute(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
  }
  await driver.close();
  rmSync(dir, { recursive: true, force: true });
}

async function scratchDatabase() {
  await driver.execute(`CREATE DATABASE ${quoteIdent(database)}`);
  return connect(withDatabase(url, database), process.cwd());
}
