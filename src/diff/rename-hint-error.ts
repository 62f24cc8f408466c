import { TidemarkError } from "../errors/tidemark-error.js";
import type { RenameHint } from "./rename-hints.js";

/** What is wrong with a stated rename. */
export type RenameHintProblem =
  /** Not `old=new`, or a name that does not parse. */
  | "malformed"
  /** The old name names nothing on the side being changed. */
  | "missingSource"
  /** The new name names nothing on the side being reached. */
  | "missingTarget"
  /** The old name is still there after the change, so nothing was renamed away from it. */
  | "sourceKept"
  /** The new name is there already before the change. */
  | "targetExists"
  /** The two names are in different tables or schemas: that is a move, not a rename. */
  | "otherScope"
  /** Two stated renames start from the same object or reach the same one. */
  | "conflict";

/** A rename stated with `--rename` or the config's `renames` that does not fit the two schemas. */
export class RenameHintError extends TidemarkError {
  readonly hint = "Check the names in --rename or the config's renames.";
  readonly rename: RenameHint;
  readonly problem: RenameHintProblem;
  /** What is missing or in the way, in words: `column fullname of public.users`. */
  readonly detail: string;

  constructor(rename: RenameHint, problem: RenameHintProblem, detail: string) {
    super(`Cannot rename ${rename.from}=${rename.to}: ${detail}.`);
    this.rename = rename;
    this.problem = problem;
    this.detail = detail;
  }
}
