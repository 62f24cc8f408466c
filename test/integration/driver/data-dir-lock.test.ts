import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DataDirectoryInUseError } from "../../../src/driver/connection-errors.js";
import { LOCK_FILE } from "../../../src/driver/data-dir-lock.js";
import { openEmbedded } from "../../../src/driver/pglite-driver.js";

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "tidemark-lock-"));
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A pid that was running a moment ago and is not any more. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

describe("an embedded data directory is held by one process at a time", () => {
  it("refuses a second opener while the first holds it, and lets it in once closed", async () => {
    const data = join(dir, "db");
    const first = await openEmbedded(data);
    await first.execute("create table kept (id int)");
    const second = openEmbedded(data, 300);
    await expect(second).rejects.toBeInstanceOf(DataDirectoryInUseError);
    await expect(second).rejects.toThrow(`is in use by process ${process.pid} on ${hostname()}`);
    await first.close();
    expect(existsSync(join(data, LOCK_FILE))).toBe(false);
    const third = await openEmbedded(data, 300);
    expect(await third.query("select count(*)::int as n from kept")).toEqual([{ n: 0 }]);
    await third.close();
  });

  it("waits for the holder to close instead of failing at once", async () => {
    const data = join(dir, "db");
    const first = await openEmbedded(data);
    setTimeout(() => void first.close(), 300);
    const second = await openEmbedded(data, 30_000);
    expect(await second.query("select 1 as one")).toEqual([{ one: 1 }]);
    await second.close();
  });

  it("takes over a lock left by a process that is gone (a crash), but not one from another host", async () => {
    const data = join(dir, "db");
    await (await openEmbedded(data)).close();
    writeFileSync(join(data, LOCK_FILE), JSON.stringify({ pid: deadPid(), host: hostname() }));
    const driver = await openEmbedded(data, 300);
    await driver.close();
    writeFileSync(join(data, LOCK_FILE), JSON.stringify({ pid: deadPid(), host: `not-${hostname()}` }));
    const refused = await openEmbedded(data, 300).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DataDirectoryInUseError);
    expect((refused as DataDirectoryInUseError).hint).toContain(`delete ${join(data, LOCK_FILE)}`);
  });
});
