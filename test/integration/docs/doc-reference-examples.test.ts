import { defineDocPages, documentationPages } from "./run-doc-pages.js";

/** The command examples of docs/ outside the guide: the reference pages and the design pages. */
defineDocPages(documentationPages().filter((page) => page !== "README.md" && !page.startsWith("docs/guide/")));
