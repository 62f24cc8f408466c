/** Codegen: a Plan and revision metadata to the text of a migration file. Pure, except `resolvePrettierOptions`. */
export { renderMigration, type MigrationInput } from "./render-migration.js";
export type { RevisionMetadata } from "./revision-metadata.js";
export type { FormatOptions } from "./format-options.js";
export type { RenameNote } from "./rename-note.js";
export { resolvePrettierOptions } from "./prettier-options.js";
export { migrationFileName, messageSlug } from "./migration-file-name.js";
export { summarizeChange, summarizeChanges } from "./summarize-changes.js";
export { needsNoTransaction, warningsFor } from "./change-warnings.js";
export { InvalidRevisionIdError } from "./codegen-errors.js";
