import { describe, expect, it } from "vitest";
import { SERVER_URL } from "../../support/backends.js";
import { expectedChainState, readChainState, waitForOtherSessions } from "../../support/chain-state.js";
import { migrationChain } from "../../support/migration-chain.js";
import { withServerDatabase } from "../../support/server-database.js";
import { spawnCli } from "../../support/spawn-cli.js";

/**
 * The server drops the deploy's connection mid-run (a failover, an admin's pg_terminate_backend):
 * one clear line, exit 1, the database at a revision the version table names exactly, and the next
 * `upgrade head` finishes the job.
 */
describe.skipIf(SERVER_URL === undefined)("a connection dropped by the server (skipped without TEST_DATABASE_URL)", () => {
  it("gives a clear error and leaves a consistent revision that upgrade head completes", async () => {
    const chain = migrationChain(6, { sleepSeconds: 0.4 });
    try {
      await withServerDatabase(async (url, driver) => {
        const running = spawnCli(["upgrade", "head", "--url", url], chain.dir);
        await waitForApplied(driver, 2);
        await driver.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()");
        const run = await running.done;
        expect(run.code).toBe(1);
        const lines = run.stderr.trim().split("\n");
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(/^error: Migration c0000000000[3-6] \(.*\) failed in up\(\) at statement: .*terminating connection due to administrator command\. The connection was lost .* run the command again\.$/);
        expect(run.stderr).not.toMatch(/\n\s+at /);
        await waitForOtherSessions(driver);
        const state = await readChainState(driver);
        const done = chain.revisions.indexOf(state.version[0] ?? "") + 1;
        expect(done).toBeGreaterThanOrEqual(2);
        expect(done).toBeLessThan(chain.revisions.length);
        expect(state).toEqual(expectedChainState(chain.revisions, done));
        expect((await spawnCli(["upgrade", "head", "--url", url], chain.dir).done).code).toBe(0);
        expect(await readChainState(driver)).toEqual(expectedChainState(chain.revisions, chain.revisions.length));
      });
    } finally {
      chain.dispose();
    }
  });
});

/** Polls until at least `count` migrations are committed. */
async function waitForApplied(driver: Parameters<typeof readChainState>[0], count: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const state = await readChainState(driver).catch(() => null);
    if (state !== null && state.applied.size >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`fewer than ${count} migrations applied after 60 s`);
}
