import { defineConfig } from "vitest/config";
import base from "./vitest.config.js";

// Vitest's own worker count (one file at a time on 2 cores), not npm test's two: each long file
// keeps both cores busy itself.
const { maxWorkers: _twoWorkers, ...shared } = base.test ?? {};

/** The long suites (`npm run test:long`, which CI runs after `npm test`): `*.long.test.ts`. */
export default defineConfig({
  test: {
    ...shared,
    include: ["test/**/*.long.test.ts"],
    exclude: ["**/node_modules/**"],
  },
});
