import { defineDocPages, documentationPages } from "./run-doc-pages.js";

/** The command examples of README.md and of docs/ outside the guide: the reference and the design pages. */
defineDocPages(documentationPages().filter((page) => !page.startsWith("docs/guide/")));
