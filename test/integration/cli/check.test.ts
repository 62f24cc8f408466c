import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { connect } from "../../../src/driver/connect.js";
import { SERVER_URL } from "../../support/backends.js";
import { exampleProject } from "../../support/example-project.js";
import { FIXTURES } from "../../support/fixture-cases.js";
import { scratchDatabases } from "../../support/server-database.js";
import { runBuiltCli, type CliRun } from "../../support/run-built-cli.js";
import { withServerDatabase } from "../../support/server-database.js";

/** The example migrations' one revision, read from the file name. */
const INITIAL = readdirSync(new URL("../../../migrations", import.meta.url).pathname).find((name) => name.endsWith(".ts"))?.split("_")[2] ?? "";

interface JsonSection {
  readonly title: string;
  readonly status: string;
  readonly detail: string | null;
  readonly items: readonly { readonly text: string; readonly destructive: boolean }[];
  readonly sql: readonly string[];
  readonly unsupported: readonly string[];
}

function sectionsOf(run: CliRun): readonly JsonSection[] {
  expect(run.stderr).toBe("");
  const report = JSON.parse(run.stdout) as { command: string; exitCode: number; sections: JsonSection[] };
  expect(report.command).toBe("check");
  expect(report.exitCode).toBe(run.code);
  return report.sections;
}

let project: { readonly dir: string; dispose(): void };

afterEach(() => project.dispose());

const check = (args: readonly string[] = []) => runBuiltCli(["check", ...args], project.dir);

async function tidemark(...args: string[]): Promise<string> {
  const run = await runBuiltCli(args, project.dir);
  expect(run.stderr, `tidemark ${args.join(" ")}`).toBe("");
  expect(run.code, `tidemark ${args.join(" ")}`).toBe(0);
  return run.stdout;
}

