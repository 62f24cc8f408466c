import { defineDocPages, documentationPages, STARTING_POINT_PAGES } from "./run-doc-pages.js";

/**
 * Every command example of docs/guide/ runs (docs/guide/README.md, "How the examples are
 * tested"), but the pages on existing databases and drizzle-kit projects, which
 * doc-reference-examples.test.ts runs with README.md and the rest of docs/: two files of about
 * the same length, which run side by side where vitest has more than one worker (on the 2-core
 * machine here it ran them one after the other: 42 s and 71 s, idle).
 */
defineDocPages(documentationPages().filter((page) => page.startsWith("docs/guide/") && !STARTING_POINT_PAGES.includes(page)));
