/**
 * What the revision graph knows of one migration file: its metadata, read from the file's text
 * without running it, so that a thousand files load in well under a second.
 */
export interface MigrationMeta {
  /** The revision id: 12 hex characters when tidemark made it, any `[A-Za-z0-9_-]+` when given. */
  readonly revision: string;
  /** The revisions it follows: none for a base, one, or several for a merge. */
  readonly revises: readonly string[];
  readonly branchLabels: readonly string[];
  /** Revisions that must be applied first without being parents (Alembic's `depends_on`). */
  readonly dependsOn: readonly string[];
  /** False when the migration must run outside a transaction (CREATE INDEX CONCURRENTLY, ...). */
  readonly transactional: boolean;
  /** The first line of the file's doc comment, or "" when it has none. */
  readonly message: string;
  /** The file's absolute path. */
  readonly file: string;
  /** sha256 of the file's bytes, hex: recorded when applied, compared to find edited files. */
  readonly checksum: string;
}
