import { TidemarkError } from "../errors/tidemark-error.js";

/** The migrations folder does not exist. */
export class MigrationsFolderNotFoundError extends TidemarkError {
  readonly hint =
    'Check the config\'s `migrations` key and the working directory; in a new project, `tidemark revision -m "initial schema"` creates the folder.';
  readonly dir: string;

  constructor(dir: string, cause?: unknown) {
    super(`Migrations folder not found: ${dir}`, { cause });
    this.dir = dir;
  }
}

/** What is wrong with one export of a migration file. */
export type MetaProblem = "missing-export" | "not-literal" | "missing-function" | "invalid-id" | "duplicate-export";

const HINTS: Readonly<Record<MetaProblem, string>> = {
  "missing-export":
    'Add the export at the top level of the file: `export const revision = "<id>";`, and `export const revises = null;` in a first migration.',
  "not-literal":
    "Write the value as a literal in the file (tidemark reads it without running the file): a quoted string, an array of quoted strings, null, true or false.",
  "missing-function": "Export both functions: `export async function up(db: MigrationContext): Promise<void>` and the same for `down`.",
  "invalid-id": "Use only letters, digits, `_` and `-` in revision ids and branch labels, and none of head, heads, base, current.",
  "duplicate-export": "Keep one of the two exports.",
};

/** A migration file whose metadata cannot be read from its text. */
export class MigrationMetaError extends TidemarkError {
  readonly hint: string;
  readonly file: string;
  /** 1-based line of the offending export; null when the export is missing. */
  readonly line: number | null;
  readonly exportName: string;
  readonly problem: MetaProblem;
  /** What is wrong, as a phrase: "must be a string literal". */
  readonly detail: string;

  constructor(args: { file: string; line: number | null; exportName: string; problem: MetaProblem; detail: string }) {
    super(`${args.file}${args.line === null ? "" : `:${args.line}`}: \`${args.exportName}\` ${args.detail}`);
    this.file = args.file;
    this.line = args.line;
    this.exportName = args.exportName;
    this.problem = args.problem;
    this.detail = args.detail;
    this.hint = HINTS[args.problem];
  }
}
