import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { DEFAULT_CONFIG_FILE, DEFAULT_MIGRATIONS_DIR } from "../config/config.js";
import { drizzleKitPath, userConfigFromDrizzleKit, type DrizzleKitConfig } from "../config/drizzle-kit-config.js";
import { findDrizzleKitConfig, isDirectoryUnder, loadDrizzleKitConfig } from "../config/load-config.js";
import { configTemplate, ignoresTidemark, STARTER_MODEL, withGitignoreLine } from "./init-templates.js";
import { ProjectExistsError } from "./starting-point-errors.js";
import { FileWriteError, writeFilesThen } from "./write-file-atomic.js";

/** The starter model's path, relative to the project. */
export const STARTER_MODEL_FILE = "schema/schema.ts";

/** What `tidemark init` did, for the CLI to print. */
export interface InitResult {
  /** The files written, relative to the project, in the order written. */
  readonly written: readonly string[];
  readonly gitignore: "created" | "appended" | "unchanged";
  /** The drizzle-kit config the models, schemas and casing were taken from, relative; or null. */
  readonly drizzleConfig: string | null;
  /** drizzle-kit's migrations folder (`out`), relative, when it holds a journal to import; or null. */
  readonly drizzleMigrations: string | null;
}

interface PlannedFile {
  readonly path: string;
  readonly text: string;
}

/**
 * `tidemark init` in `cwd`: `generator.config.ts`, a starter model in `schema/` (not for a
 * drizzle-kit project, whose models the config names), `migrations/` (kept by a `.gitkeep`), and
 * `.tidemark/` in `.gitignore`. Refuses, writing nothing, when any of them exists already (the
 * `.gitignore` is only appended to, and only once).
 */
export async function initProject(cwd: string): Promise<InitResult> {
  const drizzleFile = findDrizzleKitConfig(cwd);
  const drizzle = drizzleFile === null ? null : await loadDrizzleKitConfig(drizzleFile);
  const files = plannedFiles(cwd, drizzle);
  const taken = [DEFAULT_CONFIG_FILE, ...(drizzle?.schema === undefined ? ["schema"] : []), DEFAULT_MIGRATIONS_DIR]
    .filter((path) => existsSync(join(cwd, path)));
  if (taken.length > 0) throw new ProjectExistsError(cwd, taken);
  const gitignore = await writeAllOrNothing(cwd, files);
  return {
    written: files.map((file) => file.path),
    gitignore,
    drizzleConfig: drizzleFile === null ? null : basename(drizzleFile),
    drizzleMigrations: drizzle === null ? null : journalFolder(cwd, drizzle),
  };
}

function plannedFiles(cwd: string, drizzle: DrizzleKitConfig | null): readonly PlannedFile[] {
  const keys = drizzle === null ? {} : userConfigFromDrizzleKit(drizzle, isDirectoryUnder(cwd));
  return [
    { path: DEFAULT_CONFIG_FILE, text: configTemplate(keys, drizzle === null ? null : basename(drizzle.file), keys.databaseUrl !== undefined) },
    ...(keys.schema === undefined ? [{ path: STARTER_MODEL_FILE, text: STARTER_MODEL }] : []),
    { path: `${DEFAULT_MIGRATIONS_DIR}/.gitkeep`, text: "" },
  ];
}

/** The files, then the `.gitignore` line; on any failure the files and the folders made for them go again. */
async function writeAllOrNothing(cwd: string, files: readonly PlannedFile[]): Promise<InitResult["gitignore"]> {
  const newFolders = [...new Set(files.map((file) => dirname(file.path)))].filter((dir) => dir !== "." && !existsSync(join(cwd, dir)));
  try {
    return await writeFilesThen(files.map((file) => ({ file: join(cwd, file.path), text: file.text })), () => addGitignoreLine(join(cwd, ".gitignore")));
  } catch (error) {
    await Promise.all(newFolders.map((dir) => rm(join(cwd, dir), { recursive: true, force: true })));
    throw error;
  }
}

async function addGitignoreLine(file: string): Promise<InitResult["gitignore"]> {
  const before = existsSync(file) ? await readFile(file, "utf8") : null;
  if (before !== null && ignoresTidemark(before)) return "unchanged";
  await writeFile(file, withGitignoreLine(before ?? "")).catch((error: unknown) => {
    throw new FileWriteError(file, error);
  });
  return before === null ? "created" : "appended";
}

function journalFolder(cwd: string, drizzle: DrizzleKitConfig): string | null {
  const out = drizzleKitPath(drizzle.out);
  return existsSync(join(resolve(cwd, out), "meta", "_journal.json")) ? out : null;
}
