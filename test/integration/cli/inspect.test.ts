import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { connect } from "../../../src/driver/connect.js";
import { introspect } from "../../../src/introspect/introspect.js";
import { BACKENDS, backendTitle, withDatabaseOf } from "../../support/backends.js";
import { runBuiltCli } from "../../support/run-built-cli.js";

let project: string;

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), "tidemark-cli-"));
});

afterEach(() => {
  rmSync(project, { recursive: true, force: true });
});

/** Creates a PGlite data directory holding one table, as another process would leave it. */
async function embeddedDatabaseWith(dir: string, table: string): Promise<void> {
  const driver = await connect(`pglite://${dir}`, project);
  await driver.execute(`CREATE TABLE ${table} (id integer PRIMARY KEY)`);
  await driver.close();
}

describe("tidemark inspect on the embedded default", () => {
  it("works in a fresh project with no config and no server, in .tidemark/db", async () => {
    const run = await runBuiltCli(["inspect"], project);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toContain("0 tables, 0 views, 0 enums, 0 sequences in public");
    expect(existsSync(join(project, ".tidemark", "db", "PG_VERSION"))).toBe(true);
  });

  it("prints the IR as JSON", async () => {
    await embeddedDatabaseWith(join(project, "data"), "things");
    const run = await runBuiltCli(["inspect", "--url", "pglite://data", "--format", "json"], project);
    expect(run.code).toBe(0);
    const schema = JSON.parse(run.stdout);
    expect(Object.keys(schema.tables)).toEqual(["public.things"]);
    expect(schema.tables["public.things"].primaryKey).toEqual({ name: "things_pkey", columns: ["id"] });
  });

  it("keeps one database per config file (--config)", async () => {
    await embeddedDatabaseWith(join(project, "a"), "in_a");
    await embeddedDatabaseWith(join(project, "b"), "in_b");
    writeFileSync(join(project, "a.config.ts"), 'export default { databaseUrl: "pglite://a" };\n');
    writeFileSync(join(project, "b.config.ts"), 'export default { databaseUrl: "pglite://b" };\n');
    const a = await runBuiltCli(["inspect", "--config", "a.config.ts"], project);
    const b = await runBuiltCli(["inspect", "-c", "b.config.ts"], project);
    expect(a.stdout).toContain("table public.in_a");
    expect(a.stdout).not.toContain("in_b");
    expect(b.stdout).toContain("table public.in_b");
  });
});

describe("tidemark --help and --version", () => {
  it("prints the package version", async () => {
    const manifest = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8"));
    const run = await runBuiltCli(["--version"], project);
    expect(run).toEqual({ code: 0, stdout: `${manifest.version}\n`, stderr: "" });
  });

  it("lists the commands, and each command's help has an example", async () => {
    const general = await runBuiltCli(["--help"], project);
    expect(general.code).toBe(0);
    expect(general.stdout).toMatch(/^ {2}inspect +Print the schema/m);
    const inspect = await runBuiltCli(["inspect", "--help"], project);
    expect(inspect.code).toBe(0);
    expect(inspect.stdout).toMatch(/Example:\n {2}tidemark inspect --url /);
  });

  it("prints the help and fails when no command is given", async () => {
    const run = await runBuiltCli([], project);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("Usage: tidemark <command>");
  });
});

const server = BACKENDS.find((backend) => backend.name === "postgres");
describe.skipIf(!server?.available)(`tidemark inspect on ${server ? backendTitle(server) : "postgres"}`, () => {
  it("reads DATABASE_URL from the project's .env, and prints what introspect returns", async () => {
    if (server === undefined) return;
    await withDatabaseOf(server, async ({ driver, url }) => {
      await driver.execute("CREATE SCHEMA app; CREATE TABLE app.orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY)");
      writeFileSync(join(project, ".env"), `DATABASE_URL=${url}\n`);
      writeFileSync(join(project, "generator.config.ts"), 'export default { schemaFilter: ["app"] };\n');
      const run = await runBuiltCli(["inspect", "--format", "json"], project);
      expect(run.stderr).toBe("");
      const expected = await introspect(driver, { schemas: ["app"], exclude: [] });
      expect(JSON.parse(run.stdout)).toEqual(expected);
      expect(Object.keys(expected.tables)).toEqual(["app.orders"]);
    });
  });
});
