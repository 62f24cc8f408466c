import type { Change } from "../diff/change.js";

/** What a reviewer must know about a statement before it runs against production. */
export type Hazard =
  /** Drops data: a table, a column, a sequence's state, an enum value. */
  | "destructive"
  /** Changes a column's type through an explicit `USING` cast that can fail on existing rows. */
  | "needsCast"
  /** Narrows a column's type (shorter varchar, smaller integer, less precision): rows may not fit or may lose precision. */
  | "narrowing"
  /** PostgreSQL has no cast between the two types: the author must write the `USING` expression. */
  | "noCast"
  /** Takes an ACCESS EXCLUSIVE lock for a table rewrite or a scan (type change, index build, validation). */
  | "heavyLock"
  /** Cannot run inside a transaction block (or its effect cannot be used within the same one). */
  | "nonTransactional";

export interface Statement {
  readonly sql: string;
  readonly hazards: readonly Hazard[];
  /** The change it implements. */
  readonly change: Change;
}

/** Ordered statements both ways: `down` is the inverted changes planned again, so down after up returns. */
export interface Plan {
  readonly up: readonly Statement[];
  readonly down: readonly Statement[];
}
