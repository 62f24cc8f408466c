import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { downgrade, stamp, upgrade } from "../../../src/runner/migrator.js";
import { BACKENDS, backendTitle, withDatabaseOf } from "../../support/backends.js";
import { migrationProject, tablesOf, versionRowsOf, type MigrationProject } from "../../support/migration-project.js";

const [A, B, C] = ["aaaa00000001", "bbbb00000002", "cccc00000003"];

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`upgrade and downgrade by target on ${backendTitle(backend)}`, () => {
    let project: MigrationProject;
    beforeEach(() => {
      project = migrationProject("linear");
    });
    afterEach(() => project.dispose());

    it("walks a chain by head, -N, +N, partial ids, rev+N, label@head and base", async () => {
      await withDatabaseOf(backend, async ({ driver }) => {
        const run = await project.run(driver);
        const at = async (expected: readonly string[]) => expect(await versionRowsOf(driver)).toEqual(expected);

        const first = await upgrade(run, "+1");
        expect(first.steps.map((step) => step.revision)).toEqual([A]);
        await at([A]);
        await upgrade(run, "head");
        await at([C]);
        expect(await tablesOf(driver)).toEqual(["users"]);
        const back = await downgrade(run, "-2");
        expect(back.steps.map((step) => `${step.direction} ${step.revision}`)).toEqual([`down ${C}`, `down ${B}`]);
        await at([A]);
        await upgrade(run, "bbbb");
        await at([B]);
        await downgrade(run, "base");
        await at([]);
        expect(await tablesOf(driver)).toEqual([]);
        await upgrade(run, `${A}+2`);
        await at([C]);
        await downgrade(run, `${C}-1`);
        await at([B]);
        await upgrade(run, "core@head");
        await at([C]);
        const again = await upgrade(run, "heads");
        expect(again.steps).toEqual([]);
        await downgrade(run, "aaaa");
        await at([A]);
      });
    });

    it("binds parameters, keeps one history row per step, and records the file's checksum", async () => {
      await withDatabaseOf(backend, async ({ driver }) => {
        const run = await project.run(driver);
        await upgrade(run, "head");
        expect(await driver.query("select id, email, name from public.users")).toEqual([{ id: 1, email: "ada@example.com", name: "Ada" }]);
        await downgrade(run, "-1");
        const history = await driver.query<{ revision: string; direction: string; checksum: string }>(
          "select revision, direction, checksum from public.tidemark_history order by id",
        );
        expect(history.map((row) => `${row.direction} ${row.revision}`)).toEqual([`up ${A}`, `up ${B}`, `up ${C}`, `down ${C}`]);
        expect(history[0]?.checksum).toBe(run.graph.get(A).checksum);
        expect(history[0]?.checksum).toMatch(/^[0-9a-f]{64}$/);
      });
    });

    it("stamps an existing database, then upgrades from there", async () => {
      await withDatabaseOf(backend, async ({ driver }) => {
        await driver.execute("CREATE TABLE public.users (id integer PRIMARY KEY, email text NOT NULL)");
        const run = await project.run(driver);
        const stamped = await stamp(run, [A], false);
        expect(stamped.rowsAfter).toEqual([A]);
        const result = await upgrade(run, "head");
        expect(result.steps.map((step) => step.revision)).toEqual([B, C]);
        await stamp(run, ["base"], false);
        expect(await versionRowsOf(driver)).toEqual([]);
        await stamp(run, ["head"], false);
        expect(await versionRowsOf(driver)).toEqual([C]);
        // A stamped in; A, B, C stamped out (down, no duration); A, B, C stamped in again.
        const history = await driver.query<{ entry: string }>(
          "select direction || ' ' || revision || ' ' || coalesce(duration_ms::text, '-') as entry from public.tidemark_history where duration_ms is null order by id",
        );
        expect(history.map((row) => row.entry)).toEqual([
          `stamp ${A} -`, `down ${C} -`, `down ${B} -`, `down ${A} -`, `stamp ${A} -`, `stamp ${B} -`, `stamp ${C} -`,
        ]);
      });
    });

    it("refuses to run when an applied migration was edited, and names it", async () => {
      await withDatabaseOf(backend, async ({ driver }) => {
        await upgrade(await project.run(driver), "+2");
        project.add("edited", "20260101_0001_bbbb00000002_add_name.ts");
        const edited = await project.run(driver);
        await expect(upgrade(edited, "head")).rejects.toThrow(/edited after being applied: bbbb00000002 \(.*add_name\.ts\)/);
        expect(await versionRowsOf(driver)).toEqual([B]);
        const warnings: string[] = [];
        const lenient = await project.run(driver, { onWarning: (message) => warnings.push(message) });
        await upgrade({ ...lenient, onChecksumMismatch: "warn" }, "head");
        expect(warnings).toHaveLength(1);
        expect(await versionRowsOf(driver)).toEqual([C]);
      });
    });
  });
}
