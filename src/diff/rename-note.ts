import type { QualifiedName } from "../ir/qualified-name.js";
import type { Change } from "./change.js";
import type { RenamedObject } from "./hint-path.js";

/**
 * What the differ tells the reviewer about renames beside the changes. `ambiguousRename`: dropped
 * and added objects of one kind and scope, with matching definitions and similar names, that pair
 * up in more than one way; the differ wrote them as drops and adds, and the author must decide.
 *
 * For `column`, `index` and `constraint`, `dropped` and `added` are names within `table` (its new
 * name when the table is renamed too); for `table` and `enum` they are qualified keys
 * (`public.users`) and `table` is absent.
 */
export interface RenameNote {
  readonly kind: "ambiguousRename";
  readonly object: RenamedObject;
  readonly table?: QualifiedName;
  readonly dropped: readonly string[];
  readonly added: readonly string[];
}

/** The differ's changes, with its notes for the reviewer. */
export interface SchemaDiff {
  readonly changes: readonly Change[];
  readonly notes: readonly RenameNote[];
}
