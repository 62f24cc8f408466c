import type { Index } from "./index-def.js";

export interface Namespace {
  readonly name: string;
  readonly comment: string | null;
}

export interface Extension {
  readonly name: string;
  /** The schema its objects were created in. */
  readonly schema: string;
  /** The installed version; null where it is not stated (models), and then never compared. */
  readonly version: string | null;
}

export interface EnumType {
  readonly schema: string;
  readonly name: string;
  /** In sort order, which is the order comparisons use (not creation order). */
  readonly values: readonly string[];
  readonly comment: string | null;
}

export interface View {
  readonly schema: string;
  readonly name: string;
  readonly materialized: boolean;
  /** The query as `pg_get_viewdef(oid, true)` prints it. */
  readonly definition: string;
  /** Indexes exist only on materialized views. */
  readonly indexes: Readonly<Record<string, Index>>;
  readonly comment: string | null;
}
