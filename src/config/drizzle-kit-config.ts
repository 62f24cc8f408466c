import type { QualifiedName } from "../ir/qualified-name.js";
import { InvalidConfigError } from "./config-errors.js";
import type { UserConfig } from "./define-config.js";
import { stringList } from "./resolve-config.js";

/** The file names drizzle-kit looks for, in the order tidemark tries them. */
export const DRIZZLE_CONFIG_FILES: readonly string[] = ["drizzle.config.ts", "drizzle.config.mts", "drizzle.config.js", "drizzle.config.mjs"];

/** drizzle-kit's own defaults: where `generate` writes, and the table its migrator records in. */
export const DRIZZLE_DEFAULT_OUT = "drizzle";
export const DRIZZLE_DEFAULT_MIGRATIONS_TABLE: QualifiedName = { schema: "drizzle", name: "__drizzle_migrations" };

/**
 * What tidemark takes from a `drizzle.config.ts`, checked. Everything else in it (`strict`,
 * `verbose`, `breakpoints`, `tablesFilter`, `extensionsFilters`, `entities`...) is not read:
 * tidemark has no equivalent of a table filter (it manages whole schemas, `schemaFilter`).
 */
export interface DrizzleKitConfig {
  readonly file: string;
  /** The model paths as given (files, folders or globs), relative to the config's folder. */
  readonly schema: readonly string[] | undefined;
  /** Where drizzle-kit writes its SQL migrations (`out`). */
  readonly out: string;
  /** The database: `dbCredentials.url`, a URL built from host/user/database, or `pglite://<dir>`. */
  readonly url: string | undefined;
  readonly schemaFilter: readonly string[] | undefined;
  readonly casing: "snake_case" | "camelCase" | undefined;
  /** The table drizzle-orm's migrator records applied migrations in (`migrations.schema`/`.table`). */
  readonly migrationsTable: QualifiedName;
}

type Fields = Readonly<Record<string, unknown>>;

/** The default export of a drizzle-kit config, read as tidemark needs it. Pure. */
export function parseDrizzleKitConfig(exported: unknown, file: string): DrizzleKitConfig {
  const raw = objectOf(exported, file, "default export");
  const dialect = raw["dialect"];
  if (dialect !== undefined && dialect !== "postgresql") {
    throw new InvalidConfigError(file, "dialect", "'postgresql' (tidemark manages PostgreSQL only)");
  }
  const casing = raw["casing"];
  if (casing !== undefined && casing !== "snake_case" && casing !== "camelCase") {
    throw new InvalidConfigError(file, "casing", "'snake_case' or 'camelCase'");
  }
  const migrations = raw["migrations"] === undefined ? {} : objectOf(raw["migrations"], file, "migrations");
  return {
    file,
    schema: stringList(raw["schema"], "schema", file),
    out: stringOf(raw["out"], file, "out") ?? DRIZZLE_DEFAULT_OUT,
    url: databaseUrlOf(raw, file),
    schemaFilter: stringList(raw["schemaFilter"], "schemaFilter", file),
    casing,
    migrationsTable: {
      schema: stringOf(migrations["schema"], file, "migrations.schema") ?? DRIZZLE_DEFAULT_MIGRATIONS_TABLE.schema,
      name: stringOf(migrations["table"], file, "migrations.table") ?? DRIZZLE_DEFAULT_MIGRATIONS_TABLE.name,
    },
  };
}

/**
 * The database a drizzle-kit config names, for a `generator.config.ts` to share it
 * (`databaseUrl: drizzleKitDatabaseUrl(drizzleKitConfig)`, what `tidemark init` writes in a
 * drizzle-kit project): undefined when it names none.
 */
export function drizzleKitDatabaseUrl(exported: unknown): string | undefined {
  return parseDrizzleKitConfig(exported, "drizzle.config").url;
}

/** `dbCredentials.url` (or a top-level `url`); host, port, user, password and database otherwise. */
function databaseUrlOf(raw: Fields, file: string): string | undefined {
  const credentials = raw["dbCredentials"] === undefined ? {} : objectOf(raw["dbCredentials"], file, "dbCredentials");
  const url = nonEmpty(stringOf(credentials["url"], file, "dbCredentials.url") ?? stringOf(raw["url"], file, "url"));
  if (raw["driver"] === "pglite") return url === undefined ? undefined : `pglite://${url}`;
  if (url !== undefined) return url;
  const host = nonEmpty(stringOf(credentials["host"], file, "dbCredentials.host"));
  if (host === undefined) return undefined;
  return serverUrl(host, credentials, file);
}

function serverUrl(host: string, credentials: Fields, file: string): string {
  const url = new URL("postgres://localhost");
  url.hostname = host.includes(":") && !host.startsWith("[") ? `[${host}]` : host; // IPv6 goes in brackets
  const port = credentials["port"];
  if (port !== undefined) {
    if (typeof port !== "number" && typeof port !== "string") throw new InvalidConfigError(file, "dbCredentials.port", "a number");
    url.port = String(port);
  }
  url.username = encodeURIComponent(stringOf(credentials["user"], file, "dbCredentials.user") ?? "");
  url.password = encodeURIComponent(stringOf(credentials["password"], file, "dbCredentials.password") ?? "");
  url.pathname = `/${encodeURIComponent(stringOf(credentials["database"], file, "dbCredentials.database") ?? "postgres")}`;
  // URL's setters ignore what they cannot take ("db:5433", a socket path): refuse rather than
  // connect somewhere else.
  if (url.hostname !== host.toLowerCase() && url.hostname !== `[${host.toLowerCase()}]`) {
    throw new InvalidConfigError(file, "dbCredentials.host", "a host name or address (the port goes in dbCredentials.port)");
  }
  if (port !== undefined && url.port !== String(port) && !(url.port === "" && String(port) === "5432")) {
    throw new InvalidConfigError(file, "dbCredentials.port", "a port number");
  }
  const ssl = credentials["ssl"];
  if (ssl !== undefined && ssl !== false) url.searchParams.set("sslmode", typeof ssl === "string" && ssl !== "" ? ssl : "require");
  return url.toString();
}

function objectOf(value: unknown, file: string, key: string): Fields {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new InvalidConfigError(file, key, key === "default export" ? "an object (export default defineConfig({ ... }))" : "an object");
  }
  return value as Fields;
}

function stringOf(value: unknown, file: string, key: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw new InvalidConfigError(file, key, "a string");
  return value;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}

/**
 * The tidemark config a drizzle-kit project gets: its models, database, schemas and casing. The
 * migrations folder stays tidemark's default (`migrations`), never `out`, which holds drizzle-kit's
 * SQL. A model path naming a folder (drizzle-kit reads every file in it) becomes `<folder>/**\/*.ts`.
 */
export function userConfigFromDrizzleKit(config: DrizzleKitConfig, isDirectory: (path: string) => boolean): UserConfig {
  const schema = config.schema?.map((path) => {
    const trimmed = drizzleKitPath(path);
    return isDirectory(trimmed) ? `${trimmed}/**/*.ts` : trimmed;
  });
  return {
    ...(schema === undefined ? {} : { schema }),
    ...(config.url === undefined ? {} : { databaseUrl: config.url }),
    ...(config.schemaFilter === undefined ? {} : { schemaFilter: config.schemaFilter }),
    ...(config.casing === undefined ? {} : { casing: config.casing }),
  };
}

/** A path as drizzle-kit configs write it (`./src/db/`), relative and without the slashes around it. */
export function drizzleKitPath(path: string): string {
  return path.replace(/^\.\//, "").replace(/\/+$/, "");
}
