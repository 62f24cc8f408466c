import { defineDocPages, documentationPages, STARTING_POINT_PAGES } from "./run-doc-pages.js";

/**
 * Every command example of docs/guide/ runs (docs/guide/README.md, "How the examples are
 * tested"), but the pages on existing databases and drizzle-kit projects, which
 * doc-reference-examples.test.ts runs with README.md and the rest of docs/: two files of about
 * the same length, so that vitest runs them side by side, one per core.
 */
defineDocPages(documentationPages().filter((page) => page.startsWith("docs/guide/") && !STARTING_POINT_PAGES.includes(page)));
