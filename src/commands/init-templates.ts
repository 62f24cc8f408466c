import { DEFAULT_MIGRATIONS_DIR, DEFAULT_SCHEMA_GLOB } from "../config/config.js";
import type { UserConfig } from "../config/define-config.js";

/** What `tidemark init` writes into `generator.config.ts`: the keys it sets, the rest as comments. */
export type InitConfigKeys = Pick<UserConfig, "schema" | "schemaFilter" | "casing">;

/**
 * The text of a new `generator.config.ts`. Pure. `drizzleDatabase`: the drizzle-kit config names a
 * database, which the new config reads from it (rather than copying a URL that may hold a
 * password), so that writing this file does not move tidemark to the embedded database.
 */
export function configTemplate(keys: InitConfigKeys, drizzleConfig: string | null, drizzleDatabase = false): string {
  const schema = keys.schema ?? DEFAULT_SCHEMA_GLOB;
  const shared = drizzleConfig !== null && drizzleDatabase;
  const lines = [
    `  schema: ${literal(typeof schema === "string" || schema.length !== 1 ? schema : (schema[0] ?? DEFAULT_SCHEMA_GLOB))},`,
    `  migrations: ${JSON.stringify(DEFAULT_MIGRATIONS_DIR)},`,
    ...(keys.schemaFilter === undefined ? [] : [`  schemaFilter: ${literal(keys.schemaFilter)},`]),
    ...(keys.casing === undefined ? [] : [`  casing: ${JSON.stringify(keys.casing)},`]),
    ...(shared ? databaseFromDrizzleKit(drizzleConfig) : databaseComment()),
    "  // Where check, verify and diff make a scratch database (dropped after; needs CREATEDB);",
    "  // default: PGlite in memory.",
    '  // shadowDatabaseUrl: "postgres://app@localhost:5432/postgres",',
  ];
  const origin = drizzleConfig === null ? "" : ` The models, schemas and casing are ${drizzleConfig}'s.`;
  return [
    `import { defineConfig${shared ? ", drizzleKitDatabaseUrl" : ""} } from "tidemark";`,
    ...(shared ? [`import drizzleKit from ${JSON.stringify(importPath(drizzleConfig))};`] : []),
    "",
    `/** tidemark's config: the drizzle models and the migrations folder (see docs/config.md).${origin} */`,
    "export default defineConfig({",
    ...lines,
    "});",
    "",
  ].join("\n");
}

function databaseComment(): readonly string[] {
  return [
    "  // The database when neither --url nor DATABASE_URL (nor .env) names one; default: the embedded",
    "  // PGlite database in .tidemark/db. Keep passwords out of this file: set DATABASE_URL instead.",
    '  // databaseUrl: "postgres://app@localhost:5432/app",',
  ];
}

function databaseFromDrizzleKit(drizzleConfig: string): readonly string[] {
  return [
    `  // The database ${drizzleConfig} names (its dbCredentials), so that both tools use the same one;`,
    "  // --url, DATABASE_URL and .env still come first.",
    "  databaseUrl: drizzleKitDatabaseUrl(drizzleKit),",
  ];
}

/** How the config imports drizzle-kit's: without `.ts` (as TypeScript resolves it), else as named. */
function importPath(drizzleConfig: string): string {
  return `./${drizzleConfig.replace(/\.ts$/, "")}`;
}

/** A string or a list of strings as TypeScript, the way prettier would print it. */
function literal(value: string | readonly string[]): string {
  return typeof value === "string" ? JSON.stringify(value) : `[${value.map((item) => JSON.stringify(item)).join(", ")}]`;
}

/** A starter model: one table, to edit or replace before the first revision. */
export const STARTER_MODEL = `import { pgTable, serial, text, timestamp, varchar } from "drizzle-orm/pg-core";

/** A starter model: edit it or add tables, then run \`tidemark revision --autogenerate -m "..."\`. */
export const users = pgTable("users", {
  id: serial("id").primaryKey(),
  email: varchar("email", { length: 320 }).notNull().unique(),
  name: text("name").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
`;

/** The line `.gitignore` gets: the embedded database and tidemark's caches stay out of git. */
export const GITIGNORE_LINE = ".tidemark/";

/** Whether a `.gitignore` already leaves `.tidemark/` out (any of the usual spellings). */
export function ignoresTidemark(gitignore: string): boolean {
  return gitignore.split(/\r?\n/).some((line) => /^\/?\.tidemark\/?(\*\*?)?$/.test(line.trim()));
}

/** The `.gitignore` text with the line appended, on a line of its own. */
export function withGitignoreLine(gitignore: string): string {
  const separator = gitignore === "" || gitignore.endsWith("\n") ? "" : "\n";
  return `${gitignore}${separator}${GITIGNORE_LINE}\n`;
}
