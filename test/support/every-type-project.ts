import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { everyTypeModelSource, EVERY_TYPE_SCHEMAS } from "../../bench/every-type-model-source.js";

const REPO = new URL("../../", import.meta.url).pathname;

/**
 * A project in a temporary folder whose one model file has `tables` tables cycling through every
 * column type and default form (bench/every-type-model-source.ts), an empty migrations folder,
 * and `tidemark` and `drizzle-orm` linked in as a user's project has them.
 */
export function everyTypeProject(tables: number): { readonly dir: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), "tidemark-every-type-"));
  mkdirSync(join(dir, "schema"));
  mkdirSync(join(dir, "migrations"));
  writeFileSync(join(dir, "schema", "every.ts"), everyTypeModelSource(tables));
  writeFileSync(
    join(dir, "generator.config.ts"),
    [
      `import { defineConfig } from "tidemark";`,
      ``,
      `export default defineConfig({`,
      `  schema: "schema/**/*.ts",`,
      `  migrations: "migrations",`,
      `  schemaFilter: ${JSON.stringify(EVERY_TYPE_SCHEMAS)},`,
      `});`,
      ``,
    ].join("\n"),
  );
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(REPO, join(dir, "node_modules", "tidemark"), "dir");
  symlinkSync(join(REPO, "node_modules", "drizzle-orm"), join(dir, "node_modules", "drizzle-orm"), "dir");
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