function editModel(from: string, to: string): void {
  const file = join(project.dir, "schema", "blog.ts");
  const text = readFileSync(file, "utf8");
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

/** Copies a fixture case's migrations (and model files, if it has any) into the project. */
function addCase(name: string): void {
  const from = join(FIXTURES, "check", name);
  for (const folder of readdirSync(from)) cpSync(join(from, folder), join(project.dir, folder), { recursive: true });
}

describe("check on a scratch PGlite (the default)", () => {
  beforeEach(() => {
    project = exampleProject({ migrations: true });
  });

  it("passes on the example project and says it is in step", async () => {
    const run = await check();
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/in step/i);
    const [models, ...others] = sectionsOf(await check(["--format", "json"]));
    expect(others).toEqual([]);
    expect(models).toMatchObject({ title: `models against the migrations at ${INITIAL}`, status: "ok", items: [], sql: [] });
  });

  it("a model edit without a migration: exit 2, the change named, and what to run", async () => {
    editModel('    displayName: text("display_name").notNull(),\n', '    displayName: text("display_name").notNull(),\n    phone: varchar("phone", { length: 20 }),\n');
    const run = await check();
    expect(run.stderr).toBe("");
    expect(run.code).toBe(2);
    expect(run.stdout).toContain("add column public.users.phone (character varying(20))");
    expect(run.stdout).toContain("tidemark revision --autogenerate");
    const [models] = sectionsOf(await check(["--format", "json"]));
    expect(models?.status).toBe("changes");
    expect(models?.items.map((item) => item.text)).toEqual(["add column public.users.phone (character varying(20))"]);
    expect(models?.sql).toEqual(["ALTER TABLE public.users ADD COLUMN phone character varying(20);"]);
    expect(models?.detail).toContain('tidemark revision --autogenerate -m "..."');
    const line = readFileSync(join(project.dir, "schema", "blog.ts"), "utf8").split("\n").findIndex((text) => text.includes('varchar("phone"')) + 1;
    const github = await check(["--format", "github"]);
    expect(github.code).toBe(2);
    expect(github.stdout).toMatch(new RegExp(`^::error file=schema/blog\\.ts,line=${line},[^:]*::add column public\\.users\\.phone \\(character varying\\(20\\)\\)$`, "m"));
  });

  it("a destructive pending change: exit 3", async () => {
    editModel('    publishedAt: timestamp("published_at", { withTimezone: true }),\n', "");
    const run = await check(["--format", "json"]);
    expect(run.code).toBe(3);
    const [models] = sectionsOf(run);
    expect(models?.status).toBe("destructive");
    expect(models?.items).toEqual([expect.objectContaining({ text: "drop column public.posts.published_at", destructive: true })]);
  });

  it("a model table the migrations never made: every change pending, against base when there are no migrations", async () => {
    rmSync(join(project.dir, "migrations"), { recursive: true });
    mkdirSync(join(project.dir, "migrations"));
    const [models] = sectionsOf(await check(["--format", "json"]));
    expect(models?.title).toBe("models against the migrations at base");
    expect(models?.items.map((item) => item.text)).toEqual(expect.arrayContaining(["create table public.users", "create table public.posts"]));
  });

  it("several heads: exit 1, naming them", async () => {
    rmSync(join(project.dir, "migrations"), { recursive: true });
    cpSync(join(FIXTURES, "migrations", "branched"), join(project.dir, "migrations"), { recursive: true });
    const run = await check();
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^error: The migrations have 2 heads \((b111billing1, 5222search01|5222search01, b111billing1)\): check compares the models with one\. Join them with `tidemark merge heads/);
  });

  it("a migration PGlite cannot run: exit 1, naming the migration and --shadow-url", async () => {
    addCase("needs-extension");
    const run = await check();
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: Migration e0e000000001 \(\S+_needs_isn\.ts\) failed in up\(\) at statement: CREATE EXTENSION IF NOT EXISTS isn: extension "isn" is not available\./);
    expect(run.stderr).toContain("the embedded PGlite");
    expect(run.stderr).toContain("--shadow-url");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("--against takes migrations or db only", async () => {
    const run = await check(["--against", "dbs"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Unknown --against 'dbs': use migrations or db.");
  });
});

/** The project's database: the embedded default in the project, or a database on the server. */
interface ProjectDatabase {
  readonly name: string;
  readonly available: boolean;
  with(work: (args: readonly string[], sql: (text: string) => Promise<void>) => Promise<void>): Promise<void>;
}

const DATABASES: readonly ProjectDatabase[] = [
  {
    name: "the embedded default",
    available: true,
    async with(work) {
      await work([], async (text) => {
        const driver = await connect("pglite://.tidemark/db", project.dir);
        try {
          await driver.execute(text);
        } finally {
          await driver.close();
        }
      });
    },
  },
  {
    name: "a server database",
    available: SERVER_URL !== undefined,
    with: (work) => withServerDatabase((url, driver) => work(["--url", url], (text) => driver.execute(text))),
  },
];

describe.each(DATABASES)("--against db and --db-drift on $name", (database) => {
  beforeEach(() => {
    project = exampleProject({ migrations: true });
  });

  it.skipIf(!database.available)("--against db needs the database at head; in step after upgrade head", async () => {
    await database.with(async (args) => {
      const before = await check(["--against", "db", ...args]);
      expect(before.code).toBe(1);
      expect(before.stdout).toBe("");
      expect(before.stderr).toMatch(new RegExp(`^error: Target database is not up to date: it is at base, the migrations' head is ${INITIAL}\\. Run \`tidemark upgrade head\``));
      await tidemark("upgrade", "head", ...args);
      const after = await check(["--against", "db", ...args, "--format", "json"]);
      expect(after.code).toBe(0);
      expect(sectionsOf(after)).toEqual([expect.objectContaining({ title: `models against the database at ${INITIAL}`, status: "ok" })]);
    });
  });

  it.skipIf(!database.available)("--db-drift: nothing when untouched; hand-made changes are drift (exit 2, never 3), triggers named", async () => {
    await database.with(async (args, sql) => {
      await tidemark("upgrade", "head", ...args);
      const untouched = sectionsOf(await check(["--db-drift", ...args, "--format", "json"]));
      expect(untouched.map(({ title, status }) => ({ title, status }))).toEqual([
        { title: `models against the migrations at ${INITIAL}`, status: "ok" },
        { title: `database against the migrations at ${INITIAL}`, status: "ok" },
      ]);

      await sql("ALTER TABLE public.users ADD COLUMN nickname text; CREATE INDEX users_created_idx ON public.users (created_at)");
      await sql("CREATE FUNCTION public.noop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$");
      await sql("CREATE TRIGGER users_noop BEFORE UPDATE ON public.users FOR EACH ROW EXECUTE FUNCTION public.noop()");
      const text = await check(["--db-drift", ...args]);
      expect(text.code).toBe(2);
      expect(text.stdout).toContain("add column public.users.nickname (text)");
      const drifted = await check(["--db-drift", ...args, "--format", "json"]);
      expect(drifted.code).toBe(2);
      const [models, drift] = sectionsOf(drifted);
      expect(models?.status).toBe("ok");
      expect(drift?.status).toBe("changes");
      expect(drift?.items.map((item) => item.text)).toEqual([
        "add column public.users.nickname (text)",
        "create index users_created_idx on public.users (created_at)",
      ]);
      expect(drift?.sql).toEqual(["ALTER TABLE public.users ADD COLUMN nickname text;", "CREATE INDEX users_created_idx ON public.users (created_at);"]);
      expect(drift?.unsupported).toEqual(["function public.noop()", "trigger public.users.users_noop"]);

      await sql("ALTER TABLE public.comments DROP COLUMN created_at");
      const dropped = await check(["--db-drift", ...args, "--format", "json"]);
      expect(dropped.code).toBe(2);
      const [, dropDrift] = sectionsOf(dropped);
      expect(dropDrift?.status).toBe("changes");
      expect(dropDrift?.items).toContainEqual({ text: "drop column public.comments.created_at", warnings: [], destructive: false, location: null });
    });
  });

  // Which scratch databases are made does not depend on the backend: once, on the embedded one.
  it.skipIf(!database.available || database !== DATABASES[0])("--db-drift on a database behind head compares it with the migrations at its own revision", async () => {
    await database.with(async (args, sql) => {
      await tidemark("upgrade", "head", ...args);
      addCase("view-and-function");
      const sections = sectionsOf(await check(["--db-drift", ...args, "--format", "json"]));
      expect(sections.map(({ title, status }) => ({ title, status }))).toEqual([
        { title: "models against the migrations at f00d00000001", status: "ok" },
        { title: `database against the migrations at ${INITIAL}`, status: "ok" },
      ]);
      await sql("ALTER TABLE public.posts ADD COLUMN subtitle text");
      const [, drift] = sectionsOf(await check(["--db-drift", ...args, "--format", "json"]));
      expect(drift?.items.map((item) => item.text)).toEqual(["add column public.posts.subtitle (text)"]);
    });
  });
});


