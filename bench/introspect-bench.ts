/**
 * `npm run bench:introspect`: builds synthetic schemas of 500 and 2,000 tables on PGlite and on the
 * PostgreSQL server (TEST_DATABASE_URL, else the local one when it answers), then reports the
 * number of catalog queries one introspection sends and the median of several introspections.
 */
import { randomBytes } from "node:crypto";
import { connect } from "../src/driver/connect.js";
import { countStatements } from "../src/driver/counting-driver.js";
import type { Driver } from "../src/driver/driver.js";
import { introspect } from "../src/introspect/introspect.js";
import { quoteIdent } from "../src/ir/quote.js";
import { withDatabase } from "../test/support/backends.js";
import { medianMs, mib } from "./measure.js";
import { syntheticSchemaStatements } from "./synthetic-schema.js";

const SIZES = [500, 2000];
const RUNS = 5;
const SERVER_URL = process.env["TEST_DATABASE_URL"] ?? "postgres://postgres@127.0.0.1:5432/postgres";

interface Row {
  readonly backend: string;
  readonly tables: number;
  readonly queries: number;
  readonly medianMs: number;
  readonly heapMiB: string;
}

async function measure(backend: string, driver: Driver, tables: number): Promise<Row> {
  // In batches: one script is one transaction, and 2,000 tables' locks overflow the lock table.
  const statements = syntheticSchemaStatements(tables);
  for (let i = 0; i < statements.length; i += 200) {
    await driver.execute(`${statements.slice(i, i + 200).join(";\n")};`);
  }
  const counting = countStatements(driver);
  const schema = await introspect(counting, { schemas: ["public"], exclude: [] });
  if (Object.keys(schema.tables).length !== tables) throw new Error(`expected ${tables} tables`);
  const median = await medianMs(RUNS, async () => {
    await introspect(driver, { schemas: ["public"], exclude: [] });
  });
  return { backend, tables, queries: counting.statements, medianMs: median, heapMiB: mib(process.memoryUsage().heapUsed) };
}

async function onEmbedded(tables: number): Promise<Row> {
  const driver = await connect("pglite://memory", process.cwd());
  try {
    return await measure("PGlite 18 (embedded)", driver, tables);
  } finally {
    await driver.close();
  }
}

async function onServer(tables: number): Promise<Row | null> {
  const admin = await connect(SERVER_URL, process.cwd()).catch(() => null);
  if (admin === null) return null;
  const name = `tidemark_bench_${randomBytes(4).toString("hex")}`;
  await admin.execute(`CREATE DATABASE ${quoteIdent(name)}`);
  const driver = await connect(withDatabase(SERVER_URL, name), process.cwd());
  try {
    const [version] = await driver.query<{ v: string }>("select current_setting('server_version') as v");
    return await measure(`PostgreSQL ${version?.v ?? "?"} (server)`, driver, tables);
  } finally {
    await driver.close();
    await admin.execute(`DROP DATABASE ${quoteIdent(name)} WITH (FORCE)`);
    await admin.close();
  }
}

const rows: Row[] = [];
for (const tables of SIZES) {
  rows.push(await onEmbedded(tables));
  const server = await onServer(tables);
  if (server === null) console.error(`no server at ${SERVER_URL}: server rows skipped`);
  else rows.push(server);
}
console.log("| backend | tables | columns | catalog queries | introspection (median of 5) | heap after |");
console.log("|---|---|---|---|---|---|");
for (const row of rows) {
  console.log(`| ${row.backend} | ${row.tables} | ${row.tables * 12} | ${row.queries} | ${row.medianMs.toFixed(0)} ms | ${row.heapMiB} MiB |`);
}
