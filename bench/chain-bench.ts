/**
 * `npm run bench:chain`: a chain of 1,000 small migrations (each creates a table and inserts a
 * row; test/support/migration-chain.ts) in a temporary project, timed with the BUILT CLI
 * (`npm run build` first): graph load, `upgrade head` on an empty database (a transaction per
 * migration with its version and history rows, the default) on the PostgreSQL server and on the
 * embedded PGlite, the floor (`upgrade head --sql` run by psql on a fresh database), then `history`
 * and `current`. Medians of BENCH_RUNS (default 3); a database per run, created and dropped.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadGraph } from "../src/commands/load-graph.js";
import { readChainState } from "../test/support/chain-state.js";
import { migrationChain, type MigrationChain } from "../test/support/migration-chain.js";
import { checkChainState, checkOfflineSql } from "./chain-checks.js";
import { median, timedCli, timedCommand, withFreshDatabase } from "./chain-processes.js";
import { chainTable, type Figures } from "./chain-table.js";

const COUNT = Number(process.env["BENCH_CHAIN"] ?? 1000);
const RUNS = Number(process.env["BENCH_RUNS"] ?? 3);
const SERVER_URL = process.env["TEST_DATABASE_URL"] ?? "postgres://postgres@127.0.0.1:5432/postgres";
/** Another build's dist/cli/main.js (a commit before a change), timed in the same run for comparison. */
const BASELINE_CLI = process.env["BENCH_BASELINE_CLI"];

async function times(work: () => Promise<number> | number): Promise<number> {
  const all: number[] = [];
  for (let run = 0; run < RUNS; run += 1) all.push(await work());
  return median(all);
}

/** A process whose jiti transform cache starts empty, as on a deploy from a fresh container. */
function coldCacheEnv(): { readonly env: Record<string, string>; readonly dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "tidemark-bench-tmp-"));
  return { env: { TMPDIR: dir }, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** `upgrade head` on a new server database; the state it leaves is checked against the chain. */
async function serverUpgrade(chain: MigrationChain, cold: boolean, cli?: string): Promise<number> {
  const cache = cold ? coldCacheEnv() : { env: {}, dispose: () => undefined };
  try {
    return await withFreshDatabase(SERVER_URL, async (url, driver) => {
      const { ms } = timedCli(["upgrade", "head", "--url", url], chain.dir, cache.env, cli);
      checkChainState(await readChainState(driver), chain.revisions, "upgrade head (server)");
      return ms;
    });
  } finally {
    cache.dispose();
  }
}

/** The offline script run by psql on a new database: the floor. */
async function psqlFloor(chain: MigrationChain, sqlFile: string): Promise<number> {
  return withFreshDatabase(SERVER_URL, async (url, driver) => {
    const { ms } = timedCommand("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", sqlFile, url], chain.dir);
    checkChainState(await readChainState(driver), chain.revisions, "psql -f (offline SQL)");
    return ms;
  });
}

/** `upgrade head` into the embedded default (`.tidemark/db` in the project), made anew each run. */
function embeddedUpgrade(chain: MigrationChain): number {
  rmSync(join(chain.dir, ".tidemark"), { recursive: true, force: true });
  const { ms, stdout } = timedCli(["upgrade", "head"], chain.dir);
  if (!stdout.includes(`Ran ${COUNT} migrations`)) throw new Error(`upgrade head (PGlite) did not run ${COUNT} migrations: ${stdout.slice(-300)}`);
  return ms;
}

/** `history` and `current` on a database `upgrade head` brought to the chain's head. */
async function readCommands(chain: MigrationChain): Promise<{ history: number; current: number }> {
  return withFreshDatabase(SERVER_URL, async (url) => {
    timedCli(["upgrade", "head", "--url", url], chain.dir);
    const history = await times(() => timedCli(["history", "--indicate-current", "--url", url], chain.dir).ms);
    const current = await times(() => timedCli(["current", "--url", url], chain.dir).ms);
    return { history, current };
  });
}

/**
 * psql's floor and tidemark's upgrades in rounds, one of each per round, so that the server's state
 * (a busy checkpointer after the last dropped database, a busy moment of the machine) falls on all
 * of them alike; measured one after the other, the later ones ran up to 20% slower.
 */
async function serverRounds(chain: MigrationChain, sqlFile: string): Promise<Pick<Figures, "psql" | "upgradeServer" | "upgradeServerCold" | "baseline">> {
  const samples: Record<"psql" | "warm" | "cold" | "baselineWarm" | "baselineCold", number[]> = { psql: [], warm: [], cold: [], baselineWarm: [], baselineCold: [] };
  for (let run = 0; run < RUNS; run += 1) {
    samples.psql.push(await psqlFloor(chain, sqlFile));
    samples.warm.push(await serverUpgrade(chain, false));
    samples.cold.push(await serverUpgrade(chain, true));
    if (BASELINE_CLI !== undefined) {
      samples.baselineWarm.push(await serverUpgrade(chain, false, BASELINE_CLI));
      samples.baselineCold.push(await serverUpgrade(chain, true, BASELINE_CLI));
    }
  }
  return {
    psql: median(samples.psql),
    upgradeServer: median(samples.warm),
    upgradeServerCold: median(samples.cold),
    ...(BASELINE_CLI === undefined ? {} : { baseline: { warm: median(samples.baselineWarm), cold: median(samples.baselineCold) } }),
  };
}

async function measure(chain: MigrationChain): Promise<Figures> {
  const config = { migrationsDir: join(chain.dir, "migrations") };
  const sqlFile = join(chain.dir, "chain.sql");
  const offlineCold = coldCacheEnv();
  const offlineFirst = timedCli(["upgrade", "head", "--sql"], chain.dir, offlineCold.env);
  offlineCold.dispose();
  writeFileSync(sqlFile, offlineFirst.stdout);
  checkOfflineSql(offlineFirst.stdout, COUNT);
  return {
    count: COUNT,
    runs: RUNS,
    graphLoad: await times(async () => {
      const start = performance.now();
      await loadGraph(config);
      return performance.now() - start;
    }),
    cliStartup: await times(() => timedCli(["--version"], chain.dir).ms),
    heads: await times(() => timedCli(["heads"], chain.dir).ms),
    offlineSqlCold: offlineFirst.ms,
    offlineSql: await times(() => timedCli(["upgrade", "head", "--sql"], chain.dir).ms),
    ...(await serverRounds(chain, sqlFile)),
    upgradeEmbedded: await times(() => embeddedUpgrade(chain)),
    ...(await readCommands(chain)),
  };
}

const chain = migrationChain(COUNT);
try {
  console.log(`${COUNT} migrations in ${chain.dir}; server ${SERVER_URL.replace(/\/\/[^@/]*@/, "//…@")}; medians of ${RUNS}`);
  console.log(chainTable(await measure(chain)));
} finally {
  chain.dispose();
}
