import { runStatement } from "./cached-transaction.js";
import { savedReadsOf, type SavedReads } from "./catalog-cache.js";
import type { Driver } from "./driver.js";
import { readAndRollBack } from "./read-and-roll-back.js";
import { jsonSafe, mayEndOrUnlock, sequenceKeys, type SavedSequence } from "./statement-kinds.js";

/**
 * Sends the reads a session saved again, on a database that has changed since (a session wrote),
 * and returns what they answer now, to be saved in place of what they answered before. Each
 * sequence runs in a transaction that is rolled back, whatever it was: nothing it does stays. A
 * sequence with a statement that fails now (it reads a table the write dropped) is left out, and
 * one whose answers JSON would change is cut before them, as when it was first saved.
 */
export async function replaySavedReads(database: Driver, sequences: readonly SavedSequence[]): Promise<SavedReads> {
  const answers = new Map<string, readonly object[]>();
  const replayed: SavedSequence[] = [];
  for (const sequence of sequences) {
    if (!replayable(sequence)) continue;
    const fresh = await replayOne(database, sequence).catch(() => null);
    if (fresh === null || fresh.length === 0) continue;
    for (const [key, rows] of fresh) answers.set(key, rows);
    replayed.push({ ...sequence, statements: sequence.statements.slice(0, fresh.length) });
  }
  return savedReadsOf(replayed, answers);
}

/** Its answers, key by key, up to the first that JSON would change. */
async function replayOne(database: Driver, sequence: SavedSequence): Promise<readonly (readonly [string, readonly object[]])[]> {
  const keys = sequenceKeys(sequence.statements);
  return readAndRollBack(database, async (tx) => {
    const fresh: (readonly [string, readonly object[]])[] = [];
    for (const [index, statement] of sequence.statements.entries()) {
      const rows = await runStatement(tx, statement);
      const key = keys[index];
      if (key === undefined || !jsonSafe(rows)) break;
      fresh.push([key, rows]);
    }
    return fresh;
  });
}

/**
 * Only what a session could have saved: a file that says otherwise (edited by hand) is not run.
 * A statement that ends the transaction would take the replay out of the one rolled back.
 */
function replayable(sequence: SavedSequence): boolean {
  return sequence.statements.every((statement) => {
    const texts = statement.kind === "batch" ? statement.params : [statement.sql];
    return texts.every((text) => typeof text === "string" && !mayEndOrUnlock(text));
  });
}
