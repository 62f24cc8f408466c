import { relative } from "node:path";
import { TidemarkError } from "../errors/tidemark-error.js";

/** `tidemark init` where a project is (partly) set up already: nothing is written. */
export class ProjectExistsError extends TidemarkError {
  readonly hint = "Nothing was written. Move them aside to start over, or edit generator.config.ts by hand (docs/config.md).";
  readonly dir: string;
  /** What exists, relative to `dir`. */
  readonly existing: readonly string[];

  constructor(dir: string, existing: readonly string[]) {
    super(`Cannot init ${dir}: ${existing.join(", ")} already exist${existing.length === 1 ? "s" : ""}`);
    this.dir = dir;
    this.existing = existing;
  }
}

/**
 * A starting point that writes the first revisions (`revision --from-empty`, `import drizzle-kit`)
 * found revisions in the migrations folder already.
 */
export class MigrationsNotEmptyError extends TidemarkError {
  readonly hint: string;
  readonly folder: string;
  readonly count: number;

  constructor(folder: string, count: number, what: "--from-empty" | "import drizzle-kit", cwd: string) {
    const shown = relative(cwd, folder) || ".";
    super(`${shown} already holds ${count} revision${count === 1 ? "" : "s"}: ${what} writes the first revision${what === "import drizzle-kit" ? "s" : ""} of a project`);
    this.folder = folder;
    this.count = count;
    this.hint = what === "--from-empty"
      ? "The chain has started: run `tidemark revision --autogenerate -m \"...\"` for what changed since."
      : "Import into a project with no revisions yet (empty its migrations folder, or set `migrations` to a new folder in generator.config.ts).";
  }
}
