import type { Change } from "../diff/change.js";
import type { Plan } from "../sql/statement.js";
import { needsNoTransaction, warningsFor } from "./change-warnings.js";
import { docComment } from "./doc-comment.js";
import type { FormatOptions } from "./format-options.js";
import { migrationSource, type MigrationBody } from "./migration-source.js";
import type { RenameNote } from "./rename-note.js";
import { mergedRevisions, type RevisionMetadata } from "./revision-metadata.js";
import { summarizeChanges } from "./summarize-changes.js";

export interface MigrationInput {
  readonly meta: RevisionMetadata;
  /** The changes the plan implements, summarized one line each in this order. */
  readonly changes: readonly Change[];
  /** Null for a hand-written revision or a merge: `up` and `down` hold a comment to write in. */
  readonly plan: Plan | null;
  /** The differ's ambiguous renames, written as drop and add: each becomes a WARNING line. */
  readonly notes?: readonly RenameNote[];
}

/**
 * The text of a migration file, built as text and formatted with prettier. Pure: the clock,
 * the revision id and the prettier options are all passed in. It runs outside a transaction when
 * the caller asks, or when a statement cannot run in one (ALTER TYPE … ADD VALUE).
 */
export async function renderMigration(input: MigrationInput, options: FormatOptions): Promise<string> {
  const { meta, changes, plan } = input;
  const comment = docComment(meta, { summary: summarizeChanges(changes), warnings: warningsFor(plan, changes, input.notes) });
  const body: MigrationBody = {
    meta,
    up: plan?.up ?? null,
    down: plan?.down ?? null,
    transactional: meta.transactional !== false && !needsNoTransaction(plan),
    placeholder: placeholders(meta),
  };
  return formatMigrationSource(migrationSource(comment, body), options);
}

/**
 * Starts loading prettier and the parser and printer formatMigrationSource uses (prettier loads
 * them at the first format otherwise), so that a command that will write a file can load them
 * while it waits for a database.
 */
export async function preloadFormatter(): Promise<void> {
  await Promise.all([import("prettier"), import("prettier/plugins/babel"), import("prettier/plugins/estree")]);
}

/** A migration file's text formatted by prettier, loaded only by the commands that write one. */
export async function formatMigrationSource(source: string, options: FormatOptions): Promise<string> {
  const { format } = await import("prettier");
  // babel-ts prints what the typescript parser prints for these files, and loads and parses in
  // about two thirds of the time (0.06 s of every written migration).
  return format(source, { ...options, parser: "babel-ts" });
}

function placeholders(meta: RevisionMetadata): MigrationBody["placeholder"] {
  const merged = mergedRevisions(meta.revises);
  if (merged !== null) {
    const list = merged.join(", ");
    return { up: `Nothing to upgrade: this revision merges ${list}.`, down: `Nothing to downgrade: this revision merges ${list}.` };
  }
  return { up: 'Write the upgrade here: await db.execute("...");', down: 'Write the downgrade here: await db.execute("...");' };
}
