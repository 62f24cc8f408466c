import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { upgrade } from "../../../src/runner/migrator.js";
import { MigrationFailedError, VersionRowMissingError } from "../../../src/runner/runner-errors.js";
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

    it("refuses to record a migration whose version row vanished, and rolls it back with its history row", async () => {
      await withDatabaseOf(backend, async ({ driver }) => {
        const edited = migrationProject();
        try {
          writeFileSync(join(edited.config.migrationsDir, "1_v000000000a1.ts"), migrationSource("v000000000a1", null, ["CREATE TABLE public.first (id int)"]));
          const steals = ["DELETE FROM public.tidemark_version", "CREATE TABLE public.second (id int)"];
          writeFileSync(join(edited.config.migrationsDir, "2_v000000000a2.ts"), migrationSource("v000000000a2", "v000000000a1", steals));
          const error = await upgrade(await edited.run(driver), "head").catch((caught: unknown) => caught);
          expect(error).toBeInstanceOf(VersionRowMissingError);
          expect((error as VersionRowMissingError).revision).toBe("v000000000a1");
          expect(await versionRowsOf(driver)).toEqual(["v000000000a1"]);
          expect(await tablesOf(driver)).toEqual(["first"]);
          const history = await driver.query<{ revision: string }>("select revision from public.tidemark_history order by id");
          expect(history.map((row) => row.revision)).toEqual(["v000000000a1"]);
        } finally {
          edited.dispose();
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

/** A migration file whose up runs `statements` (its down is never run here). */
function migrationSource(revision: string, revises: string | null, statements: readonly string[]): string {
  const calls = statements.map((sql) => `  await db.execute(${JSON.stringify(sql)});`).join("\n");
  return [
    `export const revision = ${JSON.stringify(revision)};`,
    `export const revises = ${JSON.stringify(revises)};`,
    `export async function up(db: { execute(sql: string): Promise<void> }): Promise<void> {`,
    calls,
    `}`,
    `export async function down(): Promise<void> {}`,
    ``,
  ].join("\n");
}
