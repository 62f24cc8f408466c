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
  const sentences = [
    inferredRenameSentence(change),
    dataLossSentence(change, hazards),
    castSentence(change, hazards),
    lockSentence(change, hazards),
  ].filter((sentence) => sentence !== null);
  if (sentences.length === 0) return null;
  return `${sentences.map((sentence, i) => (i === 0 ? sentence : capitalized(sentence))).join(". ")}.`;
}

function capitalized(sentence: string): string {
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}`;
}

/** Whether any statement, up or down, cannot run in (or be used within) a transaction. */
export function needsNoTransaction(plan: Plan | null): boolean {
  return plan !== null && [...plan.up, ...plan.down].some((statement) => statement.hazards.includes("nonTransactional"));
}

function transactionWarning(plan: Plan): string | null {
  const outside = (statements: readonly Statement[]) => statements.filter((statement) => statement.hazards.includes("nonTransactional"));
  const up = outside(plan.up);
  const down = outside(plan.down);
  if (up.length === 0 && down.length === 0) return null;
  const which = (direction: string, statements: readonly Statement[]) =>
    statements.length === 0 ? [] : [`${direction}: ${[...new Set(statements.map((statement) => summarizeChange(statement.change)))].join(", ")}`];
  const reasons = [...new Set([...up, ...down].map((statement) => nonTransactionalReason(statement.sql)))];
  return (
    `runs outside a transaction (transactional = false): ${reasons.join("; ")} (${[...which("up", up), ...which("down", down)].join("; ")}). ` +
    "If a statement fails, those before it stay applied and the revision is not recorded: finish or undo them by hand."
  );
}

function nonTransactionalReason(sql: string): string {
  if (/^ALTER TYPE .* ADD VALUE /su.test(sql)) return "a value added by ALTER TYPE … ADD VALUE cannot be used until its transaction commits";
  if (/^(CREATE|DROP)( UNIQUE)? INDEX CONCURRENTLY /su.test(sql)) return "an index built or dropped CONCURRENTLY cannot be in a transaction";
  return "PostgreSQL cannot run some of its statements in a transaction";
}

/** Written as drop and add: which names might be one object renamed, and how to say so. */
function ambiguousRenameWarning(note: RenameNote): string {
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
