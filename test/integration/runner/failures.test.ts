import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { upgrade } from "../../../src/runner/migrator.js";
import { MigrationFailedError } from "../../../src/runner/runner-errors.js";
import { BACKENDS, backendTitle, withDatabaseOf } from "../../support/backends.js";
import { migrationProject, tablesOf, versionRowsOf, type MigrationProject } from "../../support/migration-project.js";

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`failing migrations on ${backendTitle(backend)}`, () => {
    let project: MigrationProject;
    beforeEach(() => {
      project = migrationProject("failing");
    });
    afterEach(() => project.dispose());

    it("rolls the failing migration back whole and leaves the version where it was", async () => {
      await withDatabaseOf(backend, async ({ driver }) => {
        const run = await project.run(driver);
        const error = await upgrade(run, "head").catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(MigrationFailedError);
        const failure = error as MigrationFailedError;
        expect(failure.revision).toBe("f000000000b2");
        expect(failure.file).toMatch(/f000000000b2_fails\.ts$/);
        expect(failure.statement).toBe("INSERT INTO public.no_such_table VALUES (1)");
        expect(failure.message).toMatch(/relation "public.no_such_table" does not exist/);
        expect(failure.rolledBack).toBe(true);
        expect(await versionRowsOf(driver)).toEqual(["f000000000a1"]);
        expect(await tablesOf(driver)).toEqual(["first"]);
        const history = await driver.query<{ revision: string }>("select revision from public.tidemark_history");
        expect(history.map((row) => row.revision)).toEqual(["f000000000a1"]);
      });
    });

    it("names the migration when its transaction fails at COMMIT (a deferred foreign key)", async () => {
      await withDatabaseOf(backend, async ({ driver }) => {
        const deferred = migrationProject("deferred");
        try {
          const error = await upgrade(await deferred.run(driver), "head").catch((caught: unknown) => caught);
          expect(error).toBeInstanceOf(MigrationFailedError);
          expect((error as MigrationFailedError).message).toMatch(/^Migration d0000000000a \(.*_deferred\.ts\) failed in up\(\) at statement: COMMIT: .*foreign key/);
          expect(await tablesOf(driver)).toEqual([]);
        } finally {
          deferred.dispose();
        }
      });
    });

    it("with --tx-mode all, rolls back the whole run", async () => {
      await withDatabaseOf(backend, async ({ driver }) => {
        const run = await project.run(driver, { txMode: "all" });
        await expect(upgrade(run, "head")).rejects.toThrow(MigrationFailedError);
        expect(await versionRowsOf(driver)).toEqual([]);
        expect(await tablesOf(driver)).toEqual([]);
      });
    });

    it("with --tx-mode none, says what stayed applied", async () => {
      await withDatabaseOf(backend, async ({ driver }) => {
        const run = await project.run(driver, { txMode: "none" });
        const error = (await upgrade(run, "head").catch((caught: unknown) => caught)) as MigrationFailedError;
        expect(error.rolledBack).toBe(false);
        expect(error.hint).toMatch(/statements before the failing one stay applied/);
        expect(await versionRowsOf(driver)).toEqual(["f000000000a1"]);
        expect(await tablesOf(driver)).toEqual(["first", "second"]);
      });
    });
  });
}
