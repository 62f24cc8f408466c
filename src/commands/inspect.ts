import type { Config } from "../config/config.js";
import { introspect } from "../introspect/introspect.js";
import type { Schema } from "../ir/schema.js";
import { withDatabase, type Project } from "./open-project.js";

/** The IR of the project's database, read with its schema filter, without tidemark's own tables. */
export function inspectDatabase(project: Project): Promise<Schema> {
  const config: Config = project.config;
  return withDatabase(project, (driver) =>
    introspect(driver, { schemas: config.schemaFilter, exclude: [config.versionTable, config.historyTable] }),
  );
}
