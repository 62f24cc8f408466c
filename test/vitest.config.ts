import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: new URL("..", import.meta.url).pathname,
    include: ["test/**/*.test.ts"],
    // The long suites (every convergence fixture and property run on both backends) are
    // `*.long.test.ts`, run by `npm run test:long`; the stress suites (concurrent deploys, crashes)
    // are `*.stress.test.ts`, run by `npm run test:stress`. CI runs all three.
    exclude: ["test/**/*.long.test.ts", "test/**/*.stress.test.ts", "**/node_modules/**"],
    // PGlite boots in about two seconds and each server test creates a database.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
