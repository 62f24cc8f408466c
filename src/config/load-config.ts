import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { createJiti } from "jiti";
import { DEFAULT_CONFIG_FILE, type Config } from "./config.js";
import { ConfigLoadError, ConfigNotFoundError } from "./config-errors.js";
import { resolveConfig } from "./resolve-config.js";

/**
 * Loads `--config <file>` when given, else `generator.config.ts` in `cwd` when there is one, else
 * the defaults. TypeScript is imported through jiti (see docs/decisions.md).
 */
export async function loadConfig(cwd: string, explicitFile?: string): Promise<Config> {
  const file = resolve(cwd, explicitFile ?? DEFAULT_CONFIG_FILE);
  if (!existsSync(file)) {
    if (explicitFile !== undefined) throw new ConfigNotFoundError(file);
    return resolveConfig(undefined, null, cwd);
  }
  return resolveConfig(await importConfigFile(file), file, cwd);
}

/** The default export of a TypeScript or JavaScript module, loaded fresh (no module cache). */
export async function importConfigFile(file: string): Promise<unknown> {
  const jiti = createJiti(import.meta.url, { moduleCache: false, fsCache: false });
  try {
    return await jiti.import(file, { default: true });
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
