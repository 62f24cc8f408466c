import { describe, expect, it } from "vitest";
import { SERVER_URL } from "../support/backends.js";
import { expectedChainState, readChainState, waitForOtherSessions } from "../support/chain-state.js";
import { migrationChain, type MigrationChain } from "../support/migration-chain.js";
import { seededRandom } from "../support/seeded-random.js";
import { withServerDatabase } from "../support/server-database.js";
import { spawnCli } from "../support/spawn-cli.js";

const MIGRATIONS = 30;
const TRIALS = 30;

/**
 * A deploy killed with SIGKILL (an OOM kill, a node drained) at any moment leaves the database at
 * a revision the version table names exactly — each migration up to it applied once, nothing
 * after it — and the next `upgrade head` finishes the job.
 */
describe.skipIf(SERVER_URL === undefined)("crashes during upgrade (skipped without TEST_DATABASE_URL)", () => {
  it(`${TRIALS} SIGKILLs at different points of a ${MIGRATIONS}-migration upgrade`, async () => {
    const chain = migrationChain(MIGRATIONS, { sleepSeconds: 0.05 });
    const next = seededRandom(20261122);
    const reached: number[] = [];
    try {
      const fullRunMs = await withServerDatabase(async (url) => {
        const started = Date.now();
        expect((await spawnCli(["upgrade", "head", "--url", url], chain.dir).done).code).toBe(0);
        return Date.now() - started;
      });
      for (let trial = 1; trial <= TRIALS; trial += 1) {
        // Spread over the whole run, startup included, jittered within each trial's slice.
        const delay = Math.round(((trial - 1 + next()) / TRIALS) * fullRunMs * 1.1);
        reached.push(await killedRun(chain, delay, trial));
      }
    } finally {
      chain.dispose();
    }
    // The kills landed at many different points: before anything ran, in the middle, at the end.
    expect(new Set(reached).size).toBeGreaterThanOrEqual(10);
    console.log(`crash trials: stopped at revisions ${[...reached].sort((a, b) => a - b).join(" ")} of ${MIGRATIONS}`);
  });
});

/** One trial: upgrade, SIGKILL after `delayMs`, check the state, resume. Returns how far it got. */
async function killedRun(chain: MigrationChain, delayMs: number, trial: number): Promise<number> {
  return withServerDatabase(async (url, driver) => {
    const running = spawnCli(["upgrade", "head", "--url", url], chain.dir);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    running.child.kill("SIGKILL");
    await running.done;
    await waitForOtherSessions(driver);
    const state = await readChainState(driver);
    const done = state.version.length === 0 ? 0 : chain.revisions.indexOf(state.version[0] ?? "") + 1;
    expect(state, `trial ${trial}, killed after ${delayMs} ms`).toEqual(expectedChainState(chain.revisions, done));
    const resumed = await spawnCli(["upgrade", "head", "--url", url], chain.dir).done;
    expect(resumed.code, `trial ${trial}: ${resumed.stderr}`).toBe(0);
    expect(await readChainState(driver)).toEqual(expectedChainState(chain.revisions, chain.revisions.length));
    return done;
  });
}
