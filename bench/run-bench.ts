/**
 * `npm run bench`: tidemark against drizzle-kit at 100, 500 and 2,000 tables (issue 8). For each
 * size, tidemark's stages (model load, introspection and its statement count, canonicalization,
 * diff + plan, codegen) and the built CLI's wall time and peak memory for `revision --autogenerate`
 * (one column added; server and embedded; and from scratch) and `check`, beside drizzle-kit's
 * `generate` (from scratch and after one column) and, at 500 tables, `pull`. Prints a markdown
 * table per size and the targets with PASS/MISS, and writes the raw medians as JSON to the OS
 * temp dir. BENCH_SIZES, BENCH_RUNS, BENCH_PULL=0 and TEST_DATABASE_URL tune it (bench/README.md).
 * Needs `npm run build` first.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { redactUrl } from "../src/driver/redact-url.js";
import { benchSettings } from "./bench-settings.js";
import { judgeTargets, targetsTable } from "./bench-targets.js";
import { sizeTable } from "./bench-report.js";
import { snapshotCli } from "./cli-snapshot.js";
import { measureSize } from "./measure-size.js";
import { PEAK_MEMORY_METHOD } from "./peak-memory.js";

function versionOf(pkg: string): string {
  const file = new URL(`../node_modules/${pkg}/package.json`, import.meta.url);
  return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
}

const settings = benchSettings(process.env);
const started = new Date();
const tidemark = snapshotCli();
const results = [];
try {
  for (const tables of settings.sizes) {
    const result = await measureSize(tables, settings, tidemark);
    results.push(result);
    console.log(`${sizeTable(result)}\n`);
  }
} catch (error) {
  // The sizes measured so far are still reported and judged: a late failure must not lose them.
  console.error(error);
  process.exitCode = 1;
} finally {
  tidemark.dispose();
}

const machine = {
  cpus: cpus().length,
  memoryGiB: Math.round(totalmem() / 1024 ** 3),
  node: process.version,
  postgres: results[0]?.serverVersion ?? "?",
  pglite: versionOf("@electric-sql/pglite"),
  drizzleKit: versionOf("drizzle-kit"),
  peakMemory: PEAK_MEMORY_METHOD,
};
const verdicts = judgeTargets(results);
console.log(`\n## tidemark vs drizzle-kit, ${started.toISOString()}`);
console.log(`${machine.cpus} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, PostgreSQL ${machine.postgres}, PGlite ${machine.pglite}, drizzle-kit ${machine.drizzleKit}; peak memory: ${machine.peakMemory}\n`);
console.log(`### Targets\n\n${targetsTable(verdicts)}\n`);
const file = join(tmpdir(), `tidemark-bench-${started.toISOString().replace(/[:.]/g, "-")}.json`);
writeFileSync(file, `${JSON.stringify({ started: started.toISOString(), settings: { ...settings, serverUrl: redactUrl(settings.serverUrl), runs: settings.sizes.map((size) => settings.runsAt(size)) }, machine, results, verdicts }, null, 2)}\n`);
console.log(`Raw medians: ${file}`);
