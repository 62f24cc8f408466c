import { connect } from "../driver/connect.js";
import type { Config } from "../config/config.js";
import { introspect } from "../introspect/introspect.js";
import type { Schema } from "../ir/schema.js";

/** The IR of the database at `url`, read with the project's schema filter. */
export async function inspectDatabase(config: Config, url: string): Promise<Schema> {
  const driver = await connect(url, config.root);
  try {
    return await introspect(driver, {
      schemas: config.schemaFilter,
      exclude: [config.versionTable, config.historyTable],
    });
  } finally {
    await driver.close();
  }
}
