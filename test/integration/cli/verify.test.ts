import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SERVER_URL } from "../../support/backends.js";
import { exampleProject } from "../../support/example-project.js";
import { migrationProject, type MigrationProject } from "../../support/migration-project.js";
import { scratchDatabases } from "../../support/server-database.js";
import { runBuiltCli, type CliRun } from "../../support/run-built-cli.js";

/** The sections of `--format json`, by title prefix. */
interface JsonSection {
  readonly title: string;
  readonly status: string;
  readonly detail: string | null;
  readonly items: readonly { readonly text: string }[];
  readonly sql: readonly string[];
}

function sectionsOf(run: CliRun): readonly JsonSection[] {
  const report = JSON.parse(run.stdout) as { command: string; exitCode: number; sections: JsonSection[] };
  expect(report.command).toBe("verify");
  expect(report.exitCode).toBe(run.code);
  return report.sections;
}

function section(sections: readonly JsonSection[], prefix: string): JsonSection {
  const found = sections.find((candidate) => candidate.title.startsWith(prefix));
  if (found === undefined) throw new Error(`no section '${prefix}' in ${sections.map((s) => s.title).join(", ")}`);
  return found;
}

/** Where scratch databases are made: the default (PGlite in memory), and the server when there is one. */
const SHADOWS = [
  { name: "PGlite in memory (default)", args: [] as string[], available: true },
  { name: "--shadow-url on the server", args: ["--shadow-url", SERVER_URL ?? ""], available: SERVER_URL !== undefined },
];

/** For cases that are not about the backend: the server when there is one (no PGlite to boot), else the default. */
const ONE_SHADOW: readonly string[] = SERVER_URL === undefined ? [] : ["--shadow-url", SERVER_URL];


/**
 * Runs verify and requires that every scratch database that appeared meanwhile is gone. Other
 * suites make scratch databases on the same server at the same time, so one that is still there is
 * given a few seconds to go (theirs are dropped as they finish; a leak stays).
 */
async function verifyLeavingNoScratch(args: readonly string[], cwd: string): Promise<CliRun> {
  const before = new Set(await scratchDatabases());
  const run = await runBuiltCli(["verify", ...args], cwd);
  let left = (await scratchDatabases()).filter((name) => !before.has(name));
  for (let waited = 0; left.length > 0 && waited < 20; waited++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = new Set(await scratchDatabases());
    left = left.filter((name) => now.has(name));
  }
  expect(left, "scratch databases left behind").toEqual([]);
  return run;
}

describe("tidemark verify on the example app, with a second migration made by revision --autogenerate", () => {
  let project: { readonly dir: string; dispose(): void };
  let revisions: readonly string[];

  beforeAll(async () => {
    project = exampleProject({ migrations: true });
    expect((await runBuiltCli(["upgrade", "head"], project.dir)).code).toBe(0);
    const model = join(project.dir, "schema", "blog.ts");
    const anchor = '    displayName: text("display_name").notNull(),\n';
    expect(readFileSync(model, "utf8")).toContain(anchor);
    writeFileSync(model, readFileSync(model, "utf8").replace(anchor, `${anchor}    phoneNumber: varchar("phone_number", { length: 20 }),\n`));
    const wrote = await runBuiltCli(["revision", "--autogenerate", "-m", "add phone number"], project.dir);
    expect(wrote.stdout).toMatch(/\(1 change\)/);
    const files = readdirSync(join(project.dir, "migrations")).filter((file) => /^\d{8}_\d{4}_\w{12}_.*\.ts$/.test(file));
    revisions = files.sort().map((file) => file.split("_")[2] ?? "");
    expect(revisions).toHaveLength(2);
  });

  afterAll(() => project.dispose());

  for (const shadow of SHADOWS) {
    it.skipIf(!shadow.available)(`passes, step by step, on ${shadow.name}`, async () => {
      const run = await verifyLeavingNoScratch([...shadow.args, "--format", "json"], project.dir);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      const sections = sectionsOf(run);
      expect(sections.map((s) => [s.title, s.status])).toEqual([
        ["one head", "ok"],
        ["upgrade base → head (2 migrations)", "ok"],
        ["models match the schema at head", "ok"],
        ["every down undoes its up (2 migrations)", "ok"],
        ["upgrade again to head", "ok"],
      ]);
      const where = shadow.args.length === 0 ? "the embedded PGlite (in memory)" : "a scratch database on postgres://";
      expect(section(sections, "upgrade base").detail).toContain(`ran ${revisions.join(", ")} on ${where}`);
      expect(section(sections, "every down").detail).toBe(`ran ${[...revisions].reverse().join(", ")}`);
    });
  }

  it("a model edited without a migration: the models check lists the change (exit 2), the migrations still pass", async () => {
    const model = join(project.dir, "schema", "blog.ts");
    const anchor = '    phoneNumber: varchar("phone_number", { length: 20 }),\n';
    writeFileSync(model, readFileSync(model, "utf8").replace(anchor, `${anchor}    nickname: text("nickname"),\n`));
    const run = await runBuiltCli(["verify", ...ONE_SHADOW, "--format", "json"], project.dir);
    expect(run.code).toBe(2);
    const sections = sectionsOf(run);
    const models = section(sections, "models match");
    expect(models.status).toBe("changes");
    expect(models.items.map((item) => item.text)).toEqual(["add column public.users.nickname (text)"]);
    expect(section(sections, "every down").status).toBe("ok");
  });
});

