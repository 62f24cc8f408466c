import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LOCK_FILE } from "../../../src/driver/data-dir-lock.js";
import { openEmbedded } from "../../../src/driver/pglite-driver.js";
import { templateFile } from "../../../src/driver/pglite-template.js";

// These tests break and remove the template copy and expect what follows: in the shared temporary
// folder, another process making an in-memory PGlite meanwhile (another test file) writes it back.
// os.tmpdir() reads TMPDIR at each call, and templateFile() is first called by a test below.
const privateTemp = mkdtempSync(join(tmpdir(), "tidemark-template-tests-"));
process.env["TMPDIR"] = privateTemp;
afterAll(() => rmSync(privateTemp, { recursive: true, force: true }));

const userTables = (driver: Awaited<ReturnType<typeof openEmbedded>>) =>
  driver.query<{ name: string }>("select tablename as name from pg_tables where schemaname = 'public'");

/** New databases start from a saved, just-initialised data directory instead of initdb. */
describe("new PGlite databases from a saved template", () => {
  it("starts empty every time, whatever the one before did, with the extensions still available", async () => {
    const first = await openEmbedded(null);
    await first.execute("create extension citext; create table leftover (name citext)");
    await first.close();
    expect(existsSync(await templateFile())).toBe(true);
    const second = await openEmbedded(null);
    expect(await userTables(second)).toEqual([]);
    await second.execute("create extension citext; create table t (name citext); insert into t values ('A')");
    expect(await second.query("select count(*)::int as n from t where name = 'a'")).toEqual([{ n: 1 }]);
    await second.close();
  });

  it("starts with 32 MB of shared buffers, in memory and in a data directory (PGlite clears the pool at every start)", async () => {
    const parent = mkdtempSync(join(tmpdir(), "tidemark-buffers-"));
    try {
      for (const dataDir of [null, join(parent, "db"), join(parent, "db")]) {
        const driver = await openEmbedded(dataDir);
        expect(await driver.query("show shared_buffers")).toEqual([{ shared_buffers: "32MB" }]);
        await driver.close();
      }
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it("ignores a template that does not load, and writes a good one again", async () => {
    await (await openEmbedded(null)).close();
    const file = await templateFile();
    writeFileSync(file, "not a data directory");
    const driver = await openEmbedded(null);
    expect(await userTables(driver)).toEqual([]);
    await driver.close();
    expect(statSync(file).size).toBeGreaterThan(100_000);
    expect(readFileSync(file).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
  });

  it("makes a new data directory from it that keeps what is written, and never empties a directory that held files", async () => {
    const parent = mkdtempSync(join(tmpdir(), "tidemark-template-"));
    try {
      const fresh = join(parent, "db");
      const first = await openEmbedded(fresh);
      await first.execute("create table kept (id int); insert into kept values (7)");
      await first.close();
      expect(existsSync(join(fresh, "PG_VERSION"))).toBe(true);
      const again = await openEmbedded(fresh);
      expect(await again.query("select id from kept")).toEqual([{ id: 7 }]);
      await again.close();

      // A bad copy, and a directory that is not empty: its files stay, whatever happens to the open.
      writeFileSync(await templateFile(), "not a data directory");
      const other = join(parent, "other");
      mkdirSync(other);
      writeFileSync(join(other, "notes.txt"), "mine");
      await openEmbedded(other).then((driver) => driver.close(), () => undefined);
      expect(readFileSync(join(other, "notes.txt"), "utf8")).toBe("mine");

      // A bad copy and an empty directory: made by initdb instead, and usable.
      const empty = join(parent, "empty");
      const made = await openEmbedded(empty);
      expect(await userTables(made)).toEqual([]);
      await made.close();

      // The copy is made from memory only: one made while a directory was open would carry that
      // directory's lock file into every database made from it, and this one's would not be its own.
      rmSync(await templateFile(), { force: true });
      await (await openEmbedded(join(parent, "made-by-initdb"))).close();
      expect(existsSync(await templateFile())).toBe(false);
      await (await openEmbedded(null)).close();
      const fromCopy = join(parent, "from-copy");
      await (await openEmbedded(fromCopy)).close();
      expect(existsSync(join(fromCopy, LOCK_FILE))).toBe(false);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
