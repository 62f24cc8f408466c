import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openEmbedded } from "../../src/driver/pglite-driver.js";
import { expectedChainState, readChainState, type ChainState } from "../support/chain-state.js";
import { migrationChain, type MigrationChain } from "../support/migration-chain.js";
import { seededRandom } from "../support/seeded-random.js";
import { spawnCli } from "../support/spawn-cli.js";

const MIGRATIONS = 20;
const TRIALS = 10;

/**
 * The embedded default (a PGlite data directory) killed with SIGKILL during `upgrade head`: the
 * directory opens again (the dead process's lock is taken over), the version table matches the
 * schema, and `upgrade head` finishes the job.
 */
describe("crashes during upgrade on the embedded database", () => {
  it(`${TRIALS} SIGKILLs at different points of a ${MIGRATIONS}-migration upgrade`, async () => {
    const chain = migrationChain(MIGRATIONS, { sleepSeconds: 0.3 });
    const next = seededRandom(20261123);
    const reached: number[] = [];
    try {
      const started = Date.now();
      const full = await withDataDir(async (url) => (await spawnCli(["upgrade", "head", "--url", url], chain.dir).done).code);
      expect(full).toBe(0);
      const fullRunMs = Date.now() - started;
      for (let trial = 1; trial <= TRIALS; trial += 1) {
        const delay = Math.round(((trial - 1 + next()) / TRIALS) * fullRunMs);
        reached.push(await withDataDir((url, dir) => killedRun(chain, url, dir, delay, trial)));
      }
    } finally {
      chain.dispose();
    }
    console.log(`embedded crash trials: stopped at revisions ${[...reached].sort((a, b) => a - b).join(" ")} of ${MIGRATIONS}`);
    expect(new Set(reached).size).toBeGreaterThanOrEqual(4);
  });
});

async function withDataDir<T>(work: (url: string, dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), "tidemark-crash-"));
  try {
    return await work(`pglite://${join(dir, "db")}`, join(dir, "db"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function stateOf(dir: string): Promise<ChainState> {
  const driver = await openEmbedded(dir, 30_000);
  try {
    return await readChainState(driver);
  } finally {
    await driver.close();
  }
}

async function killedRun(chain: MigrationChain, url: string, dir: string, delayMs: number, trial: number): Promise<number> {
  const running = spawnCli(["upgrade", "head", "--url", url], chain.dir);
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  running.child.kill("SIGKILL");
  await running.done;
  const state = await stateOf(dir);
  const done = state.version.length === 0 ? 0 : chain.revisions.indexOf(state.version[0] ?? "") + 1;
  expect(state, `trial ${trial}, killed after ${delayMs} ms`).toEqual(expectedChainState(chain.revisions, done));
  const resumed = await spawnCli(["upgrade", "head", "--url", url], chain.dir).done;
  expect(resumed.code, `trial ${trial}: ${resumed.stderr}`).toBe(0);
  expect(await stateOf(dir)).toEqual(expectedChainState(chain.revisions, chain.revisions.length));
  return done;
}
