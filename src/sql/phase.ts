import type { Change } from "../diff/change.js";
import type { Hazard, Statement } from "./statement.js";

/**
 * The order statements run in, so that nothing is created before what it needs or dropped before
 * what needs it: views and foreign keys go first and come back last; types and sequences exist
 * before the columns that use them and are dropped after. A sequence owned by a column is released
 * before any drop, because dropping its owner would drop it too; a serial column's own sequence
 * goes with it, and a new one comes after every drop, so neither meets a free sequence of its name.
 *
 * Renames are not ordered by phase but by their place among the changes (see `orderedStatements`);
 * their phase only names them.
 */
export const PHASES = [
  "dropViews",
  "renames",
  "releaseOwnership",
  "dropForeignKeys",
  "dropIndexes",
  "dropConstraints",
  "dropColumns",
  "dropTables",
  "createNamespaces",
  "createExtensions",
  "createTypes",
  "createTables",
  "addColumns",
  "alterColumns",
  "sequenceOwnership",
  "dropTypes",
  "serialSequences",
  "dropExtensions",
  "dropNamespaces",
  "addConstraints",
  "createIndexes",
  "addForeignKeys",
  "createViews",
  "comments",
] as const;

export type Phase = (typeof PHASES)[number];

export interface PhasedStatement {
  readonly phase: Phase;
  readonly statement: Statement;
}

/** A helper for the planners: statements of one change, each in its phase. */
export function phased(change: Change) {
  return (phase: Phase, sql: string, hazards: readonly Hazard[] = []): PhasedStatement => ({
    phase,
    statement: { sql, hazards, change },
  });
}
