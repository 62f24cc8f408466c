import type { Schema } from "../ir/schema.js";

/**
 * What a migration's `up(db)` and `down(db)` receive. Generated migrations call `execute` once per
 * statement; hand-written data migrations also read rows and ask about the current schema.
 */
export interface MigrationContext {
  /** Runs one statement; `params` bind `$1`, `$2`, ... */
  execute(sql: string, params?: readonly unknown[]): Promise<void>;
  /** Runs one query and returns its rows. Not available when SQL is rendered offline (`--sql`). */
  query<Row extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<readonly Row[]>;
  /** The current schema as tidemark reads it, for conditional migrations. Not available offline. */
  inspect(): Promise<SchemaSnapshot>;
}

/**
 * The database's schema at one moment. Names are `table` (in the first managed schema) or
 * `schema.table`, unquoted.
 */
export interface SchemaSnapshot {
  readonly schema: Schema;
  hasTable(table: string): boolean;
  hasColumn(table: string, column: string): boolean;
  /** An index or a constraint-backed index, by name, anywhere in the managed schemas. */
  hasIndex(name: string): boolean;
  hasConstraint(table: string, name: string): boolean;
  /** An enum type. */
  hasType(type: string): boolean;
  hasView(view: string): boolean;
}

/** What a migration file exports. */
export interface MigrationModule {
  readonly revision: string;
  readonly revises: string | readonly string[] | null;
  readonly branchLabels?: readonly string[];
  readonly dependsOn?: readonly string[];
  readonly transactional?: boolean;
  up(db: MigrationContext): Promise<void>;
  down(db: MigrationContext): Promise<void>;
}
