import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SERVER_URL } from "../../support/backends.js";
import { everyTypeProject } from "../../support/every-type-project.js";
import { runBuiltCli, type CliRun } from "../../support/run-built-cli.js";

const TABLES = 500;

let project: { readonly dir: string; dispose(): void };

interface JsonSection {
  readonly title: string;
  readonly status: string;
  readonly items: readonly { readonly text: string }[];
  readonly sql: readonly string[];
  readonly unsupported: readonly string[];
}

function sectionsOf(run: CliRun): readonly JsonSection[] {
  expect(run.stderr).toBe("");
  const report = JSON.parse(run.stdout) as { exitCode: number; sections: JsonSection[] };
  expect(report.exitCode).toBe(run.code);
  return report.sections;
}

/**
 * The design's bar for normalization: on an unchanged project of 500 tables whose columns cycle
 * through every column type and default form drizzle can express, with its initial migration
 * written by `revision --autogenerate`, `check` reports nothing, on a PGlite scratch database and
 * on a PostgreSQL server's.
 */
describe(`check on an unchanged project of ${TABLES} tables of every column type`, () => {
  beforeAll(async () => {
    project = everyTypeProject(TABLES);
    const wrote = await runBuiltCli(["revision", "--autogenerate", "-m", "every type"], project.dir);
    expect(wrote.stderr).toBe("");
    expect(wrote.code).toBe(0);
    const changes = Number(/_every_type\.ts \((\d+) changes\)/.exec(wrote.stdout)?.[1] ?? 0);
    expect(changes).toBeGreaterThan(TABLES);
  }, 120_000);

  afterAll(() => project.dispose());

  const SCRATCHES = [
    { name: "a PGlite scratch database", args: [] as string[], available: true },
    { name: "a scratch database on the server (--shadow-url)", args: ["--shadow-url", SERVER_URL ?? ""], available: SERVER_URL !== undefined },
  ];

  for (const scratch of SCRATCHES) {
    it.skipIf(!scratch.available)(`exits 0 with nothing reported, on ${scratch.name}`, async () => {
      const run = await runBuiltCli(["check", ...scratch.args, "--format", "json"], project.dir);
      expect(run.code).toBe(0);
      const [models, ...others] = sectionsOf(run);
      expect(others).toEqual([]);
      expect(models).toMatchObject({ status: "ok", items: [], sql: [], unsupported: [] });
    }, 120_000);
  }

  // Last: it edits the model. A check that could not see a change would pass the tests above.
  it("sees one column added to the models among the 500 tables", async () => {
    const file = join(project.dir, "schema", "every.ts");
    const source = readFileSync(file, "utf8");
    const table = 'export const every321 = pgTable("every_321", {\n';
    expect(source).toContain(table);
    writeFileSync(file, source.replace(table, `${table}  extra: text("extra"),\n`));
    const run = await runBuiltCli(["check", "--format", "json"], project.dir);
    expect(run.code).toBe(2);
    const [models] = sectionsOf(run);
    expect(models?.items.map((item) => item.text)).toEqual(["add column public.every_321.extra (text)"]);
  }, 120_000);
});
