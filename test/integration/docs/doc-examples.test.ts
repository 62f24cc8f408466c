import { defineDocPages, documentationPages } from "./run-doc-pages.js";

/**
 * Every command example in docs/guide/ runs (docs/guide/README.md, "How the examples are
 * tested"); doc-reference-examples.test.ts runs those of README.md and the rest of docs/. Two
 * files so that vitest runs them side by side, one per core.
 */
defineDocPages(documentationPages().filter((page) => page.startsWith("docs/guide/")));
