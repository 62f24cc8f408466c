import { describe, expect, it } from "vitest";
import { InvalidConfigError } from "../../../src/config/config-errors.js";
import { resolveConfig } from "../../../src/config/resolve-config.js";
import { FIXTURES, readJson } from "../../support/fixture-cases.js";

const invalid = readJson<{ cases: [unknown, string][] }>(`${FIXTURES}/config`, "invalid.json").cases;

describe("resolveConfig", () => {
  it("fills every default, relative to the working directory when there is no file", () => {
    expect(resolveConfig(undefined, null, "/work/app")).toEqual({
      root: "/work/app",
      file: null,
      schemaGlobs: ["schema/**/*.ts"],
      migrationsDir: "/work/app/migrations",
      databaseUrl: null,
      schemaFilter: ["public"],
      versionTable: { schema: "public", name: "tidemark_version" },
      historyTable: { schema: "public", name: "tidemark_history" },
      casing: undefined,
      renames: [],
      onChecksumMismatch: "error",
      shadowDatabaseUrl: null,
    });
  });

  it("resolves paths against the config file's folder and keeps tidemark's tables in the first schema", () => {
    const config = resolveConfig(
      { schema: "models/*.ts", migrations: "db/migrations", schemaFilter: ["app", "audit"], historyTable: "ops.history" },
      "/work/app/config/generator.config.ts",
      "/elsewhere",
    );
    expect(config.root).toBe("/work/app/config");
    expect(config.schemaGlobs).toEqual(["models/*.ts"]);
    expect(config.migrationsDir).toBe("/work/app/config/db/migrations");
    expect(config.versionTable).toEqual({ schema: "app", name: "tidemark_version" });
    expect(config.historyTable).toEqual({ schema: "ops", name: "history" });
  });

  it.each(invalid)("refuses %j: %s", (exported, message) => {
    const attempt = () => resolveConfig(exported, "/work/app/generator.config.ts", "/work/app");
    expect(attempt).toThrow(InvalidConfigError);
    expect(attempt).toThrow(message);
  });
});
