import { defineDocPages, documentationPages, STARTING_POINT_PAGES } from "./run-doc-pages.js";

/** The command examples of README.md, of docs/ outside the guide, and of the guide's starting points. */
defineDocPages(documentationPages().filter((page) => !page.startsWith("docs/guide/") || STARTING_POINT_PAGES.includes(page)));
