/** The differ's public surface: what the commands, the codegen and users' scripts import. */
export type { Change, ChangeKind, ChangeOf, CommentTarget, Constraint, TypeUsage } from "./change.js";
export { diffSchemas, diffSchemasWithNotes } from "./diff-schemas.js";
export { invertChange, invertChanges } from "./invert-change.js";
export type { RenamedObject } from "./hint-path.js";
export { isInferredRename, isRename, type RenameChange } from "./rename-change.js";
export { RenameHintError, type RenameHintProblem } from "./rename-hint-error.js";
export { parseRenameHint, renameHintOf, type DiffOptions, type RenameHint } from "./rename-hints.js";
export type { RenameNote, SchemaDiff } from "./rename-note.js";
