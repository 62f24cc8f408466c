import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: new URL("..", import.meta.url).pathname,
    include: ["test/**/*.test.ts"],
    // PGlite boots in about two seconds and each server test creates a database.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
