import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { connect } from "../../../src/driver/connect.js";
import { lockKey } from "../../../src/runner/advisory-lock.js";
import { downgrade, upgrade } from "../../../src/runner/migrator.js";
import { LockTimeoutError } from "../../../src/runner/runner-errors.js";
import { BACKENDS, backendTitle, withDatabaseOf } from "../../support/backends.js";
import { migrationProject, versionRowsOf, type MigrationProject } from "../../support/migration-project.js";

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`transactional = false on ${backendTitle(backend)}`, () => {
    let project: MigrationProject;
    beforeEach(() => {
      project = migrationProject("concurrently");
    });
    afterEach(() => project.dispose());

    it("runs a migration marked transactional = false outside a transaction (CREATE INDEX CONCURRENTLY)", async () => {
      await withDatabaseOf(backend, async ({ driver }) => {
        const run = await project.run(driver);
        await upgrade(run, "head");
        expect(await versionRowsOf(driver)).toEqual(["c0000000000b"]);
        const indexes = await driver.query<{ name: string }>("select indexname as name from pg_indexes where tablename = 'events' order by 1");
        expect(indexes.map((row) => row.name)).toEqual(["events_kind_idx", "events_pkey"]);
        await downgrade(run, "-1");
        expect(await versionRowsOf(driver)).toEqual(["c0000000000a"]);
      });
    });
  });
}

const server = BACKENDS.find((backend) => backend.name === "postgres");

describe.skipIf(server?.available !== true)("the migration lock on postgres", () => {
  let project: MigrationProject;
  beforeEach(() => {
    project = migrationProject("linear");
  });
  afterEach(() => project.dispose());

  it("makes a second run wait, and gives up with a clear error after --lock-timeout", async () => {
    if (server === undefined) throw new Error("no server backend");
    await withDatabaseOf(server, async ({ driver, url }) => {
      if (url === null) throw new Error("the server backend has a URL");
      const other = await connect(url, project.dir);
      try {
        await other.query("select pg_advisory_lock($1, $2)", [0x74646d6b, lockKey(project.config.versionTable)]);
        const run = await project.run(driver, { lockTimeoutMs: 500 });
        const error = await upgrade(run, "head").catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(LockTimeoutError);
        expect((error as Error).message).toMatch(/Another tidemark process holds the migration lock on postgres:\/\/.*\(waited \d s\)/);
        const [created] = await driver.query<{ present: boolean }>("select to_regclass('public.tidemark_version') is not null as present");
        expect(created?.present, "nothing is created before the lock is held").toBe(false);
        await other.query("select pg_advisory_unlock_all()");
        await upgrade(run, "head");
        expect(await versionRowsOf(driver)).toEqual(["cccc00000003"]);
      } finally {
        await other.close();
      }
    });
  });

  it("runs as a role that may create in the schema but not in the database (a least-privilege deploy role)", async () => {
    if (server === undefined) throw new Error("no server backend");
    await withDatabaseOf(server, async ({ driver, url }) => {
      if (url === null) throw new Error("the server backend has a URL");
      const role = `tidemark_deploy_${Math.random().toString(16).slice(2, 10)}`;
      await driver.execute(`CREATE ROLE ${role} LOGIN; GRANT USAGE, CREATE ON SCHEMA public TO ${role}; REVOKE CREATE ON DATABASE ${new URL(url).pathname.slice(1)} FROM PUBLIC`);
      const asRole = new URL(url);
      asRole.username = role;
      const deploy = await connect(asRole.toString(), project.dir);
      try {
        await upgrade(await project.run(deploy), "head");
        expect(await versionRowsOf(driver)).toEqual(["cccc00000003"]);
      } finally {
        await deploy.close();
        await driver.execute(`DROP OWNED BY ${role}; DROP ROLE ${role}`);
      }
    });
  });

  it("two runs at once apply each migration exactly once", async () => {
    if (server === undefined) throw new Error("no server backend");
    await withDatabaseOf(server, async ({ url }) => {
      if (url === null) throw new Error("the server backend has a URL");
      const drivers = await Promise.all([connect(url, project.dir), connect(url, project.dir)]);
      try {
        const results = await Promise.all(drivers.map(async (driver) => upgrade(await project.run(driver), "head")));
        expect(results.map((result) => result.steps.length).sort()).toEqual([0, 3]);
        const history = await drivers[0]!.query<{ n: number }>("select count(*)::int as n from public.tidemark_history");
        expect(history[0]?.n).toBe(3);
      } finally {
        await Promise.all(drivers.map((driver) => driver.close()));
      }
    });
  });
});
