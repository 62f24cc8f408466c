import { defineConfig } from "tidemark";

/** The example project's config: drizzle models in schema/, migrations in migrations/. */
export default defineConfig({
  schema: "schema/**/*.ts",
  migrations: "migrations",
  schemaFilter: ["public"],
  // No databaseUrl: DATABASE_URL (or .env) when set, else the embedded database in .tidemark/db.
});
