import { defineConfig } from "./define-config.js";
import { drizzleKitDatabaseUrl } from "./drizzle-kit-config.js";

/** What a config file can use from `tidemark` at run time; its types are erased before it runs. */
const CONFIG_API = { defineConfig, drizzleKitDatabaseUrl } as const;

/** Names a module loader probes on any module; they are answered, never refused. */
const PROBED = new Set(["__esModule", "default", "then", "module.exports"]);

/**
 * The `tidemark` module a config file imports. The config is read before anything else, and the
 * whole package would cost every command's modules (transformed again by the loader) for two
 * functions; a name beyond them is refused with a line that says what a config can import.
 */
export const configApiModule: Readonly<Record<string, unknown>> = new Proxy(CONFIG_API, {
  // Every name is "there", so that a loader's interop reads it through `get` instead of skipping it.
  has: (target, key) => typeof key === "string" || Reflect.has(target, key),
  get(target, key, receiver) {
    if (typeof key === "symbol" || key in target || PROBED.has(key)) return Reflect.get(target, key, receiver) as unknown;
    throw new Error(`a config file can import ${Object.keys(CONFIG_API).join(" and ")} from "tidemark", not ${key}`);
  },
});
