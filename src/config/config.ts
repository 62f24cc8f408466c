import type { QualifiedName } from "../ir/qualified-name.js";

/** A project's configuration with every default applied and every path absolute. */
export interface Config {
  /** The folder paths are resolved against: the config file's folder, or the working directory. */
  readonly root: string;
  /** The config file that was loaded, or null when the project has none (all defaults). */
  readonly file: string | null;
  readonly schemaGlobs: readonly string[];
  readonly migrationsDir: string;
  readonly databaseUrl: string | null;
  readonly schemaFilter: readonly string[];
  readonly versionTable: QualifiedName;
  readonly historyTable: QualifiedName;
  readonly casing: "snake_case" | "camelCase" | undefined;
  /** Stated renames, `old=new`, as the config lists them. */
  readonly renames: readonly string[];
  readonly onChecksumMismatch: "error" | "warn";
  /** Where scratch databases are made (`--shadow-url`); null: the embedded PGlite, in memory. */
  readonly shadowDatabaseUrl: string | null;
}

export const DEFAULT_CONFIG_FILE = "generator.config.ts";
export const DEFAULT_SCHEMA_GLOB = "schema/**/*.ts";
export const DEFAULT_MIGRATIONS_DIR = "migrations";
export const DEFAULT_VERSION_TABLE = "tidemark_version";
export const DEFAULT_HISTORY_TABLE = "tidemark_history";
/** The embedded database of a project that names none, relative to its root. */
export const EMBEDDED_DEFAULT_URL = "pglite://.tidemark/db";
