/**
 * The temporary project `npm run bench` works in, one per size: the synthetic model file, a
 * tidemark config (and a second one whose migrations folder stays empty, for runs from scratch),
 * drizzle-kit configs, and `tidemark` (the run's copy of the built package, see cli-snapshot.ts),
 * `drizzle-orm` and `drizzle-kit` installed as a user's project has them (links).
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CliSnapshot } from "./cli-snapshot.js";
import { syntheticModelSource } from "./synthetic-model-source.js";

const REPO = new URL("../", import.meta.url).pathname;

export const SCRATCH_CONFIG = "scratch.config.ts";
export const PULL_CONFIG = "drizzle.pull.config.ts";
/** drizzle-kit's output folder for `generate`. */
export const DRIZZLE_OUT = "drizzle";

export interface ModelEdit {
  readonly tables?: number;
  readonly addedColumn?: string;
  /** Another column after `addedColumn` (the edit after the first one was applied). */
  readonly secondColumn?: string;
}

export interface BenchProject {
  readonly dir: string;
  readonly tables: number;
  /** The `tidemark` CLI the project runs. */
  readonly cli: string;
  /** Writes the model file: the first `tables` tables (default all), plus one column when named. */
  writeModels(edit: ModelEdit): void;
  dispose(): void;
}

function tidemarkConfig(migrations: string): string {
  return [`import { defineConfig } from "tidemark";`, ``, `export default defineConfig({ schema: "schema/**/*.ts", migrations: ${JSON.stringify(migrations)} });`, ``].join("\n");
}

function drizzleConfig(fields: Readonly<Record<string, unknown>>): string {
  const body = JSON.stringify({ dialect: "postgresql", schema: "./schema/models.ts", ...fields }, null, 2);
  return [`import { defineConfig } from "drizzle-kit";`, ``, `export default defineConfig(${body});`, ``].join("\n");
}

export function benchProject(tables: number, serverDatabaseUrl: string, tidemark: CliSnapshot): BenchProject {
  const dir = mkdtempSync(join(tmpdir(), `tidemark-bench-${tables}-`));
  mkdirSync(join(dir, "schema"));
  mkdirSync(join(dir, "migrations"));
  mkdirSync(join(dir, "scratch-migrations"));
  writeFileSync(join(dir, "generator.config.ts"), tidemarkConfig("migrations"));
  writeFileSync(join(dir, SCRATCH_CONFIG), tidemarkConfig("scratch-migrations"));
  writeFileSync(join(dir, "drizzle.config.ts"), drizzleConfig({ out: `./${DRIZZLE_OUT}` }));
  writeFileSync(join(dir, PULL_CONFIG), drizzleConfig({ out: "./pulled", dbCredentials: { url: serverDatabaseUrl } }));
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(tidemark.packageDir, join(dir, "node_modules", "tidemark"), "dir");
  for (const name of ["drizzle-orm", "drizzle-kit"]) symlinkSync(join(REPO, "node_modules", name), join(dir, "node_modules", name), "dir");
  const writeModels = (edit: ModelEdit) =>
    writeFileSync(join(dir, "schema", "models.ts"), syntheticModelSource(edit.tables ?? tables, [edit.addedColumn, edit.secondColumn].filter((name) => name !== undefined)));
  writeModels({});
  return { dir, tables, cli: tidemark.cli, writeModels, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
