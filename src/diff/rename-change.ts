import type { Change, ChangeOf } from "./change.js";

/** The five rename kinds. */
export type RenameChange = ChangeOf<"renameTable" | "renameColumn" | "renameEnum" | "renameIndex" | "renameConstraint">;

export function isRename(change: Change): change is RenameChange {
  switch (change.kind) {
    case "renameTable":
    case "renameColumn":
    case "renameEnum":
    case "renameIndex":
    case "renameConstraint":
      return true;
    default:
      return false;
  }
}

/** A rename the differ guessed, which the author (or a prompt) must confirm. */
export function isInferredRename(change: Change): change is RenameChange {
  return isRename(change) && change.inferred;
}
