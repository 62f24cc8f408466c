import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DataDirectoryInUseError } from "../../../src/driver/connection-errors.js";
import { LOCK_FILE } from "../../../src/driver/data-dir-lock.js";
import { openEmbedded } from "../../../src/driver/pglite-driver.js";

const DRIVER = new URL("../../../dist/driver/pglite-driver.js", import.meta.url).href;

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

interface Held {
  readonly start: number;
  readonly end: number;
}

/**
 * Another process (the built driver) that opens the directory, says when it holds it, holds it for
 * `holdMs`, closes it, and reports when it had it.
 */
function holder(data: string, holdMs: number): { readonly holding: Promise<void>; readonly done: Promise<Held> } {
  const script = `const { openEmbedded } = await import(${JSON.stringify(DRIVER)});
    const db = await openEmbedded(${JSON.stringify(data)}, 120000);
    const start = Date.now(); console.log("holding");
    await new Promise((r) => setTimeout(r, ${holdMs}));
    const end = Date.now(); await db.close();
    console.log(JSON.stringify({ start, end }));`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  let signal: () => void = () => undefined;
  const holding = new Promise<void>((resolve) => (signal = resolve));
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    if (output.includes("holding")) signal();
  });
  const done = new Promise<Held>((resolve, reject) =>
    child.on("close", (code) => (code === 0 ? resolve(JSON.parse(output.split("\n").filter(Boolean).at(-1) ?? "{}") as Held) : reject(new Error(`holder exited ${code}`)))),
  );
  return { holding, done };
}

describe("an embedded data directory is held by one process at a time", () => {
  it("refuses this process a directory it holds at once, and lets it in once closed", async () => {
    const data = join(dir, "db");
    const first = await openEmbedded(data);
    await first.execute("create table kept (id int)");
    const started = Date.now();
    const second = await openEmbedded(data, 60_000).catch((error: unknown) => error);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(second).toBeInstanceOf(DataDirectoryInUseError);
    expect((second as Error).message).toContain(`is in use by process ${process.pid} on ${hostname()}`);
    await first.close();
    expect(existsSync(join(data, LOCK_FILE))).toBe(false);
    const third = await openEmbedded(data, 300);
    expect(await third.query("select count(*)::int as n from kept")).toEqual([{ n: 0 }]);
    await third.close();
  });

  it("waits for another process to close the directory, and only until then", async () => {
    const data = join(dir, "db");
    const other = holder(data, 1_500);
    await other.holding;
    const refused = await openEmbedded(data, 200).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DataDirectoryInUseError);
    const driver = await openEmbedded(data, 60_000);
    const opened = Date.now();
    await driver.close();
    expect(opened).toBeGreaterThanOrEqual((await other.done).end);
  });

  it("lets one process at a time take over a lock left by a crash, however many race for it", async () => {
    const data = join(dir, "db");
    await (await openEmbedded(data)).close();
    writeFileSync(join(data, LOCK_FILE), JSON.stringify({ pid: deadPid(), host: hostname(), token: "dead" }));
    const held = await Promise.all([holder(data, 400), holder(data, 400), holder(data, 400)].map((one) => one.done));
    const sorted = [...held].sort((a, b) => a.start - b.start);
    for (let i = 1; i < sorted.length; i += 1) expect(sorted[i]?.start).toBeGreaterThanOrEqual(sorted[i - 1]?.end ?? Infinity);
  });

  it("takes over its own pid from before a restart, but never a lock from another host", async () => {
    const data = join(dir, "db");
    await (await openEmbedded(data)).close();
    writeFileSync(join(data, LOCK_FILE), JSON.stringify({ pid: process.pid, host: hostname(), token: "previous-life" }));
    await (await openEmbedded(data, 300)).close();
    writeFileSync(join(data, LOCK_FILE), JSON.stringify({ pid: deadPid(), host: `not-${hostname()}`, token: "elsewhere" }));
    const refused = await openEmbedded(data, 300).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DataDirectoryInUseError);
    expect((refused as DataDirectoryInUseError).hint).toContain(`delete ${join(data, LOCK_FILE)}`);
  });
});
