import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { connect } from "../../../src/driver/connect.js";
import type { Driver } from "../../../src/driver/driver.js";
import { quoteIdent } from "../../../src/ir/quote.js";
import { SERVER_URL } from "../../support/backends.js";
import { exampleProject } from "../../support/example-project.js";
import { fixtureCases, readJson, readText } from "../../support/fixture-cases.js";
import { runBuiltCli, type CliRun } from "../../support/run-built-cli.js";
import { withServerDatabase } from "../../support/server-database.js";

const run = promisify(execFile);

/**
 * A case's `case.json`: the objects tidemark does not manage that diff names (on stderr, never
 * planned), `{schema}` standing for the case's schema; after its SQL has run, the same unless
 * `unsupportedAfterApply` says otherwise.
 */
interface CaseSpec {
  readonly unsupported: readonly string[];
  readonly unsupportedAfterApply?: readonly string[];
}

const CASES = fixtureCases("diff-sources").map((entry) => ({
  ...entry,
  spec: readJson<CaseSpec>(entry.dir, "case.json", { unsupported: [] }),
}));

/** The objects a case names, in its schema: before its SQL runs, or after. */
function unsupportedNames(entry: (typeof CASES)[number], applied: boolean): readonly string[] {
  const names = applied ? (entry.spec.unsupportedAfterApply ?? entry.spec.unsupported) : entry.spec.unsupported;
  return names.map((name) => name.replaceAll("{schema}", entry.name));
}

/** The stderr lines diff prints for those objects. */
function unsupportedLines(cases: readonly (typeof CASES)[number][], applied: boolean): readonly string[] {
  return cases
    .flatMap((entry) => unsupportedNames(entry, applied))
    .map((name) => `unsupported: ${name} differs; tidemark does not manage it, so no SQL is written for it`);
}

function stderrLines(cli: CliRun): readonly string[] {
  return cli.stderr.split("\n").filter((line) => line !== "");
}

/** For cases that are not about the backend: the server when there is one (no PGlite to boot), else the default. */
const ONE_SHADOW: readonly string[] = SERVER_URL === undefined ? [] : ["--shadow-url", SERVER_URL];

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "tidemark-diff-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `tidemark diff` in a folder with no project: the default config, nothing else. */
const diff = (...args: string[]) => runBuiltCli(["diff", ...args], work);

/** Two databases to diff, a URL each, and a way to run SQL in `from` as a user would (psql for a server). */
interface Pair {
  readonly from: string;
  readonly to: string;
  apply(script: string): Promise<void>;
}

const converging = CASES.filter((entry) => entry.spec.unsupported.length === 0);
const unsupported = CASES.filter((entry) => entry.spec.unsupported.length > 0);
const schemaArgs = (cases: readonly { readonly name: string }[]) => cases.flatMap((entry) => ["--schema", entry.name]);

/** Each case in a schema of its own (named for it): one diff covers them all, each case's objects apart. */
function caseScripts(file: "from.sql" | "to.sql"): readonly string[] {
  return CASES.map((entry) => `CREATE SCHEMA ${quoteIdent(entry.name)}; SET search_path TO ${quoteIdent(entry.name)}; ${readText(entry.dir, file)}`);
}

/**
 * The convergence proof, on whatever backend `pair` is: diff prints SQL for every case (and names
 * the unsupported objects on stderr); applied to `from`, it leaves nothing to diff in the cases
 * that converge, and only the unsupported objects (still named, still exit 2) in the others.
 */
