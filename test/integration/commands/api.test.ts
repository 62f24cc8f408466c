import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { check, current, diff, upgrade, verify } from "../../../src/index.js";
import { exampleProject } from "../../support/example-project.js";

let project: { readonly dir: string; dispose(): void };

beforeEach(() => {
  project = exampleProject({ migrations: true });
});

afterEach(() => project.dispose());

/** The programmatic API, as a test suite or a start-up script calls it, on the embedded default. */
describe("check, verify and diff from code", () => {
  it("verify passes, check and diff find nothing, then a model edit shows in both", async () => {
    const options = { cwd: project.dir, env: {} };
    const verified = await verify(options);
    expect([verified.heads.status, verified.upgrade.status, verified.models.status, verified.downgrade.status, verified.again.status])
      .toEqual(["ok", "ok", "ok", "ok", "ok"]);
    expect((await check(options)).comparisons.map((comparison) => comparison.difference.changes)).toEqual([[]]);
    await upgrade("head", options);
    expect(await current(options)).toHaveLength(1);
    expect((await diff("db", "models", options)).changes).toEqual([]);

    const model = join(project.dir, "schema", "blog.ts");
    writeFileSync(model, readFileSync(model, "utf8").replace('displayName: text("display_name").notNull(),', 'displayName: text("display_name").notNull(),\n    nickname: text("nickname"),'));
    const [pending] = (await check(options)).comparisons;
    expect(pending?.difference.changes.map((change) => change.kind)).toEqual(["addColumn"]);
    expect((await diff("migrations", "models", options)).plan.up.map((statement) => statement.sql)).toEqual([
      "ALTER TABLE public.users ADD COLUMN nickname text",
    ]);
  });
});
