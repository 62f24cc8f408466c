import { TidemarkError } from "../errors/tidemark-error.js";

/** A model file that cannot be imported: a syntax error, a throw, a missing import. */
export class ModelLoadError extends TidemarkError {
  readonly hint = "Fix the model file so that it imports cleanly (run with --debug for the stack).";
  readonly file: string;
  readonly detail: string;

  constructor(file: string, detail: string, cause: unknown) {
    super(`Cannot load model file ${file}: ${detail}`, { cause });
    this.file = file;
    this.detail = detail;
  }
}

/** The config's schema globs found no file, or the files export no drizzle object. */
export class NoModelsError extends TidemarkError {
  readonly hint = "Check the config's `schema` globs, and export your pgTable/pgEnum definitions.";
  readonly globs: readonly string[];
  readonly files: readonly string[];

  constructor(globs: readonly string[], files: readonly string[]) {
    super(
      files.length === 0
        ? `No model file matches ${globs.join(", ")}.`
        : `The model files export no drizzle table, enum, sequence or view: ${files.join(", ")}.`,
    );
    this.globs = globs;
    this.files = files;
  }
}

/** Two different exported objects claim one name. */
export class DuplicateModelError extends TidemarkError {
  readonly hint = "Rename one of them, or export the same object once.";
  readonly kind: string;
  readonly objectName: string;
  readonly files: readonly string[];

  constructor(kind: string, objectName: string, files: readonly string[]) {
    super(`Two ${kind} definitions are named ${objectName}: in ${files.join(" and ")}.`);
    this.kind = kind;
    this.objectName = objectName;
    this.files = files;
  }
}