async function expectConvergence(pair: Pair, thorough: boolean): Promise<void> {
  const first = await diff("--from", pair.from, "--to", pair.to, ...schemaArgs(CASES));
  expect(first.code).toBe(2);
  expect(stderrLines(first)).toEqual(unsupportedLines(unsupported, false));
  for (const entry of converging) expect(first.stdout, entry.name).toContain(`${quoteIdent(entry.name)}.`);
  expect(first.stdout).toMatch(/;\n$/);

  if (thorough) await expectJson(pair, first.stdout);
  await pair.apply(first.stdout);
  expect(await diff("--from", pair.from, "--to", pair.to, ...schemaArgs(converging))).toEqual({ code: 0, stdout: "", stderr: "" });
  if (!thorough) return;
  const left = await diff("--from", pair.from, "--to", pair.to, ...schemaArgs(unsupported));
  expect(left.stdout).toBe("");
  expect(stderrLines(left)).toEqual(unsupportedLines(unsupported, true));
  expect(left.code).toBe(2);
}

/** `--format json` has the same changes and statements as the SQL, and the unsupported objects. */
async function expectJson(pair: Pair, sql: string): Promise<void> {
  const json = await diff("--from", pair.from, "--to", pair.to, ...schemaArgs(CASES), "--format", "json");
  expect(json.code).toBe(2);
  const report = JSON.parse(json.stdout) as { command: string; exitCode: number; sections: { title: string; items: { text: string }[]; sql: string[]; unsupported: string[] }[] };
  expect(report).toMatchObject({ command: "diff", exitCode: 2 });
  const [section] = report.sections;
  expect(section?.title).toBe(`${pair.from} → ${pair.to}`);
  expect(section?.unsupported).toEqual(unsupported.flatMap((entry) => unsupportedNames(entry, false)));
  expect(section?.items.map((item) => item.text)).toContain('add column "column-added".users.phone (character varying(20))');
  expect(section?.sql.join("\n")).toBe(sql.split("\n").filter((line) => !line.startsWith("--") && line !== "").join("\n"));
}

describe("diff between two databases: its SQL, applied to from, leaves nothing to diff", () => {
  it("fixtures/diff-sources has cases that converge and cases with unsupported objects", () => {
    expect(converging.length).toBeGreaterThan(4);
    expect(unsupported.length).toBeGreaterThan(0);
  });

  it.skipIf(SERVER_URL === undefined)("on the server, applied with psql", async () => {
    await withServerDatabase(async (fromUrl, fromDriver) => {
      await withServerDatabase(async (toUrl, toDriver) => {
        for (const script of caseScripts("from.sql")) await fromDriver.execute(script);
        for (const script of caseScripts("to.sql")) await toDriver.execute(script);
        await expectConvergence({ from: fromUrl, to: toUrl, apply: (script) => psql(fromUrl, script) }, true);
        expect(await diff("--from", toUrl, "--to", toUrl, ...schemaArgs(CASES))).toEqual({ code: 0, stdout: "", stderr: "" });
      });
    });
  });

  it("on two PGlite data directories, filled and applied through a driver closed before the CLI opens them", async () => {
    const [fromDir, toDir] = [join(work, "pglite-from"), join(work, "pglite-to")];
    const fill = (dataDir: string, file: "from.sql" | "to.sql") =>
      withPglite(dataDir, async (driver) => {
        for (const script of caseScripts(file)) await driver.execute(script);
      });
    await Promise.all([fill(fromDir, "from.sql"), fill(toDir, "to.sql")]);
    // The JSON and what is left of the unsupported case are the server's to check when there is one:
    // each run here boots PGlite twice.
    const apply = (script: string) => withPglite(fromDir, (driver) => driver.execute(script));
    await expectConvergence({ from: `pglite://${fromDir}`, to: `pglite://${toDir}`, apply }, SERVER_URL === undefined);
  });

  it.skipIf(SERVER_URL === undefined)("never prints a password given in a URL", async () => {
    await withServerDatabase(async (fromUrl, fromDriver) => {
      await fromDriver.execute("CREATE TABLE t (id integer PRIMARY KEY)");
      const secret = new URL(fromUrl);
      secret.password = "wr0ng-Secret";
      const summary = await diff("--from", secret.toString(), "--to", "empty", "--format", "summary");
      expect(summary.code).toBe(2);
      expect(summary.stdout).toContain(`${secret.protocol}//${secret.username}:***@${secret.host}${secret.pathname} → empty`);
      secret.pathname = "/tidemark_no_such_database";
      const failed = await diff("--from", "empty", "--to", secret.toString());
      expect(failed.code).toBe(1);
      expect(stderrLines(failed)).toHaveLength(1);
      for (const cli of [summary, failed]) expect(cli.stdout + cli.stderr).not.toContain("wr0ng-Secret");
    });
  });
});