/**
 * Runs check and requires that no scratch database it made is left. Other suites make scratch
 * databases on the same server meanwhile: one that appeared is given a few seconds to go (theirs
 * are dropped as they finish; a leak stays).
 */
async function checkLeavingNoScratch(args: readonly string[]): Promise<CliRun> {
  const before = new Set(await scratchDatabases());
  const run = await check(args);
  let left = (await scratchDatabases()).filter((name) => !before.has(name));
  for (let waited = 0; left.length > 0 && waited < 20; waited += 1) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = new Set(await scratchDatabases());
    left = left.filter((name) => now.has(name));
  }
  expect(left).toEqual([]);
  return run;
}

describe.skipIf(SERVER_URL === undefined)("on the server", () => {
  beforeEach(() => {
    project = exampleProject({ migrations: true });
  });

  it("--shadow-url: in step, a migration PGlite cannot run passes, and no scratch database is left", async () => {
    const shadow = ["--shadow-url", SERVER_URL ?? ""];
    const inStep = await checkLeavingNoScratch(shadow);
    expect(inStep.stderr).toBe("");
    expect(inStep.code).toBe(0);
    expect(inStep.stdout).toMatch(/in step/i);
    addCase("needs-extension");
    const [models] = sectionsOf(await checkLeavingNoScratch([...shadow, "--format", "json"]));
    expect(models).toMatchObject({ title: "models against the migrations at e0e000000001", status: "ok" });
    editModel('  body: text("body").notNull(),\n  createdAt', '  body: text("body").notNull(),\n  edited: boolean("edited"),\n  createdAt');
    editModel("import { index,", "import { boolean, index,");
    const pending = await checkLeavingNoScratch(shadow);
    expect(pending.code).toBe(2);
    expect(pending.stdout).toContain("add column public.comments.edited (boolean)");
  });

  it("a server database at head shows no drift against a PGlite scratch, views and functions included", async () => {
    addCase("view-and-function");
    await withServerDatabase(async (url) => {
      await tidemark("upgrade", "head", "--url", url);
      for (const shadow of [[], ["--shadow-url", SERVER_URL ?? ""]]) {
        const run = await checkLeavingNoScratch(["--db-drift", "--url", url, ...shadow, "--format", "json"]);
        expect(run.code).toBe(0);
        expect(sectionsOf(run).map(({ status, unsupported }) => ({ status, unsupported }))).toEqual([
          { status: "ok", unsupported: [] },
          { status: "ok", unsupported: [] },
        ]);
      }
    });
  });
});
