import type { Config } from "../config/config.js";
import { resolveDatabaseUrl, resolveShadowUrl } from "../config/database-url.js";
import { readEnvFile } from "../config/env-file.js";
import { loadConfig } from "../config/load-config.js";
import { withConnection } from "../driver/connect.js";
import type { Driver } from "../driver/driver.js";

/** Where a command runs: the working directory, an explicit config file and URL, the environment. */
export interface ProjectInput {
  readonly cwd: string;
  readonly configFile?: string | undefined;
  readonly url?: string | undefined;
  /** `--shadow-url`: where scratch databases are made. */
  readonly shadowUrl?: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** A project's config and the database it targets (see docs/config.md for the URL's precedence). */
export interface Project {
  readonly config: Config;
  readonly url: string;
  /** Where scratch databases are made: a server URL, or `pglite://memory` (see resolveShadowUrl). */
  readonly shadowUrl: string;
}

export async function openProject(input: ProjectInput): Promise<Project> {
  const config = await loadConfig(input.cwd, input.configFile);
  const envFile = await readEnvFile(config.root);
  const { url } = resolveDatabaseUrl({ flag: input.url, env: input.env, envFile, config: config.databaseUrl });
  const shadowUrl = resolveShadowUrl({ flag: input.shadowUrl, env: input.env, envFile, config: config.shadowDatabaseUrl });
  return { config, url, shadowUrl };
}

/** Runs `work` connected to the project's database, and closes the connection whatever happens. */
export function withDatabase<T>(project: Project, work: (driver: Driver) => Promise<T>): Promise<T> {
  return withConnection(project.url, project.config.root, work);
}
