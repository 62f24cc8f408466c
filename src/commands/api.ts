import type { RunResult } from "../runner/migrator.js";
import { currentOfProject, downgradeProject, stampProject, upgradeProject } from "./migrate.js";
import { openProject } from "./open-project.js";
import type { RunOptions } from "./run-context.js";

/**
 * Options of the programmatic API, for application start-up and tests: the project is found as the
 * CLI finds it (the config in `cwd`, or `config`), and the database as the CLI chooses it.
 */
export interface ApiOptions extends RunOptions {
  /** The project folder. Default: the process's working directory. */
  readonly cwd?: string;
  /** A config file, relative to `cwd`. Default: `generator.config.ts` when there is one. */
  readonly config?: string;
  /** The database. Default: DATABASE_URL, `.env`, the config's databaseUrl, the embedded database. */
  readonly url?: string;
  /** The environment the URL is looked up in. Default: `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

function projectOf(options: ApiOptions) {
  return openProject({ cwd: options.cwd ?? process.cwd(), configFile: options.config, url: options.url, env: options.env ?? process.env });
}

/** Warnings (an edited migration under onChecksumMismatch: "warn") go to the console unless handled. */
function withWarnings(options: ApiOptions): ApiOptions {
  return options.onWarning === undefined ? { ...options, onWarning: (message) => console.warn(`tidemark: ${message}`) } : options;
}

/** Applies migrations up to `target` (default `head`), as `tidemark upgrade` does. */
export async function upgrade(target = "head", options: ApiOptions = {}): Promise<RunResult> {
  return upgradeProject(await projectOf(options), target, withWarnings(options));
}

/** Reverts migrations down to `target`, as `tidemark downgrade` does. */
export async function downgrade(target: string, options: ApiOptions = {}): Promise<RunResult> {
  return downgradeProject(await projectOf(options), target, withWarnings(options));
}

/** The database's current revisions (none at base). */
export async function current(options: ApiOptions = {}): Promise<readonly string[]> {
  return currentOfProject(await projectOf(options));
}

/** Marks the database as being at `targets` without running anything, as `tidemark stamp` does. */
export async function stamp(targets: string | readonly string[], options: ApiOptions & { readonly purge?: boolean } = {}): Promise<RunResult> {
  return stampProject(await projectOf(options), typeof targets === "string" ? [targets] : targets, options.purge ?? false, options);
}
