/** What a project writes in `generator.config.ts` (every key optional). */
export interface UserConfig {
  /** Globs of the drizzle model files, relative to the config file. Default `schema/**\/*.ts`. */
  readonly schema?: string | readonly string[];
  /** The migrations folder, relative to the config file. Default `migrations`. */
  readonly migrations?: string;
  /**
   * The database, when neither `--url` nor `DATABASE_URL` names one. Default: an embedded PGlite
   * database in `.tidemark/db`. Prefer `DATABASE_URL` for anything with a password.
   */
  readonly databaseUrl?: string;
  /** The PostgreSQL schemas tidemark manages. Default `["public"]`. */
  readonly schemaFilter?: readonly string[];
  /** The version table, `name` or `schema.name`. Default `tidemark_version` in the first managed schema. */
  readonly versionTable?: string;
  /** The history table, beside the version table. Default `tidemark_history`. */
  readonly historyTable?: string;
  /**
   * drizzle's `casing`: database names for columns declared without one, from their keys
   * (`createdAt` becomes `created_at` with `snake_case`). Use the value given to `drizzle()`.
   */
  readonly casing?: "snake_case" | "camelCase";
  /**
   * Renames that autogenerate must write as renames, never guessed: `"old=new"` for a table
   * (`"users=people"`, `"app.users=app.people"`) or a column (`"users.fullname=users.full_name"`).
   * Same as `--rename` on the command line.
   */
  readonly renames?: readonly string[];
  /**
   * What `upgrade` and `downgrade` do when a migration that was applied has since been edited:
   * refuse to run (`"error"`, the default) or print a warning and go on (`"warn"`).
   */
  readonly onChecksumMismatch?: "error" | "warn";
  /**
   * A PostgreSQL server where `check`, `verify` and `diff` may create a scratch database (and drop
   * it afterwards) to replay the migrations, instead of the embedded PGlite. Needs CREATEDB. Same
   * as `--shadow-url`; prefer `TIDEMARK_SHADOW_URL` for anything with a password.
   */
  readonly shadowDatabaseUrl?: string;
}

/** Types the config object; returns it unchanged. */
export function defineConfig(config: UserConfig): UserConfig {
  return config;
}
