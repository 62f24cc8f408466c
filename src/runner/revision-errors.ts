import { TidemarkError } from "../errors/tidemark-error.js";

const quoted = (ids: readonly string[]): string => ids.map((id) => `'${id}'`).join(", ");

/** Two migration files declare the same revision id. */
export class DuplicateRevisionError extends TidemarkError {
  readonly hint = "Give one of the files a new revision id (and update whatever revises it).";
  readonly revision: string;
  readonly files: readonly string[];

  constructor(revision: string, files: readonly string[]) {
    super(`Revision '${revision}' is declared by more than one file: ${files.join(", ")}`);
    this.revision = revision;
    this.files = files;
  }
}

/** A revision that nothing declares: named by a file's `revises`/`dependsOn`, or asked for. */
export class MissingRevisionError extends TidemarkError {
  readonly hint: string;
  readonly revision: string;
  /** The file that refers to it, or null when the user asked for it. */
  readonly file: string | null;
  readonly field: "revises" | "dependsOn" | null;

  constructor(revision: string, referrer: { readonly file: string; readonly field: "revises" | "dependsOn" } | null = null) {
    super(
      referrer === null
        ? `Can't locate revision identified by '${revision}'`
        : `Can't locate revision identified by '${revision}' (in \`${referrer.field}\` of ${referrer.file})`,
    );
    this.revision = revision;
    this.file = referrer?.file ?? null;
    this.field = referrer?.field ?? null;
    this.hint =
      referrer === null
        ? "Run `tidemark history` to see the revision ids and branch labels there are."
        : `Restore the missing migration file, or correct \`${referrer.field}\` in ${referrer.file}.`;
  }
}

/** The revisions' `revises`/`dependsOn` loop back on themselves. */
export class RevisionCycleError extends TidemarkError {
  readonly hint = "Correct `revises` or `dependsOn` in one of these files so that the revisions form no loop.";
  /** The loop, its first revision repeated at the end: `a -> b -> a`. */
  readonly cycle: readonly string[];

  constructor(cycle: readonly string[]) {
    super(`Revisions form a cycle: ${cycle.join(" -> ")}`);
    this.cycle = cycle;
  }
}

/** A branch label declared by two revisions, or equal to a revision id. */
export class DuplicateBranchLabelError extends TidemarkError {
  readonly hint = "Rename one of the branch labels: a label must name one branch, and no revision.";
  readonly label: string;
  readonly revisions: readonly string[];

  constructor(label: string, revisions: readonly string[], clashesWithRevision: boolean) {
    super(
      clashesWithRevision
        ? `Branch label '${label}' of revision '${revisions[0] ?? ""}' is also a revision id`
        : `Branch label '${label}' is declared by more than one revision: ${quoted(revisions)}`,
    );
    this.label = label;
    this.revisions = revisions;
  }
}

/** A partial revision id that starts more than one revision. */
export class AmbiguousRevisionError extends TidemarkError {
  readonly hint = "Give more characters of the revision id.";
  readonly prefix: string;
  readonly candidates: readonly string[];

  constructor(prefix: string, candidates: readonly string[]) {
    super(`Multiple revisions start with '${prefix}': ${quoted(candidates)}`);
    this.prefix = prefix;
    this.candidates = candidates;
  }
}

/** `head` (or `<label>@head`) names one head, but there are several. */
export class MultipleHeadsError extends TidemarkError {
  readonly hint = 'Run `tidemark merge heads -m "merge"` to join them, or name a target such as `heads` or `<label>@head`.';
  readonly heads: readonly string[];
  readonly target: string;

  constructor(heads: readonly string[], target: string) {
    super(
      `Multiple head revisions are present for given argument '${target}'; please specify a specific target ` +
        `revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads (heads: ${quoted(heads)})`,
    );
    this.heads = heads;
    this.target = target;
  }
}

/** The version table names a revision that no migration file declares. */
export class UnknownRevisionInDatabaseError extends TidemarkError {
  readonly hint =
    "Restore the migration file of that revision, or, if it is gone for good, run `tidemark stamp <revision> --purge` to reset the version table.";
  readonly revision: string;

  constructor(revision: string) {
    super(`The database is at revision '${revision}', which no migration file declares`);
    this.revision = revision;
  }
}

/** A target relative to the current revision, when the database is at several. */
export class MultipleCurrentRevisionsError extends TidemarkError {
  readonly hint = "Name the branch, as `<label>@+1` or `<label>@-1`, or give an explicit revision id.";
  readonly target: string;
  readonly rows: readonly string[];

  constructor(target: string, rows: readonly string[]) {
    super(`Relative target '${target}' is ambiguous: the database is at several revisions, ${quoted(rows)}`);
    this.target = target;
    this.rows = rows;
  }
}

/** `+N`/`-N` walked off the end of the graph. */
export class RelativeRevisionError extends TidemarkError {
  readonly hint = "Run `tidemark history --indicate-current` to see how many revisions there are to walk.";
  readonly target: string;
  /** The signed step count: 3 for `+3`, -2 for `-2`. */
  readonly steps: number;

  constructor(target: string, steps: number) {
    const sign = steps > 0 ? "+" : "-";
    super(`Relative revision ${sign}${Math.abs(steps)} didn't produce ${Math.abs(steps)} migrations (target '${target}')`);
    this.target = target;
    this.steps = steps;
  }
}

/** A relative step reached a branch point (walking up) or a merge (walking down). */
export class AmbiguousWalkError extends TidemarkError {
  readonly hint = "Name the revision to go to explicitly, or narrow the walk to a branch with `<label>@+N`.";
  readonly target: string;
  /** Where the walk stood; null at base. */
  readonly from: string | null;
  readonly choices: readonly string[];

  constructor(target: string, from: string | null, choices: readonly string[]) {
    super(`Relative target '${target}' is ambiguous at ${from === null ? "base" : `'${from}'`}: it could go to ${quoted(choices)}`);
    this.target = target;
    this.from = from;
    this.choices = choices;
  }
}

/** A downgrade to a revision that is not applied (or not below the named branch). */
export class InvalidDowngradeTargetError extends TidemarkError {
  readonly hint = "Run `tidemark current` and `tidemark history` and pick an applied revision below the current one.";
  readonly target: string;
  readonly rows: readonly string[];

  constructor(target: string, rows: readonly string[]) {
    const current = rows.length === 0 ? "base" : quoted(rows);
    super(`Destination '${target}' is not a valid downgrade target from current heads (${current})`);
    this.target = target;
    this.rows = rows;
  }
}

/** `<label>@...` with a label that no revision declares. */
export class UnknownBranchLabelError extends TidemarkError {
  readonly hint = "Run `tidemark branches` or `tidemark history` to see the branch labels there are.";
  readonly label: string;

  constructor(label: string) {
    super(`No such branch label or revision: '${label}'`);
    this.label = label;
  }
}

/** A target that cannot be read at all, or makes no sense where it is used. */
export class InvalidTargetError extends TidemarkError {
  readonly hint =
    "Use `head`, `heads`, `base`, `+N`, `-N`, `<rev>+N`, `<rev>-N`, a revision id (4 characters at least), or `<label>@head`.";
  readonly target: string;
  readonly reason: string;

  constructor(target: string, reason: string) {
    super(`Invalid revision target '${target}': ${reason}`);
    this.target = target;
    this.reason = reason;
  }
}
