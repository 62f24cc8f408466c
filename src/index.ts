/** tidemark's public API: what config files, migrations and scripts import. */
export { defineConfig, type UserConfig } from "./config/define-config.js";
export type { Config } from "./config/config.js";
export { loadConfig } from "./config/load-config.js";
export { connect } from "./driver/connect.js";
export type { Driver, Queryable } from "./driver/driver.js";
export { introspect, type IntrospectOptions } from "./introspect/introspect.js";
export * from "./ir/index.js";
export { TidemarkError } from "./errors/tidemark-error.js";
