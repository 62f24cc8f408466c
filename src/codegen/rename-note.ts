import type { QualifiedName } from "../ir/qualified-name.js";

/**
 * The differ's note that a dropped object and an added one might be a rename, but it could not
 * tell which: it wrote them as drop and add, and the author must decide. Structural, so that the
 * differ's own exported type fits it.
 *
 * For `column`, `index` and `constraint`, `dropped` and `added` are names within `table`; for
 * `table` and `enum`, they are qualified keys (`public.users`) and `table` is absent.
 */
export interface RenameNote {
  readonly kind: "ambiguousRename";
  readonly object: "table" | "column" | "enum" | "index" | "constraint";
  readonly table?: QualifiedName;
  readonly dropped: readonly string[];
  readonly added: readonly string[];
}