async function psql(url: string, script: string): Promise<void> {
  const file = join(work, "diff.sql");
  writeFileSync(file, script);
  await run("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-f", file]);
}

async function withPglite(dataDir: string, use: (driver: Driver) => Promise<void>): Promise<void> {
  const driver = await connect(`pglite://${dataDir}`, work);
  try {
    await use(driver);
  } finally {
    await driver.close();
  }
}

describe("diff with the project's migrations and models", () => {
  let project: { readonly dir: string; dispose(): void };
  beforeEach(() => {
    project = exampleProject({ migrations: true });
  });
  afterEach(() => project.dispose());

  const inProject = (...args: string[]) => runBuiltCli(["diff", ...args], project.dir);

  it("finds the migrations and the models in step, then prints the ALTER a model edit needs", async () => {
    expect(await inProject("--from", "migrations", "--to", "models", ...ONE_SHADOW)).toEqual({ code: 0, stdout: "", stderr: "" });
    const model = join(project.dir, "schema", "blog.ts");
    const anchor = '    displayName: text("display_name").notNull(),\n';
    expect(readFileSync(model, "utf8")).toContain(anchor);
    writeFileSync(model, readFileSync(model, "utf8").replace(anchor, `${anchor}    phoneNumber: varchar("phone_number", { length: 20 }),\n`));
    const edited = await inProject("--from", "migrations", "--to", "models", ...ONE_SHADOW);
    expect(edited).toEqual({ code: 2, stdout: "ALTER TABLE public.users ADD COLUMN phone_number character varying(20);\n", stderr: "" });
    const back = await inProject("--from", "models", "--to", "migrations@head", ...ONE_SHADOW, "--format", "github");
    expect(back.code).toBe(2);
    expect(back.stdout).toContain("file=schema/blog.ts");
    expect(back.stdout).toContain("drop column public.users.phone_number");
  });

  it("prints what creates the models from nothing, and that SQL makes a database the models match", async () => {
    const created = await inProject("--from", "empty", "--to", "models");
    expect(created.code).toBe(2);
    expect(created.stderr).toBe("");
    for (const statement of ["CREATE TYPE public.post_status AS ENUM", "CREATE TABLE public.users (", "CREATE TABLE public.posts (", "CREATE TABLE public.comments ("]) {
      expect(created.stdout).toContain(statement);
    }
    // Ready for psql: run it on a new server database (PGlite without a server), and nothing is left to diff.
    if (SERVER_URL !== undefined) {
      await withServerDatabase(async (url) => {
        await psql(url, created.stdout);
        expect(await inProject("--from", url, "--to", "models")).toEqual({ code: 0, stdout: "", stderr: "" });
      });
      return;
    }
    const dataDir = join(project.dir, "fresh");
    await withPglite(dataDir, (driver) => driver.execute(created.stdout));
    expect(await inProject("--from", `pglite://${dataDir}`, "--to", "models")).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("refuses a source it does not know with one line and exit 1", async () => {
    const bad = await inProject("--from", "modles", "--to", "models");
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe("");
    expect(stderrLines(bad)).toEqual([
      "error: --from 'modles' is not a schema source: it is not a source tidemark knows. " +
        "Use a database URL (postgres://, postgresql://, pglite://), db, models, migrations, migrations@<rev> or empty.",
    ]);
    const missing = await inProject("--from", "models");
    expect(missing.code).toBe(1);
    expect(stderrLines(missing)).toHaveLength(1);
    expect(missing.stderr).toContain("Missing --to");
  });
});
