import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CATALOG_CACHE_FILE, dataDirFingerprint } from "../../../src/driver/catalog-cache.js";
import type { Driver, Queryable } from "../../../src/driver/driver.js";
import { openEmbedded } from "../../../src/driver/pglite-driver.js";
import { readAndRollBack } from "../../../src/driver/read-and-roll-back.js";

const COUNT = "select count(*)::int as n from items";
const READ_ONLY = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY";

let parent: string;
let dataDir: string;

beforeEach(async () => {
  parent = mkdtempSync(join(tmpdir(), "tidemark-cached-reads-"));
  dataDir = join(parent, "db");
  await session((db) => db.execute("create table items (id int); insert into items values (1)"));
});

afterEach(() => rmSync(parent, { recursive: true, force: true }));

/** One command's use of the database: open, work, close. */
async function session<T>(work: (db: Driver) => Promise<T>): Promise<T> {
  const db = await openEmbedded(dataDir);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

/** The session's result, and whether PGlite started at all (it rewrites pg_control when it does). */
async function watched<T>(work: (db: Driver) => Promise<T>): Promise<{ readonly result: T; readonly started: boolean }> {
  const before = await dataDirFingerprint(dataDir);
  const result = await session(work);
  return { result, started: (await dataDirFingerprint(dataDir)) !== before };
}

const readOnlyCount = (db: Driver) => db.transaction(async (tx) => {
  await tx.execute(READ_ONLY);
  return tx.query(COUNT);
});

/**
 * The embedded read cache: a command that only reads an unchanged data directory gets the answers
 * PGlite gave last time without starting it; anything that writes or opens the directory otherwise
 * makes the next command read the database again.
 */
describe("reads of an embedded database answered from its saved answers", () => {
  it("answers a read-only session again without starting PGlite, with the same rows", async () => {
    const first = await watched(async (db) => [await db.query(COUNT), await readOnlyCount(db)]);
    expect(first.started).toBe(true);
    expect(existsSync(join(dataDir, CATALOG_CACHE_FILE))).toBe(true);
    const second = await watched(async (db) => [await db.query(COUNT), await readOnlyCount(db)]);
    expect(second).toEqual({ result: [[{ n: 1 }], [{ n: 1 }]], started: false });
  });

  it("answers what a session that wrote changed, and reads the database again after anything else opened the directory", async () => {
    await session((db) => db.query(COUNT));
    await session((db) => db.execute("insert into items values (2)"));
    expect(await watched((db) => db.query(COUNT))).toEqual({ result: [{ n: 2 }], started: false });

    const app = await PGlite.create({ dataDir }); // an application opening the same directory
    await app.exec("insert into items values (3)");
    await app.close();
    expect(await watched((db) => db.query(COUNT))).toEqual({ result: [{ n: 3 }], started: true });
  });

  it("runs a committing transaction on the database even when every answer in it was saved", async () => {
    const work = async (tx: Parameters<Parameters<Driver["transaction"]>[0]>[0]) => {
      await tx.execute("create table made (id int)");
      return tx.query("select count(*)::int as n from made");
    };
    expect(await session((db) => readAndRollBack(db, work))).toEqual([{ n: 0 }]);
    expect(await watched((db) => readAndRollBack(db, work))).toEqual({ result: [{ n: 0 }], started: false });
    expect((await watched((db) => db.transaction(work))).started).toBe(true);
    expect(await session((db) => db.query("select to_regclass('made') is not null as present"))).toEqual([{ present: true }]);
  });

  it("goes on in a real transaction at the first new statement, with the saved ones run there first", async () => {
    await session((db) => readAndRollBack(db, async (tx) => {
      await tx.execute("create table scratch (id int)");
      return tx.query("select count(*)::int as n from scratch");
    }));
    const later = await watched((db) => readAndRollBack(db, async (tx) => {
      await tx.execute("create table scratch (id int)");
      await tx.execute("insert into scratch values (1), (2)");
      return tx.query("select count(*)::int as n from scratch");
    }));
    expect(later).toEqual({ result: [{ n: 2 }], started: true });
    expect(await session((db) => db.query("select to_regclass('scratch') is not null as present"))).toEqual([{ present: false }]);
  });

  it("never saves rows that JSON would change, such as timestamps", async () => {
    const stamp = "select '2020-01-02 03:04:05'::timestamp as at";
    await session((db) => db.query(stamp));
    const again = await watched((db) => db.query<{ at: unknown }>(stamp));
    expect(again.started).toBe(true);
    expect(again.result[0]?.at).toBeInstanceOf(Date);
  });
});

const TABLES = "select coalesce(array_agg(tablename::text order by tablename), '{}') as names from pg_tables where schemaname = 'public'";

/** A command's reads of each kind the cache saves: a plain read, a batch, a READ ONLY transaction, a rolled-back one. */
const everyKindOfRead = async (db: Driver) => [
  await db.query(TABLES),
  await db.queryBatch([TABLES, "select 1 as one"]),
  await db.transaction(async (tx) => {
    await tx.execute(READ_ONLY);
    return tx.query(TABLES);
  }),
  await readAndRollBack(db, async (tx: Queryable) => {
    await tx.execute("create table scratch (id int)");
    return tx.query(TABLES);
  }),
];

const savedSql = (): string => readFileSync(join(dataDir, CATALOG_CACHE_FILE), "utf8");

/**
 * A session that wrote sends the reads saved before it again before it closes, so that the next
 * command that only reads is answered without starting PGlite, with what the database holds now.
 */
describe("saved reads refreshed by a session that wrote", () => {
  it("answers every kind of saved read after a committed write without starting PGlite, with the new catalog", async () => {
    expect((await session(everyKindOfRead))[0]).toEqual([{ names: ["items"] }]);
    await session((db) => db.transaction((tx) => tx.execute("create table fresh (id int)")));
    const after = await watched(everyKindOfRead);
    expect(after.started).toBe(false);
    expect(after.result).toEqual([
      [{ names: ["fresh", "items"] }],
      [[{ names: ["fresh", "items"] }], [{ one: 1 }]],
      [{ names: ["fresh", "items"] }],
      [{ names: ["fresh", "items", "scratch"] }],
    ]);
    expect(await session((db) => db.query(TABLES))).toEqual([{ names: ["fresh", "items"] }]); // the scratch table was rolled back
  });

  it("drops only a saved read that fails after the write, and the write's session ends normally", async () => {
    await session(async (db) => [await db.query(COUNT), await db.query(TABLES)]);
    await session((db) => db.execute("drop table items")); // resolves: the replay's failure is not the command's
    expect(savedSql()).not.toContain("from items");
    expect(await watched((db) => db.query(TABLES))).toEqual({ result: [{ names: [] }], started: false });
    await expect(session((db) => db.query(COUNT))).rejects.toThrow(/items/);
  });

  it("leaves no saved reads after a session that wrote with none to start from", async () => {
    await session((db) => db.query(COUNT));
    const app = await PGlite.create({ dataDir }); // the saved answers no longer match the directory
    await app.close();
    await session((db) => db.execute("insert into items values (2)"));
    expect(existsSync(join(dataDir, CATALOG_CACHE_FILE))).toBe(false);
  });

  it("keeps the reads of the last two sessions that saved, not of every session before", async () => {
    const read = (n: number) => `select ${n} as n`;
    for (const n of [1, 2, 3]) await session((db) => db.query(read(n)));
    expect(savedSql()).toContain(read(2));
    expect(savedSql()).toContain(read(3));
    expect(savedSql()).not.toContain(read(1));
    expect((await watched((db) => db.query(read(2)))).started).toBe(false);
  });
});
