import { existsSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { configApiModule } from "./config-api.js";
import { DEFAULT_CONFIG_FILE, type Config } from "./config.js";
import { ConfigLoadError, ConfigNotFoundError } from "./config-errors.js";
import { typeScriptImporter } from "./import-typescript.js";
import { DRIZZLE_CONFIG_FILES, parseDrizzleKitConfig, userConfigFromDrizzleKit, type DrizzleKitConfig } from "./drizzle-kit-config.js";
import { resolveConfig } from "./resolve-config.js";

/**
 * Loads `--config <file>` when given, else `generator.config.ts` in `cwd` when there is one, else
 * a drizzle-kit project's `drizzle.config.ts` (its models, database, schemas and casing), else the
 * defaults. TypeScript is imported through jiti and esbuild (see docs/decisions.md). Which file was read is not
 * printed: `Config.file` names it, and so does every error about it.
 */
export async function loadConfig(cwd: string, explicitFile?: string): Promise<Config> {
  const file = resolve(cwd, explicitFile ?? DEFAULT_CONFIG_FILE);
  if (!existsSync(file)) {
    if (explicitFile !== undefined) throw new ConfigNotFoundError(file);
    const drizzleFile = findDrizzleKitConfig(cwd);
    return drizzleFile === null ? resolveConfig(undefined, null, cwd) : configFromDrizzleKit(drizzleFile);
  }
  if (DRIZZLE_CONFIG_FILES.includes(basename(file))) return configFromDrizzleKit(file);
  return resolveConfig(await importConfigFile(file), file, cwd);
}

/** The drizzle-kit config in `dir`, or null when it has none. */
export function findDrizzleKitConfig(dir: string): string | null {
  return DRIZZLE_CONFIG_FILES.map((name) => join(dir, name)).find((file) => existsSync(file)) ?? null;
}

/** A drizzle-kit config file, imported and checked. */
export async function loadDrizzleKitConfig(file: string): Promise<DrizzleKitConfig> {
  return parseDrizzleKitConfig(await importConfigFile(file), file);
}

async function configFromDrizzleKit(file: string): Promise<Config> {
  const root = dirname(file);
  return resolveConfig(userConfigFromDrizzleKit(await loadDrizzleKitConfig(file), isDirectoryUnder(root)), file, root);
}

/** Whether a path, relative to `root`, is a folder: how a drizzle-kit `schema` entry is read. */
export function isDirectoryUnder(root: string): (path: string) => boolean {
  return (path) => statSync(resolve(root, path), { throwIfNoEntry: false })?.isDirectory() === true;
}

/** The default export of a TypeScript or JavaScript module, loaded fresh (no module cache). */
export async function importConfigFile(file: string): Promise<unknown> {
  const importer = typeScriptImporter({ virtualModules: { tidemark: configApiModule } });
  try {
    await importer.prepare([file]);
    return await importer.importDefault(file);
  } catch (error) {
    throw new ConfigLoadError(file, describeImportFailure(error, file), error);
  }
}

/** The error's first line, with the line number when the message carries `file:line:column`. */
export function describeImportFailure(error: unknown, file: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split("\n").map((line) => line.trim()).filter((line) => line !== "");
  const first = lines[0] ?? "unknown error";
  const location = lines.find((line) => line.includes(file))?.match(/:(\d+):\d+$/);
  return location ? `${first} (line ${location[1]})` : first;
}
