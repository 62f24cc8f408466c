/**
 * Child process of bench/stage-runs.ts: the stages of `revision --autogenerate` once, in the order
 * and with the calls the command makes, on the bench project `argv[2]` against the server database
 * `argv[3]` holding its schema (models one column ahead), then the introspection of the project's
 * embedded database. Prints a StageReport as JSON on its last line.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { renderRevision } from "../src/commands/revision.js";
import { openProject } from "../src/commands/open-project.js";
import { connect } from "../src/driver/connect.js";
import { countStatements } from "../src/driver/counting-driver.js";
import type { Driver } from "../src/driver/driver.js";
import { canonicalizeModel } from "../src/introspect/canonicalize-model.js";
import { introspect } from "../src/introspect/introspect.js";
import { adoptUnmanaged } from "../src/model/adopt-unmanaged.js";
import { loadModels } from "../src/model/load-models.js";
import { autogenerate } from "../src/sql/autogenerate.js";
import type { Stage, StageReport } from "./stage-runs.js";
import { EMBEDDED_READ_CACHE } from "./tidemark-runs.js";

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await work();
  return [value, performance.now() - start];
}

/**
 * The pure stages (diff + plan, codegen: tens of milliseconds) are timed warm: three runs in this
 * process first, then the median of five. A cold run measures V8 interpreting and compiling the
 * stage's code as much as the stage; at 2,000 tables the first ten runs of diff + plan took
 * 65-115 ms and the rest 45 (500 tables: 14), which made its growth look quadratic (5×) when it
 * is 3.3×.
 */
async function warmMedian<T>(work: () => Promise<T>, runs = 5, warmUp = 3): Promise<[T, number]> {
  for (let i = 0; i < warmUp; i++) await work();
  const samples: Array<[T, number]> = [];
  for (let i = 0; i < runs; i++) samples.push(await timed(work));
  const sorted = [...samples].sort((a, b) => a[1] - b[1]);
  const middle = sorted[Math.floor(runs / 2)];
  if (middle === undefined) throw new Error("unreachable: at least one run");
  return middle;
}

async function withDriver<T>(url: string, root: string, work: (driver: Driver) => Promise<T>): Promise<T> {
  const driver = await connect(url, root);
  try {
    return await work(driver);
  } finally {
    await driver.close();
  }
}

async function probe(dir: string, schemaUrl: string): Promise<StageReport> {
  const project = await openProject({ cwd: dir, env: {} });
  const { config } = project;
  const filter = { schemas: config.schemaFilter, exclude: [config.versionTable, config.historyTable] };
  const ms: Partial<Record<Stage, number>> = {};
  const [loaded, loadMs] = await timed(() => loadModels(config.root, config.schemaGlobs, { casing: config.casing, schemaFilter: config.schemaFilter }));
  ms["model load"] = loadMs;
  const server = await withDriver(schemaUrl, config.root, async (driver) => {
    const counting = countStatements(driver);
    const [database, readMs] = await timed(() => introspect(counting, filter));
    ms.introspection = readMs;
    const [model, canonicalMs] = await timed(() => canonicalizeModel(driver, adoptUnmanaged(loaded, database), database));
    ms.canonicalization = canonicalMs;
    return { statements: counting.statements, database, model };
  });
  const [planned, diffMs] = await warmMedian(async () => autogenerate({ from: server.database, to: server.model, detectRenames: true }));
  ms["diff + plan"] = diffMs;
  if (planned.changes.length !== 1) throw new Error(`${planned.changes.length} changes, expected the one added column`);
  const meta = { revision: "0123456789ab", revises: null, message: "one column", createdAt: new Date(0) };
  [, ms.codegen] = await warmMedian(() => renderRevision(project, meta, { changes: planned.changes, plan: planned.plan, notes: planned.notes }));
  // PGlite's own catalog read: the saved answers are dropped first (src/driver/catalog-cache.ts).
  rmSync(join(config.root, EMBEDDED_READ_CACHE), { force: true });
  const embedded = await withDriver(project.url, config.root, async (driver) => {
    const counting = countStatements(driver);
    [, ms["introspection (embedded)"]] = await timed(() => introspect(counting, filter));
    return counting.statements;
  });
  return { ms: ms as Record<Stage, number>, statements: { server: server.statements, embedded } };
}

const [dir, schemaUrl] = process.argv.slice(2);
if (dir === undefined || schemaUrl === undefined) throw new Error("usage: stage-probe.ts <project dir> <server database url>");
console.log(JSON.stringify(await probe(dir, schemaUrl)));
