import { defineDocPages, documentationPages } from "./run-doc-pages.js";

/**
 * Every command example in README.md and docs/guide/ runs (docs/guide/README.md, "How the
 * examples are tested"); doc-reference-examples.test.ts runs the rest of docs/. Two files so that
 * vitest runs them side by side, one per core: the examples take minutes in one line.
 */
defineDocPages(documentationPages().filter((page) => page === "README.md" || page.startsWith("docs/guide/")));
