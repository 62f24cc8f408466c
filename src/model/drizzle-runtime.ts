import { createRequire } from "node:module";
import type * as DrizzleOrm from "drizzle-orm";
import type * as DrizzleCasing from "drizzle-orm/casing";
import type * as DrizzlePgCore from "drizzle-orm/pg-core";

/**
 * drizzle-orm as the model files get it. jiti hands model files drizzle-orm's CommonJS build, so
 * an ESM `import` here would load the library a second time (about 0.1 s of every command that
 * reads models) and make a second set of its classes. Required, it is one instance for both.
 */
const require = createRequire(import.meta.url);

export const drizzle = require("drizzle-orm") as typeof DrizzleOrm;
export const drizzleCasing = require("drizzle-orm/casing") as typeof DrizzleCasing;
export const drizzlePgCore = require("drizzle-orm/pg-core") as typeof DrizzlePgCore;
