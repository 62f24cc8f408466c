import { dirname, resolve } from "node:path";
import type { QualifiedName } from "../ir/qualified-name.js";
import {
  DEFAULT_HISTORY_TABLE, DEFAULT_MIGRATIONS_DIR, DEFAULT_SCHEMA_GLOB, DEFAULT_VERSION_TABLE, type Config,
} from "./config.js";
import { InvalidConfigError } from "./config-errors.js";
import type { UserConfig } from "./define-config.js";

const KEYS: readonly (keyof UserConfig)[] = [
  "schema", "migrations", "databaseUrl", "schemaFilter", "versionTable", "historyTable", "casing", "renames",
  "onChecksumMismatch", "shadowDatabaseUrl",
];

/** Checks what a config file exported and fills in the defaults. `file` null means no config file. */
export function resolveConfig(exported: unknown, file: string | null, cwd: string): Config {
  const where = file ?? "(defaults)";
  const raw = asUserConfig(exported, where);
  const root = file === null ? cwd : dirname(file);
  const schemaFilter = stringList(raw.schemaFilter, "schemaFilter", where) ?? ["public"];
  const defaultSchema = schemaFilter[0] ?? "public";
  return {
    root,
    file,
    schemaGlobs: stringList(raw.schema, "schema", where) ?? [DEFAULT_SCHEMA_GLOB],
    migrationsDir: resolve(root, optionalString(raw.migrations, "migrations", where) ?? DEFAULT_MIGRATIONS_DIR),
    databaseUrl: optionalString(raw.databaseUrl, "databaseUrl", where) ?? null,
    schemaFilter,
    versionTable: tableName(raw.versionTable, "versionTable", where, defaultSchema, DEFAULT_VERSION_TABLE),
    historyTable: tableName(raw.historyTable, "historyTable", where, defaultSchema, DEFAULT_HISTORY_TABLE),
    casing: casingOf(raw.casing, where),
    renames: renamesOf(raw.renames, where),
    onChecksumMismatch: checksumModeOf(raw.onChecksumMismatch, where),
    shadowDatabaseUrl: optionalString(raw.shadowDatabaseUrl, "shadowDatabaseUrl", where) ?? null,
  };
}

function renamesOf(value: unknown, where: string): readonly string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === "string" && /^[^=]+=[^=]+$/.test(item))) {
    throw new InvalidConfigError(where, "renames", "a list of 'old=new' strings");
  }
  return value as string[];
}

function checksumModeOf(value: unknown, where: string): Config["onChecksumMismatch"] {
  if (value === undefined) return "error";
  if (value === "error" || value === "warn") return value;
  throw new InvalidConfigError(where, "onChecksumMismatch", "'error' or 'warn'");
}

function casingOf(value: unknown, where: string): Config["casing"] {
  if (value === undefined || value === "snake_case" || value === "camelCase") return value;
  throw new InvalidConfigError(where, "casing", "'snake_case' or 'camelCase'");
}

function asUserConfig(exported: unknown, where: string): Record<keyof UserConfig, unknown> {
  if (exported === undefined || exported === null) return {} as Record<keyof UserConfig, unknown>;
  if (typeof exported !== "object" || Array.isArray(exported)) {
    throw new InvalidConfigError(where, "default export", "an object (export default defineConfig({ ... }))");
  }
  const unknownKey = Object.keys(exported).find((key) => !KEYS.includes(key as keyof UserConfig));
  if (unknownKey !== undefined) throw new InvalidConfigError(where, unknownKey, `one of the known keys (${KEYS.join(", ")})`);
  return exported as Record<keyof UserConfig, unknown>;
}

function optionalString(value: unknown, key: string, where: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value === "") throw new InvalidConfigError(where, key, "a non-empty string");
  return value;
}

/** A string or a non-empty list of strings, as a list; InvalidConfigError otherwise. */
export function stringList(value: unknown, key: string, where: string): readonly string[] | undefined {
  if (value === undefined) return undefined;
  const list = typeof value === "string" ? [value] : value;
  if (!Array.isArray(list) || list.length === 0 || !list.every((item) => typeof item === "string" && item !== "")) {
    throw new InvalidConfigError(where, key, "a non-empty string or a non-empty list of strings");
  }
  return list as string[];
}

/** `name` or `schema.name`; a schema or table name that holds a dot cannot be written here. */
function tableName(value: unknown, key: string, where: string, schema: string, fallback: string): QualifiedName {
  const text = optionalString(value, key, where) ?? fallback;
  const parts = text.split(".");
  if (parts.length === 1) return { schema, name: text };
  const [first, second] = parts;
  if (parts.length > 2 || !first || !second) throw new InvalidConfigError(where, key, "'name' or 'schema.name'");
  return { schema: first, name: second };
}
