import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { prepareMerge } from "../../../src/commands/merge.js";
import { writeFileAtomic } from "../../../src/commands/write-file-atomic.js";
import { downgrade, upgrade } from "../../../src/runner/migrator.js";
import { BACKENDS, backendTitle, withDatabaseOf } from "../../support/backends.js";
import { migrationProject, tablesOf, versionRowsOf, type MigrationProject } from "../../support/migration-project.js";

const [BASE, BILLING, SEARCH] = ["0000base0001", "b111billing1", "5222search01"];

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`branches and merges on ${backendTitle(backend)}`, () => {
    let project: MigrationProject;
    beforeEach(() => {
      project = migrationProject("branched");
    });
    afterEach(() => project.dispose());

    it("two branches from one parent: head is ambiguous, heads and label@head are not, merge joins them", async () => {
      await withDatabaseOf(backend, async ({ driver }) => {
        const run = await project.run(driver);
        expect([...run.graph.heads()].sort()).toEqual([SEARCH, BILLING].sort());
        await expect(upgrade(run, "head")).rejects.toThrow(/Multiple head revisions are present for given argument 'head'/);
        expect(await versionRowsOf(driver)).toEqual([]);

        await upgrade(run, "billing@head");
        expect(await versionRowsOf(driver)).toEqual([BILLING]);
        await upgrade(run, "heads");
        expect(await versionRowsOf(driver)).toEqual([SEARCH, BILLING].sort());

        const merge = await prepareMerge({ config: project.config, url: "unused://", shadowUrl: "unused://" }, {
          message: "join billing and search",
          revisions: ["heads"],
          revId: "e333merge001",
          now: new Date("2026-11-22T03:00:00Z"),
          newRevisionId: () => "unused",
        });
        await writeFileAtomic(merge.file, merge.text);
        const merged = await project.run(driver);
        const result = await upgrade(merged, "head");
        expect(result.steps.map((step) => step.revision)).toEqual(["e333merge001"]);
        expect(await versionRowsOf(driver)).toEqual(["e333merge001"]);

        await downgrade(merged, "-1");
        expect(await versionRowsOf(driver)).toEqual([SEARCH, BILLING].sort());
        await downgrade(merged, "search@base");
        expect(await versionRowsOf(driver)).toEqual([BILLING]);
        expect(await tablesOf(driver)).toEqual(["accounts", "invoices"]);
        await downgrade(merged, "base");
        expect(await tablesOf(driver)).toEqual([]);
        expect(await versionRowsOf(driver)).toEqual([]);
      });
    });

    it("upgrades one branch, leaving the other alone", async () => {
      await withDatabaseOf(backend, async ({ driver }) => {
        const run = await project.run(driver);
        await upgrade(run, SEARCH);
        expect(await versionRowsOf(driver)).toEqual([SEARCH]);
        expect(await tablesOf(driver)).toEqual(["accounts", "documents"]);
        await upgrade(run, BILLING);
        expect(await versionRowsOf(driver)).toEqual([SEARCH, BILLING].sort());
        await downgrade(run, BASE);
        expect(await versionRowsOf(driver)).toEqual([BASE]);
      });
    });
  });
}
