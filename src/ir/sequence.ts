/**
 * Sequence options, all of them explicit (PostgreSQL's defaults filled in). Numbers are decimal
 * strings because they range over bigint, which JSON cannot carry.
 */
export interface SequenceOptions {
  readonly dataType: "smallint" | "integer" | "bigint";
  readonly start: string;
  readonly increment: string;
  readonly minValue: string;
  readonly maxValue: string;
  readonly cache: string;
  readonly cycle: boolean;
}

/** A free-standing sequence (not one that backs a serial or identity column). */
export interface Sequence {
  readonly schema: string;
  readonly name: string;
  readonly options: SequenceOptions;
  /** OWNED BY table.column, when it is owned but not the implicit sequence of a serial column. */
  readonly ownedBy: { readonly table: string; readonly column: string } | null;
  readonly comment: string | null;
}
