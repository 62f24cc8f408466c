import { cpSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SERVER_URL } from "../../support/backends.js";
import { exampleProject } from "../../support/example-project.js";
import { FIXTURES } from "../../support/fixture-cases.js";
import { runBuiltCli } from "../../support/run-built-cli.js";
import { withServerDatabase } from "../../support/server-database.js";

const OWNER = "tidemark_owner_probe";

/**
 * Production tables belong to an application role; the scratch replay runs as another. Grants
 * made by a migration are the same grants either way, so they are no drift; a grant made by hand is.
 */
describe.skipIf(SERVER_URL === undefined)("privileges under check --db-drift (skipped without TEST_DATABASE_URL)", () => {
  it("ignores who owns the tables, and reports a grant made by hand", async () => {
    const project = exampleProject({ migrations: true });
    cpSync(join(FIXTURES, "check", "granted", "migrations"), join(project.dir, "migrations"), { recursive: true });
    try {
      await withServerDatabase(async (url, driver) => {
        await driver.execute(`DROP ROLE IF EXISTS ${OWNER}; CREATE ROLE ${OWNER}`);
        try {
          const tidemark = (...args: string[]) => runBuiltCli([...args, "--url", url], project.dir);
          expect((await tidemark("upgrade", "head")).code).toBe(0);
          await driver.execute(`ALTER TABLE public.users OWNER TO ${OWNER}; ALTER TABLE public.posts OWNER TO ${OWNER}`);
          const clean = await tidemark("check", "--db-drift", "--format", "json");
          expect(clean.code, clean.stdout).toBe(0);
          await driver.execute(`GRANT INSERT ON public.posts TO PUBLIC`);
          const drifted = await tidemark("check", "--db-drift", "--format", "json");
          expect(drifted.code).toBe(2);
          expect(drifted.stdout).toContain("relation options public.posts");
        } finally {
          await driver.execute(`REASSIGN OWNED BY ${OWNER} TO postgres; DROP OWNED BY ${OWNER}; DROP ROLE ${OWNER}`);
        }
      });
    } finally {
      project.dispose();
    }
  });
});
