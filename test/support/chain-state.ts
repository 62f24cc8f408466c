import type { Driver } from "../../src/driver/driver.js";

/** What a database that ran part of a migration chain holds, read back to check it is consistent. */
export interface ChainState {
  /** The version table's rows. */
  readonly version: readonly string[];
  /** Revision → how many times its up ran (rows in chain_applied). */
  readonly applied: ReadonlyMap<string, number>;
  /** Revision → `up` rows in the history table. */
  readonly historyUps: ReadonlyMap<string, number>;
  /** The chain_<n> tables that exist, by n. */
  readonly tables: readonly number[];
}

export async function readChainState(driver: Driver): Promise<ChainState> {
  const exists = async (name: string) =>
    (await driver.query<{ found: boolean }>("select to_regclass($1) is not null as found", [name]))[0]?.found === true;
  const counts = async (sql: string) =>
    new Map((await driver.query<{ revision: string; n: number }>(sql)).map((row) => [row.revision, row.n]));
  const version = (await exists("public.tidemark_version"))
    ? (await driver.query<{ revision: string }>("select revision from public.tidemark_version")).map((row) => row.revision)
    : [];
  const applied = (await exists("public.chain_applied"))
    ? await counts("select revision, count(*)::int as n from public.chain_applied group by 1")
    : new Map<string, number>();
  const historyUps = (await exists("public.tidemark_history"))
    ? await counts("select revision, count(*)::int as n from public.tidemark_history where direction = 'up' group by 1")
    : new Map<string, number>();
  const tables = (
    await driver.query<{ n: number }>(
      "select substr(tablename, 7)::int as n from pg_tables where schemaname = 'public' and tablename ~ '^chain_[0-9]+$' order by 1",
    )
  ).map((row) => row.n);
  return { version, applied, historyUps, tables };
}

/**
 * The state a database must be in when the version table says it is at the `done`-th revision of
 * the chain (0: none): each of the first `done` migrations applied once, with its table and one
 * history row, and nothing of the others.
 */
export function expectedChainState(revisions: readonly string[], done: number): ChainState {
  const ran = revisions.slice(0, done);
  return {
    version: done === 0 ? [] : [revisions[done - 1] ?? ""],
    applied: new Map(ran.map((revision) => [revision, 1])),
    historyUps: new Map(ran.map((revision) => [revision, 1])),
    tables: ran.map((_, i) => i + 1),
  };
}

/** Waits until no other session is connected to the database (a killed client's backend has ended). */
export async function waitForOtherSessions(driver: Driver, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await driver.query<{ n: number }>(
      "select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()",
    );
    if (row?.n === 0) return;
    if (Date.now() > deadline) throw new Error(`${row?.n ?? "?"} other sessions still connected after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
