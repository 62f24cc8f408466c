import { TidemarkError } from "../errors/tidemark-error.js";

/** A revision id that cannot be part of a file name. */
export class InvalidRevisionIdError extends TidemarkError {
  readonly hint = "Give --rev-id letters, digits, `_` and `-` only, or leave it out for a generated id.";
  readonly revision: string;

  constructor(revision: string) {
    super(`Invalid revision id '${revision}': only letters, digits, \`_\` and \`-\` are allowed.`);
    this.revision = revision;
  }
}
