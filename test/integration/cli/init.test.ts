import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config/load-config.js";
import { runBuiltCli } from "../../support/run-built-cli.js";

const REPO = new URL("../../../", import.meta.url).pathname;

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "tidemark-init-"));
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(REPO, join(dir, "node_modules", "tidemark"), "dir");
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

const init = () => runBuiltCli(["init"], dir);

/** `tidemark init` touches no database: these cases only read and write files. */
describe("tidemark init", () => {
  it("in a drizzle-kit project: the config takes its models, schemaFilter and casing; no starter model; import is the next step", async () => {
    mkdirSync(join(dir, "src", "db"), { recursive: true });
    mkdirSync(join(dir, "migrations-sql", "meta"), { recursive: true });
    writeFileSync(join(dir, "migrations-sql", "meta", "_journal.json"), '{"dialect":"postgresql","entries":[]}');
    writeFileSync(
      join(dir, "drizzle.config.ts"),
      'export default { dialect: "postgresql", schema: "./src/db", out: "./migrations-sql", schemaFilter: ["app"], casing: "snake_case" };\n',
    );
    const result = await init();
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Wrote generator\.config\.ts \(models, schemaFilter and casing from drizzle\.config\.ts\)\nWrote migrations\/\.gitkeep\n/);
    expect(result.stdout).toContain("\n  tidemark import drizzle-kit migrations-sql\n");
    expect(existsSync(join(dir, "schema"))).toBe(false);

    const config = await loadConfig(dir);
    expect(config.file).toBe(join(dir, "generator.config.ts"));
    expect(config).toMatchObject({ schemaGlobs: ["src/db/**/*.ts"], schemaFilter: ["app"], casing: "snake_case", migrationsDir: join(dir, "migrations") });
  });

  it("in a drizzle-kit project that names a database: the new config reads it from drizzle.config.ts, without copying the password", async () => {
    mkdirSync(join(dir, "src", "db"), { recursive: true });
    writeFileSync(
      join(dir, "drizzle.config.ts"),
      'export default { dialect: "postgresql", schema: "./src/db", dbCredentials: { url: "postgres://app:s3cret@db.example:5432/app" } };\n',
    );
    const before = await loadConfig(dir);
    const result = await init();
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain("s3cret");
    expect(readFileSync(join(dir, "generator.config.ts"), "utf8")).not.toContain("s3cret");
    const after = await loadConfig(dir);
    expect(after.file).toBe(join(dir, "generator.config.ts"));
    expect(after.databaseUrl).toBe("postgres://app:s3cret@db.example:5432/app");
    expect(after.databaseUrl).toBe(before.databaseUrl);
  });

  it("appends .tidemark/ to a .gitignore once, on a line of its own", async () => {
    writeFileSync(join(dir, ".gitignore"), "node_modules");
    const first = await init();
    expect(first.stdout).toContain("\nAdded .tidemark/ to .gitignore (the embedded database)\n");
    expect(readFileSync(join(dir, ".gitignore"), "utf8")).toBe("node_modules\n.tidemark/\n");
    expect(readFileSync(join(dir, "generator.config.ts"), "utf8")).toContain('  schema: "schema/**/*.ts",\n  migrations: "migrations",\n');
  });

  it("refuses when one of its paths exists, names only that one, and writes nothing", async () => {
    mkdirSync(join(dir, "migrations"));
    writeFileSync(join(dir, ".gitignore"), "/.tidemark\n");
    const result = await init();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: Cannot init \S+: migrations already exists\. Nothing was written\./);
    expect(existsSync(join(dir, "generator.config.ts"))).toBe(false);
    expect(existsSync(join(dir, "schema"))).toBe(false);
    expect(readFileSync(join(dir, ".gitignore"), "utf8")).toBe("/.tidemark\n");
  });
});
