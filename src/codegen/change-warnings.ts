import type { Change } from "../diff/change.js";
import { quoteIdent } from "../ir/quote.js";
import type { Plan, Statement } from "../sql/statement.js";
import { hazardsByChange, type ChangeHazards } from "./change-hazards.js";
import { columnName, objectName, singleLine } from "./display-name.js";
import type { RenameNote } from "./rename-note.js";
import { summarizeChange } from "./summarize-changes.js";
import { castSentence, dataLossSentence, inferredRenameSentence, lockSentence } from "./warning-sentences.js";

/**
 * The lines a reviewer must read before the migration runs, without the `WARNING: ` prefix: one
 * per change that needs review (in the order of the changes, from the hazards of its up
 * statements), one per ambiguous rename, and one when the migration must run outside a
 * transaction. No line appears twice.
 */
export function warningsFor(plan: Plan | null, changes: readonly Change[], notes: readonly RenameNote[] = []): readonly string[] {
  const lines = [
    ...hazardsByChange(changes, plan?.up ?? []).flatMap((group) => changeWarning(group) ?? []),
    ...notes.map(ambiguousRenameWarning),
    ...(plan === null ? [] : [transactionWarning(plan)]).filter((line) => line !== null),
  ];
  return [...new Set(lines.map(singleLine))];
}

/** The change's sentences as one line: rename, data loss, cast, lock. */
function changeWarning({ change, hazards }: ChangeHazards): string | null {
  const sentences = reviewSentences({ change, hazards });
  if (sentences.length === 0) return null;
  return `${sentences.map((sentence, i) => (i === 0 ? sentence : capitalized(sentence))).join(". ")}.`;
}

function reviewSentences({ change, hazards }: ChangeHazards): readonly string[] {
  return [
    inferredRenameSentence(change),
    dataLossSentence(change, hazards),
    castSentence(change, hazards),
    lockSentence(change, hazards),
  ].filter((sentence) => sentence !== null);
}

/** What a reviewer must know about one change: the sentences of its WARNING, and whether it loses data. */
export interface ChangeReview {
  readonly change: Change;
  /** One line per sentence (rename guessed, data loss, cast, lock), each ending in `.`, without `WARNING: `. */
  readonly warnings: readonly string[];
  /** The change loses data: exactly when its warning has a DATA LOSS sentence. */
  readonly destructive: boolean;
}

/**
 * Each change's review, in the order of `changes`, from the hazards of the plan's up statements
 * (the same judgement as the migration file's WARNING lines, split into one line per sentence for
 * a report). A statement whose change is not in the list adds a review after them, as
 * `warningsFor` warns about it too.
 */
export function changeReviews(changes: readonly Change[], plan: Plan | null): readonly ChangeReview[] {
  return hazardsByChange(changes, plan?.up ?? []).map((group) => ({
    change: group.change,
    warnings: reviewSentences(group).map((sentence) => singleLine(`${sentence}.`)),
    destructive: dataLossSentence(group.change, group.hazards) !== null,
  }));
}

/** One change's review (see changeReviews; for many changes, call that once instead). */
export function changeReview(change: Change, plan: Plan | null): Omit<ChangeReview, "change"> {
  const [review] = changeReviews([change], plan);
  return { warnings: review?.warnings ?? [], destructive: review?.destructive ?? false };
}

function capitalized(sentence: string): string {
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}`;
}

/**
 * Whether the file must run outside a transaction: when an up statement cannot run in one (or its
 * effect cannot be used within it: `ALTER TYPE … ADD VALUE` followed by a default of that value).
 * Only up decides: a down that adds enum values back runs them inside its transaction, which
 * PostgreSQL 12+ allows, so that up's multi-statement type rebuilds stay atomic.
 */
export function needsNoTransaction(plan: Plan | null): boolean {
  return plan !== null && plan.up.some((statement) => statement.hazards.includes("nonTransactional"));
}

function transactionWarning(plan: Plan): string | null {
  const outside = (statements: readonly Statement[]) => statements.filter((statement) => statement.hazards.includes("nonTransactional"));
  const up = outside(plan.up);
  const down = outside(plan.down);
  const changes = (statements: readonly Statement[]) => [...new Set(statements.map((statement) => summarizeChange(statement.change)))].join(", ");
  if (up.length > 0) {
    const reasons = [...new Set(up.map((statement) => nonTransactionalReason(statement.sql)))];
    return (
      `runs outside a transaction (transactional = false): ${reasons.join("; ")} (${changes(up)}). ` +
      "If a statement fails, those before it stay applied and the revision is not recorded: finish or undo them by hand."
    );
  }
  if (down.length === 0) return null;
  return (
    `down adds enum values back inside its transaction (${changes(down)}): PostgreSQL allows it, but a value added ` +
    "cannot be used before the transaction commits; if down fails on that, move the statements that use the value to a new revision."
  );
}

function nonTransactionalReason(sql: string): string {
  if (/^ALTER TYPE .* ADD VALUE /su.test(sql)) return "a value added by ALTER TYPE … ADD VALUE cannot be used until its transaction commits";
  if (/^(CREATE|DROP)( UNIQUE)? INDEX CONCURRENTLY /su.test(sql)) return "an index built or dropped CONCURRENTLY cannot be in a transaction";
  return "PostgreSQL cannot run some of its statements in a transaction";
}

/** Written as drop and add: which names might be one object renamed, and how to say so. */
export function ambiguousRenameWarning(note: RenameNote): string {
  const name = (each: string) => noteName(note, each);
  const dropped = note.dropped.map(name).join(" or ");
  const added = note.added.map(name).join(" or ");
  return (
    `ambiguous rename: ${note.object} ${dropped} may have become ${added}, so it is written as drop and add, which loses ` +
    `the dropped data. If one is a rename, state it with --rename (or the config's renames) and run again.`
  );
}

function noteName(note: RenameNote, name: string): string {
  if (note.table === undefined) return name;
  if (note.object === "column") return columnName(note.table, name);
  return `${quoteIdent(name)} on ${objectName(note.table)}`;
}
