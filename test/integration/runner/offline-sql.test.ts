import { execFileSync } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { offlineDowngradeSql, offlineUpgradeSql } from "../../../src/commands/offline.js";
import { introspect } from "../../../src/introspect/introspect.js";
import { upgrade } from "../../../src/runner/migrator.js";
import { BACKENDS, backendTitle, withDatabaseOf } from "../../support/backends.js";
import { migrationProject, versionRowsOf, type MigrationProject } from "../../support/migration-project.js";

const schemaOptions = { schemas: ["public"], exclude: [] };

describe("offline SQL", () => {
  let project: MigrationProject;
  beforeEach(() => {
    project = migrationProject("linear");
  });
  afterEach(() => project.dispose());

  it("renders each migration in BEGIN/COMMIT with its version and history rows, parameters inlined", async () => {
    const sql = await offlineUpgradeSql(project.config, "head");
    expect(sql).toContain("CREATE TABLE IF NOT EXISTS public.tidemark_version");
    expect(sql).toContain("-- Running upgrade <base> -> aaaa00000001: Create users\nBEGIN;\nCREATE TABLE public.users");
    expect(sql).toContain("INSERT INTO public.users (id, email, name) VALUES (1, 'ada@example.com', 'Ada');");
    expect(sql).toContain("UPDATE public.tidemark_version SET revision = 'bbbb00000002' WHERE revision = 'aaaa00000001';");
    expect(sql.match(/^BEGIN;$/gm)).toHaveLength(3);
    expect(sql.match(/^COMMIT;$/gm)).toHaveLength(3);
  });

  it("renders a range, and a downgrade from:to", async () => {
    const up = await offlineUpgradeSql(project.config, "aaaa00000001:head");
    expect(up).not.toContain("CREATE TABLE public.users");
    expect(up.match(/^-- Running upgrade/gm)).toHaveLength(2);
    const down = await offlineDowngradeSql(project.config, "head:base");
    expect(down.match(/^-- Running downgrade/gm)).toHaveLength(3);
    expect(down).toContain("DELETE FROM public.tidemark_version WHERE revision = 'aaaa00000001';");
    await expect(offlineDowngradeSql(project.config, "-1")).rejects.toThrow(/Offline downgrade needs a <from>:<to> range/);
  });

  for (const backend of BACKENDS) {
    it.skipIf(!backend.available)(`run on an empty database, gives what upgrade head gives, on ${backendTitle(backend)}`, async () => {
      const sql = await offlineUpgradeSql(project.config, "head");
      const online = await withDatabaseOf(backend, async ({ driver }) => {
        await upgrade(await project.run(driver), "head");
        return { schema: await introspect(driver, schemaOptions), rows: await versionRowsOf(driver) };
      });
      const offline = await withDatabaseOf(backend, async ({ driver, url }) => {
        if (backend.name === "postgres" && url !== null) {
          execFileSync("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", url], { input: sql });
        } else {
          await driver.execute(sql);
        }
        return { schema: await introspect(driver, schemaOptions), rows: await versionRowsOf(driver) };
      });
      expect(offline).toEqual(online);
      expect(offline.rows).toEqual(["cccc00000003"]);
    });
  }
});
