import { describe, expect, it } from "vitest";
import { SERVER_URL } from "../support/backends.js";
import { expectedChainState, readChainState } from "../support/chain-state.js";
import { migrationChain } from "../support/migration-chain.js";
import { withServerDatabase } from "../support/server-database.js";
import { spawnCli } from "../support/spawn-cli.js";

const PROCESSES = 12;
const MIGRATIONS = 50;
const REPEATS = 10;

/**
 * Replicas with an init container: every pod runs `upgrade head` at the same moment. The advisory
 * lock must make one of them apply each migration exactly once, and the others wait, then find
 * nothing to do — all exiting 0.
 */
describe.skipIf(SERVER_URL === undefined)("concurrent deploys (skipped without TEST_DATABASE_URL)", () => {
  it(`${PROCESSES} processes run upgrade head at once over ${MIGRATIONS} pending migrations, ${REPEATS} times`, async () => {
    const chain = migrationChain(MIGRATIONS);
    try {
      for (let repeat = 1; repeat <= REPEATS; repeat += 1) {
        await withServerDatabase(async (url, driver) => {
          const runs = await Promise.all(
            Array.from({ length: PROCESSES }, () => spawnCli(["upgrade", "head", "--url", url, "--lock-timeout", "600"], chain.dir).done),
          );
          for (const run of runs) expect(run.code, `repeat ${repeat}: ${run.stderr}`).toBe(0);
          const ran = runs.map((run) => Number(/^Ran (\d+) migrations?/m.exec(run.stdout)?.[1] ?? 0));
          expect(ran.reduce((sum, n) => sum + n, 0), `repeat ${repeat}: migrations run by all processes`).toBe(MIGRATIONS);
          expect(runs.filter((run) => run.stdout.includes("Nothing to do")).length).toBe(PROCESSES - ran.filter((n) => n > 0).length);
          expect(await readChainState(driver)).toEqual(expectedChainState(chain.revisions, MIGRATIONS));
        });
      }
    } finally {
      chain.dispose();
    }
  });
});
