/**
 * Base of every error tidemark expects to happen (bad input, unreachable database, ...). The CLI
 * prints `message` as one line and `hint` after it, without a stack trace unless `--debug`.
 * Anything else that escapes is a bug and is reported as one.
 */
export abstract class TidemarkError extends Error {
  /** What the user can do about it, one sentence. */
  abstract readonly hint: string;

  constructor(message: string, options?: { readonly cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}
