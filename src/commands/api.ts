import type { RunResult } from "../runner/migrator.js";
import { checkProject, type CheckOptions, type CheckResult } from "./check.js";
import type { SchemaDifference } from "./compare-databases.js";
import { diffSources, type DiffSourcesOptions } from "./diff-sources.js";
import { parseSchemaSource } from "./schema-source.js";
import { verifyProject, type VerifyOptions } from "./verify.js";
import type { VerifyResult } from "./verify-result.js";
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
  /** Where `check`, `verify` and `diff` make scratch databases. Default: TIDEMARK_SHADOW_URL, the config, PGlite in memory. */
  readonly shadowUrl?: string;
  /** The environment the URLs are looked up in. Default: `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

function projectOf(options: ApiOptions) {
  return openProject({
    cwd: options.cwd ?? process.cwd(),
    configFile: options.config,
    url: options.url,
    shadowUrl: options.shadowUrl,
    env: options.env ?? process.env,
  });
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

/**
 * Whether the models match the migrations (or the database, `against: "db"`), and with `dbDrift`
 * whether the database matches its migrations, as `tidemark check` does. Each comparison's
 * `difference.changes` is empty when in step.
 */
export async function check(options: ApiOptions & Partial<CheckOptions> = {}): Promise<CheckResult> {
  return checkProject(await projectOf(options), { against: options.against ?? "migrations", dbDrift: options.dbDrift ?? false });
}

/**
 * The migrations tested on a scratch database, as `tidemark verify` does: call it from your test
 * suite and assert on the result's checks.
 */
export async function verify(options: ApiOptions & VerifyOptions = {}): Promise<VerifyResult> {
  return verifyProject(await projectOf(options), options);
}

/** What takes `from` to `to` (a URL, `db`, `models`, `migrations[@rev]` or `empty`), as `tidemark diff` does. */
export async function diff(from: string, to: string, options: ApiOptions & DiffSourcesOptions = {}): Promise<SchemaDifference> {
  return diffSources(await projectOf(options), parseSchemaSource(from, "from"), parseSchemaSource(to, "to"), options);
}