describe("tidemark verify on fixture chains", () => {
  let fixtures: MigrationProject[] = [];
  const chain = (...names: string[]) => {
    const made = migrationProject(...names);
    fixtures.push(made);
    return made.dir;
  };

  afterEach(() => {
    fixtures.forEach((made) => made.dispose());
    fixtures = [];
  });

  it("a down that leaves a column behind: exit 2, the report on stdout names the revision, its file and the column", async () => {
    const run = await runBuiltCli(["verify"], chain("leaky-down"));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain(
      "down of 1eaf00000002 (migrations/20260101_0001_1eaf00000002_add_nickname_and_bio.ts) leaves the schema different from before its up: add column public.users.nickname (text)",
    );
  });

  it("--format json carries the failure; --shadow-url leaves no scratch database behind", async () => {
    const run = await verifyLeavingNoScratch([...ONE_SHADOW, "--format", "json"], chain("leaky-down"));
    expect(run.code).toBe(2);
    const sections = sectionsOf(run);
    const down = section(sections, "every down");
    expect(down.status).toBe("changes");
    expect(down.detail).toMatch(/^down of 1eaf00000002 \(migrations\/20260101_0001_1eaf00000002_add_nickname_and_bio\.ts\) /);
    expect(down.items.map((item) => item.text)).toEqual(["add column public.users.nickname (text)"]);
    expect(down.sql).toEqual(["ALTER TABLE public.users DROP COLUMN nickname;"]);
    expect(section(sections, "upgrade again").status).toBe("skipped");
  });

  it("a migration that throws on up: exit 1, naming it and PostgreSQL's message", async () => {
    const run = await verifyLeavingNoScratch([...ONE_SHADOW, "--format", "json"], chain("failing"));
    expect(run.code).toBe(1);
    const sections = sectionsOf(run);
    expect(section(sections, "upgrade base").status).toBe("failed");
    expect(section(sections, "upgrade base").detail).toBe(
      'up of f000000000b2 (migrations/20260101_0001_f000000000b2_fails.ts) failed at INSERT INTO public.no_such_table VALUES (1): relation "public.no_such_table" does not exist',
    );
    expect(sections.slice(2).map((s) => s.status)).toEqual(["skipped", "skipped", "skipped"]);
  });

  it("several heads: exit 1, naming the heads and how to join them", async () => {
    const run = await runBuiltCli(["verify"], chain("branched"));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('several heads: b111billing1, 5222search01; join them with `tidemark merge heads -m "merge"`');
  });

  it("--from checks only the revisions after it, and goes down to it", async () => {
    const run = await runBuiltCli(["verify", ...ONE_SHADOW, "--from", "aaaa00000001", "--format", "json"], chain("linear"));
    expect(run.code).toBe(0);
    const sections = sectionsOf(run);
    expect(section(sections, "upgrade aaaa00000001 → head (2 migrations)").detail).toMatch(/^ran bbbb00000002, cccc00000003 on /);
    expect(section(sections, "every down").detail).toBe("ran cccc00000003, bbbb00000002");
    expect(section(sections, "upgrade again").detail).toBe("ran bbbb00000002, cccc00000003");
  });

  it("no migrations: nothing to verify, exit 0, and it says so", async () => {
    const run = await runBuiltCli(["verify"], chain());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("no migrations in migrations: nothing to verify");
  });

  it("an unknown --format is a usage error", async () => {
    const run = await runBuiltCli(["verify", "--format", "sql"], chain("linear"));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Unknown --format 'sql': use text or json or github or markdown.");
  });
});
