/** The differ's notes on renames it could not decide: the codegen writes each as a WARNING. */
export type { RenameNote } from "../diff/rename-note.js";
