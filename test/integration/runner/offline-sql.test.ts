import { execFileSync } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { offlineDowngradeSql, offlineUpgradeSql } from "../../../src/commands/offline.js";
import type { Driver } from "../../../src/driver/driver.js";
import { introspect } from "../../../src/introspect/introspect.js";
import { inlineParameters } from "../../../src/ir/quote.js";
import { downgrade, upgrade } from "../../../src/runner/migrator.js";
import { BACKENDS, backendTitle, withDatabaseOf, type Backend, type TestDatabase } from "../../support/backends.js";
import { migrationProject, tablesOf, versionRowsOf, type MigrationProject } from "../../support/migration-project.js";
import { inlineParameterFixture, untag, type RoundTripCase } from "../../unit/ir/inline-parameter-cases.js";

const schemaOptions = { schemas: ["public"], exclude: [] };
const SERVER = BACKENDS.find((backend) => backend.name === "postgres");

describe("offline SQL", () => {
  let project: MigrationProject;
  beforeEach(() => {
    project = migrationProject("linear");
  });
  afterEach(() => project.dispose());

  it("says how to run it, then each migration in BEGIN/COMMIT with its version and history rows, parameters inlined", async () => {
    const sql = await offlineUpgradeSql(project.config, "head", "each");
    expect(sql).toMatch(/^-- Run this with: psql -v ON_ERROR_STOP=1 /);
    expect(sql.match(/^CREATE SCHEMA IF NOT EXISTS public;$/gm)).toHaveLength(1);
    expect(sql).toContain("CREATE TABLE IF NOT EXISTS public.tidemark_version");
    expect(sql).toContain("BEGIN;\n-- Running upgrade <base> -> aaaa00000001: Create users\nCREATE TABLE public.users");
    expect(sql).toContain("INSERT INTO public.users (id, email, name) VALUES ('1', 'ada@example.com', 'Ada');");
    expect(sql).toContain("UPDATE public.tidemark_version SET revision = 'bbbb00000002' WHERE revision = 'aaaa00000001';");
    expect(sql.match(/^BEGIN;$/gm)).toHaveLength(3);
    expect(sql.match(/^COMMIT;$/gm)).toHaveLength(3);
  });

  it("renders a range, and a downgrade from:to, with the runner's reading of a range", async () => {
    const up = await offlineUpgradeSql(project.config, "aaaa00000001:head", "each");
    expect(up).not.toContain("CREATE TABLE public.users");
    expect(up.match(/^-- Running upgrade/gm)).toHaveLength(2);
    const down = await offlineDowngradeSql(project.config, "head:base", "each");
    expect(down.match(/^-- Running downgrade/gm)).toHaveLength(3);
    expect(down).toContain("DELETE FROM public.tidemark_version WHERE revision = 'aaaa00000001';");
    await expect(offlineDowngradeSql(project.config, "-1", "each")).rejects.toThrow(/Offline downgrade needs a <from>:<to> range/);
    await expect(offlineDowngradeSql(project.config, "head:", "each")).rejects.toThrow(/Offline downgrade needs a <from>:<to> range/);
    for (const run of [offlineUpgradeSql, offlineDowngradeSql]) {
      await expect(run(project.config, "aaaa00000001:bbbb00000002:head", "each")).rejects.toMatchObject({
        name: "InvalidTargetError",
        reason: "a range has one ':'",
      });
    }
  });

  it("--tx-mode all: one transaction around the migrations in a row; none: none around any", async () => {
    const all = await offlineUpgradeSql(project.config, "head", "all");
    expect(all.match(/^BEGIN;$/gm)).toHaveLength(1);
    expect(all).toMatch(/^BEGIN;\n-- Running upgrade <base> -> aaaa00000001/m);
    expect(all).toMatch(/^INSERT INTO public\.tidemark_history .*'cccc00000003'.*\nCOMMIT;$/m);
    const none = await offlineUpgradeSql(project.config, "head", "none");
    expect(none).toMatch(/^-- Running upgrade <base> -> aaaa00000001.*\n-- \(runs outside a transaction.*\nCREATE TABLE public\.users.*\nBEGIN;\nINSERT INTO public\.tidemark_version/m);
    expect(none.match(/^BEGIN;$/gm)).toHaveLength(3);
  });

  for (const backend of BACKENDS) {
    it.skipIf(!backend.available)(`run on an empty database, gives what upgrade head gives, on ${backendTitle(backend)}`, async () => {
      const sql = await offlineUpgradeSql(project.config, "head", "each");
      const online = await withDatabaseOf(backend, async ({ driver }) => {
        await upgrade(await project.run(driver), "head");
        return stateOf(driver);
      });
      const offline = await withDatabaseOf(backend, async (db) => {
        await runScript(backend, db, sql);
        return stateOf(db.driver);
      });
      expect(offline).toEqual(online);
      expect(offline.rows).toEqual(["cccc00000003"]);
    });
  }

  for (const mode of ["each", "all", "none"] as const) {
    it.skipIf(SERVER?.available !== true)(`--tx-mode ${mode} with CREATE INDEX CONCURRENTLY runs in psql as upgrade heads does, and back down`, async () => {
      if (SERVER === undefined) throw new Error("no server backend");
      project.add("concurrently");
      const up = await offlineUpgradeSql(project.config, "heads", mode);
      const down = await offlineDowngradeSql(project.config, "heads:base", mode);
      const online = await withDatabaseOf(SERVER, async ({ driver }) => {
        await upgrade(await project.run(driver, { txMode: mode }), "heads");
        const upgraded = await stateOf(driver);
        await downgrade(await project.run(driver, { txMode: mode }), "base");
        return { upgraded, downgraded: await stateOf(driver) };
      });
      const offline = await withDatabaseOf(SERVER, async (db) => {
        await runScript(SERVER, db, up);
        const upgraded = await stateOf(db.driver);
        await runScript(SERVER, db, down);
        return { upgraded, downgraded: await stateOf(db.driver) };
      });
      expect(offline).toEqual(online);
      expect(offline.upgraded.rows).toEqual(["c0000000000b", "cccc00000003"]);
      expect(offline.downgraded.rows).toEqual([]);
    });
  }
});

describe("offline SQL stops where an online run stops", () => {
  let project: MigrationProject;
  beforeEach(() => {
    project = migrationProject("failing");
  });
  afterEach(() => project.dispose());

  // each: the first migration stays; all: both roll back together; none: the second's first statement stays too.
  for (const [mode, rows, tables] of [
    ["each", ["f000000000a1"], ["first"]],
    ["all", [], []],
    ["none", ["f000000000a1"], ["first", "second"]],
  ] as const) {
    it.skipIf(SERVER?.available !== true)(`--tx-mode ${mode}: psql with ON_ERROR_STOP leaves what a failed upgrade leaves`, async () => {
      if (SERVER === undefined) throw new Error("no server backend");
      const sql = await offlineUpgradeSql(project.config, "head", mode);
      const online = await withDatabaseOf(SERVER, async ({ driver }) => {
        await expect(upgrade(await project.run(driver, { txMode: mode }), "head")).rejects.toThrow(/no_such_table/);
        return stateOf(driver);
      });
      const offline = await withDatabaseOf(SERVER, async (db) => {
        await expect(runScript(SERVER, db, sql)).rejects.toThrow(/no_such_table/);
        return stateOf(db.driver);
      });
      expect(offline).toEqual(online);
      expect(offline.rows).toEqual(rows);
      expect(offline.tables).toEqual(tables);
    });
  }
});

describe("parameters inlined store what bound parameters store", () => {
  const cases = inlineParameterFixture().roundTrip;
  // A Date is bound in the process's local time: a zone with a half-hour offset shows it is read right.
  beforeEach(() => {
    vi.stubEnv("TZ", "America/St_Johns");
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  for (const backend of BACKENDS) {
    it.skipIf(!backend.available)(`on ${backendTitle(backend)}`, async () => {
      await withDatabaseOf(backend, async ({ driver }) => {
        await driver.execute("SET TIME ZONE 'UTC'");
        for (const c of cases) {
          const params = c.params.map(untag);
          const online = await storedBy(driver, c, () => driver.query(c.sql, params));
          const offline = await storedBy(driver, c, () => driver.execute(inlineParameters(c.sql, params)));
          expect({ name: c.name, online, offline }).toEqual({ name: c.name, online: c.stored, offline: c.stored });
        }
      });
    });
  }
});

async function storedBy(driver: Driver, c: RoundTripCase, write: () => Promise<unknown>): Promise<string | null> {
  await driver.execute(`DROP TABLE IF EXISTS round_trip; CREATE TABLE round_trip (v ${c.type})`);
  await write();
  const rows = await driver.query<{ v: string | null }>("SELECT v::text AS v FROM round_trip");
  return rows.length === 1 ? (rows[0]?.v ?? null) : `${rows.length} rows`;
}

/** The schema, the project's tables, the version rows, and the history without its times. */
async function stateOf(driver: Driver) {
  const history = await driver.query("select revision, direction, checksum, message from public.tidemark_history order by id");
  return { schema: await introspect(driver, schemaOptions), tables: await tablesOf(driver), rows: await versionRowsOf(driver), history };
}

/** The script as a DBA runs it: psql with ON_ERROR_STOP on a server, one exec on PGlite. */
async function runScript(backend: Backend, db: TestDatabase, sql: string): Promise<void> {
  if (backend.name === "postgres" && db.url !== null) {
    execFileSync("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", db.url], { input: sql, stdio: ["pipe", "pipe", "pipe"] });
  } else {
    await db.driver.execute(sql);
  }
}
