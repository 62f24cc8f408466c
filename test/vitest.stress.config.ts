import { defineConfig } from "vitest/config";
import base from "./vitest.config.js";

/** The stress suites (`npm run test:stress`, which CI runs too): `*.stress.test.ts`, one file at a time. */
export default defineConfig({
  test: {
    ...base.test,
    include: ["test/**/*.stress.test.ts"],
    exclude: ["**/node_modules/**"],
    testTimeout: 600_000,
    fileParallelism: false,
  },
});
