import { describe, expect, it } from "vitest";
import { configTemplate, ignoresTidemark, withGitignoreLine } from "../../../src/commands/init-templates.js";

describe("the .gitignore line", () => {
  it.each([".tidemark/", ".tidemark", "/.tidemark/", "  /.tidemark  ", ".tidemark/**", "node_modules\n.tidemark/\ndist"])("%j already ignores .tidemark/", (text) => {
    expect(ignoresTidemark(text)).toBe(true);
  });

  it.each(["", "node_modules", "# .tidemark/", ".tidemark/db", "!.tidemark/"])("%j does not", (text) => {
    expect(ignoresTidemark(text)).toBe(false);
  });

  it("is appended on a line of its own", () => {
    expect(withGitignoreLine("")).toBe(".tidemark/\n");
    expect(withGitignoreLine("dist")).toBe("dist\n.tidemark/\n");
    expect(withGitignoreLine("dist\n")).toBe("dist\n.tidemark/\n");
  });
});

describe("configTemplate", () => {
  it("sets schema and migrations, and leaves the database URLs as comments", () => {
    const text = configTemplate({}, null);
    expect(text).toMatch(/^import \{ defineConfig \} from "tidemark";\n/);
    expect(text).toContain('  schema: "schema/**/*.ts",\n  migrations: "migrations",\n  // The database');
    expect(text).toContain('  // databaseUrl: "postgres://');
    expect(text).toContain('  // shadowDatabaseUrl: "postgres://');
  });

  it("writes what a drizzle-kit config gave, and says where it came from", () => {
    const text = configTemplate({ schema: ["src/db/**/*.ts", "src/auth.ts"], schemaFilter: ["app"], casing: "snake_case" }, "drizzle.config.ts");
    expect(text).toContain('  schema: ["src/db/**/*.ts", "src/auth.ts"],\n  migrations: "migrations",\n  schemaFilter: ["app"],\n  casing: "snake_case",\n');
    expect(text).toContain("The models, schemas and casing are drizzle.config.ts's.");
    expect(text).not.toContain("drizzleKitDatabaseUrl");
  });

  it("reads the database from the drizzle-kit config when it names one, instead of copying its URL", () => {
    const text = configTemplate({}, "drizzle.config.ts", true);
    expect(text).toMatch(/^import \{ defineConfig, drizzleKitDatabaseUrl \} from "tidemark";\nimport drizzleKit from "\.\/drizzle\.config";\n/);
    expect(text).toContain("  databaseUrl: drizzleKitDatabaseUrl(drizzleKit),\n");
    expect(text).not.toContain("// databaseUrl:");
    expect(configTemplate({}, "drizzle.config.mjs", true)).toContain('import drizzleKit from "./drizzle.config.mjs";');
  });
});
