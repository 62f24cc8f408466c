import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadGraph } from "../../../src/commands/load-graph.js";
import { runContext } from "../../../src/commands/run-context.js";
import { resolveConfig } from "../../../src/config/resolve-config.js";
import type { Driver, Queryable } from "../../../src/driver/driver.js";
import { downgrade, upgrade } from "../../../src/runner/migrator.js";
import { BACKENDS, backendTitle, withDatabaseOf } from "../../support/backends.js";
import { readChainState } from "../../support/chain-state.js";
import { migrationChain, type MigrationChain } from "../../support/migration-chain.js";

/** Counts every message: each query and script, and a driver transaction's BEGIN and COMMIT. */
function countMessages(inner: Driver): Driver & { readonly messages: number } {
  let messages = 0;
  const counted = (queryable: Queryable): Queryable => ({
    query: (sql, params) => {
      messages += 1;
      return queryable.query(sql, params);
    },
    execute: (sql) => {
      messages += 1;
      return queryable.execute(sql);
    },
    queryBatch: (statements) => {
      messages += 1;
      return queryable.queryBatch(statements);
    },
  });
  return {
    ...counted(inner),
    backend: inner.backend,
    target: inner.target,
    get messages() {
      return messages;
    },
    transaction: (work) => {
      messages += 2;
      return inner.transaction((tx) => work(counted(tx)));
    },
    close: () => inner.close(),
  };
}

/** Rewrites each migration's statements as expressions (`String("CREATE …")`): the same SQL, not as plain text. */
function unplain(chain: MigrationChain): void {
  const folder = join(chain.dir, "migrations");
  for (const file of readdirSync(folder)) {
    const path = join(folder, file);
    writeFileSync(path, readFileSync(path, "utf8").replace(/await db\.execute\((.*)\);$/gm, "await db.execute(String($1));"));
  }
}

/** Messages sent to the database by `upgrade head` over a fresh chain of `count` migrations. */
async function upgradeMessages(driver: Driver, chain: MigrationChain): Promise<number> {
  const config = resolveConfig({}, null, chain.dir);
  const counted = countMessages(driver);
  await upgrade(runContext(config, counted, await loadGraph(config), {}), "head");
  return counted.messages;
}

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`messages per migration on ${backendTitle(backend)}`, () => {
    const chains: MigrationChain[] = [];
    afterEach(() => chains.splice(0).forEach((chain) => chain.dispose()));

    it("sends a migration that only executes SQL text in one message: BEGIN, its statements, bookkeeping, COMMIT", async () => {
      const [short, long] = [migrationChain(2), migrationChain(6)];
      chains.push(short, long);
      const messages = [];
      for (const chain of [short, long]) messages.push(await withDatabaseOf(backend, ({ driver }) => upgradeMessages(driver, chain)));
      expect(((messages[1] ?? 0) - (messages[0] ?? 0)) / 4).toBe(1);
      await withDatabaseOf(backend, async ({ driver }) => {
        await upgradeMessages(driver, long);
        const state = await readChainState(driver);
        expect(state.version).toEqual([long.revisions.at(-1)]);
        expect([...state.historyUps.values()]).toEqual(long.revisions.map(() => 1));
        // The server timed each migration for its history row.
        const durations = await driver.query<{ ms: number | null }>("select duration_ms as ms from public.tidemark_history");
        expect(durations.every((row) => row.ms !== null && row.ms >= 0)).toBe(true);
        // And back down, in one message each too: every step in its own committed transaction again.
        const config = resolveConfig({}, null, long.dir);
        await downgrade(runContext(config, driver, await loadGraph(config), {}), long.revisions[2] ?? "");
        expect((await readChainState(driver)).version).toEqual([long.revisions[2]]);
      });
    });

    it("sends any other migration in three messages: BEGIN with the first statement, COMMIT with its bookkeeping", async () => {
      const [short, long] = [migrationChain(2), migrationChain(6)];
      chains.push(short, long);
      // The same statements, built at run time: the runner cannot know them before up() runs.
      for (const chain of [short, long]) unplain(chain);
      const messages = [];
      for (const chain of [short, long]) messages.push(await withDatabaseOf(backend, ({ driver }) => upgradeMessages(driver, chain)));
      // Migrations after the first run two statements each (CREATE TABLE, INSERT): 2 + 1 messages.
      expect(((messages[1] ?? 0) - (messages[0] ?? 0)) / 4).toBe(3);
      await withDatabaseOf(backend, async ({ driver }) => {
        await upgradeMessages(driver, long);
        const state = await readChainState(driver);
        expect(state.version).toEqual([long.revisions.at(-1)]);
        expect([...state.historyUps.values()]).toEqual(long.revisions.map(() => 1));
      });
    });
  });
}
