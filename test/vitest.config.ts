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
    // Two files at once. Vitest's default on a 2-core machine is one (cores - 1), but most files
    // wait on a CLI child, PGlite or the server rather than on this process: 84 files took 5 min
    // on the quiet 2-core machine with two workers (2026-12-02), against 14-16 min one at a time.
    maxWorkers: 2,
  },
});
