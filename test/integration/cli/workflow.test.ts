import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { exampleProject } from "../../support/example-project.js";
import { runBuiltCli } from "../../support/run-built-cli.js";

let project: { readonly dir: string; dispose(): void };

beforeEach(() => {
  project = exampleProject();
});

afterEach(() => project.dispose());

const tidemark = async (...args: string[]) => {
  const run = await runBuiltCli(args, project.dir);
  expect(run.stderr, `tidemark ${args.join(" ")}`).toBe("");
  expect(run.code, `tidemark ${args.join(" ")}`).toBe(0);
  return run.stdout;
};

const migrationFiles = () => readdirSync(join(project.dir, "migrations")).sort();

/** The README's workflow, on the embedded default, with the built binary. */
describe("the everyday workflow on a fresh project", () => {
  it("autogenerate, upgrade, current, downgrade -1, upgrade, history", async () => {
    expect(await tidemark("revision", "--autogenerate", "-m", "initial schema")).toMatch(/^Wrote migrations\/\d{8}_\d{4}_[0-9a-f]{12}_initial_schema\.ts \(4 changes\)/);
    const [initial] = migrationFiles();
    const initialRev = initial?.split("_")[2] ?? "";
    expect(await tidemark("upgrade", "head")).toMatch(new RegExp(`^upgrade   ${initialRev}  initial schema  \\(\\d+ ms\\)\\nRan 1 migration`));

    const model = join(project.dir, "schema", "blog.ts");
    const edited = readFileSync(model, "utf8").replace(
      '    displayName: text("display_name").notNull(),\n',
      '    displayName: text("display_name").notNull(),\n    phoneNumber: varchar("phone_number", { length: 20 }),\n',
    );
    writeFileSync(model, edited);
    const wrote = await tidemark("revision", "--autogenerate", "-m", "add phone number to users");
    expect(wrote).toMatch(/_add_phone_number_to_users\.ts \(1 change\)/);
    const file = migrationFiles().find((name) => name.endsWith("_add_phone_number_to_users.ts")) ?? "";
    const text = readFileSync(join(project.dir, "migrations", file), "utf8");
    const phoneRev = file.split("_")[2] ?? "";
    expect(text).toContain(" * add phone number to users\n");
    expect(text).toContain(`export const revises = "${initialRev}";`);
    expect(text).toContain(" * - add column public.users.phone_number (character varying(20))\n");
    expect(text).toContain('"ALTER TABLE public.users ADD COLUMN phone_number character varying(20)"');
    expect(text).toContain('await db.execute("ALTER TABLE public.users DROP COLUMN phone_number");');

    await tidemark("upgrade", "head");
    expect(await tidemark("current")).toBe(`${initialRev} -> ${phoneRev} (head), add phone number to users\n`);
    expect(await tidemark("downgrade", "-1")).toMatch(new RegExp(`^downgrade ${phoneRev}  add phone number to users`));
    expect(await tidemark("current")).toBe(`<base> -> ${initialRev}, initial schema\n`);
    await tidemark("upgrade", "head");
    const history = await tidemark("history", "--verbose");
    expect(history).toMatch(new RegExp(`^Rev: ${phoneRev} \\(head\\)\\nParent: ${initialRev}\\n`));
    expect(history).toContain(`Rev: ${initialRev}\nParent: <base>\n`);
    expect(await tidemark("revision", "--autogenerate", "-m", "nothing")).toMatch(/^No changes between the models and the database/);
    expect(migrationFiles()).toHaveLength(2);
  });

  it("refuses to autogenerate on a database behind the migrations, and writes nothing", async () => {
    await tidemark("revision", "--autogenerate", "-m", "initial schema");
    const run = await runBuiltCli(["revision", "--autogenerate", "-m", "more"], project.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: Target database is not up to date: it is at base, the migrations' head is [0-9a-f]{12}\. Run `tidemark upgrade head`/);
    expect(migrationFiles()).toHaveLength(1);
  });

  it("two branches: upgrade head refuses, merge heads joins them, upgrade head then leaves one row", async () => {
    await tidemark("revision", "-m", "base", "--rev-id", "base00000001");
    await tidemark("revision", "-m", "billing", "--rev-id", "bill00000001", "--head", "base00000001");
    await tidemark("revision", "-m", "search", "--rev-id", "srch00000001", "--head", "base00000001", "--splice");
    expect(await tidemark("heads")).toBe("base00000001 -> bill00000001 (head), billing\nbase00000001 -> srch00000001 (head), search\n");
    const refused = await runBuiltCli(["upgrade", "head"], project.dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error: Multiple head revisions are present for given argument 'head'/);
    expect(await tidemark("merge", "heads", "-m", "join", "--rev-id", "merge0000001")).toMatch(/merges bill00000001, srch00000001/);
    await tidemark("upgrade", "head");
    expect(await tidemark("current")).toBe("bill00000001, srch00000001 -> merge0000001 (head) (mergepoint), join\n");
    expect(await tidemark("show", "head")).toMatch(/^Rev: merge0000001 \(head\)\nParent: bill00000001, srch00000001\nPath: migrations\/\d{8}_\d{4}_merge0000001_join\.ts\n/);
    expect(await tidemark("branches")).toMatch(/^<base> -> base00000001 \(branchpoint\), base\n$/);
  });

  it("stamps an existing database and prints offline SQL without one", async () => {
    await tidemark("revision", "--autogenerate", "-m", "initial schema");
    const sql = await tidemark("upgrade", "head", "--sql");
    expect(sql).toMatch(/^-- Run this with: psql -v ON_ERROR_STOP=1 -f <this file>\n/);
    expect(sql).toMatch(/^CREATE SCHEMA IF NOT EXISTS public;$/m);
    expect(sql).toContain("CREATE TABLE public.users (");
    expect(sql).toMatch(/INSERT INTO public\.tidemark_version \(revision\) VALUES \('[0-9a-f]{12}'\);\nINSERT INTO public\.tidemark_history/);
    expect(await tidemark("stamp", "head")).toMatch(/^Stamped: the database is at [0-9a-f]{12}\./);
    expect(await tidemark("upgrade")).toMatch(/^Nothing to do: the database is at [0-9a-f]{12}\./);
  });
});
