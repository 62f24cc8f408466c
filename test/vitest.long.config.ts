import { defineConfig } from "vitest/config";
import base from "./vitest.config.js";

/** The long suites (`npm run test:long`, which CI runs after `npm test`): `*.long.test.ts`. */
export default defineConfig({
  test: {
    ...base.test,
    include: ["test/**/*.long.test.ts"],
    exclude: ["**/node_modules/**"],
  },
});
