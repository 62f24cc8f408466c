/** What a migration file declares about itself, passed in by the `revision` and `merge` commands. */
export interface RevisionMetadata {
  /** The revision id: 12 hex characters when tidemark makes it, any `[A-Za-z0-9_-]+` when given. */
  readonly revision: string;
  /** The revision it follows: null for the first, several for a merge. */
  readonly revises: string | readonly string[] | null;
  /** The user's `-m` text: the first line of the doc comment. */
  readonly message: string;
  /** When the revision was made, rendered in UTC (the caller reads the clock). */
  readonly createdAt: Date;
  readonly branchLabels?: readonly string[];
  readonly dependsOn?: readonly string[];
  /** False when the caller asks for a migration that runs outside a transaction; default true. */
  readonly transactional?: boolean;
}

/** `revises` as the file exports it: a string, an array (a merge), or null. */
export function normalizedRevises(revises: RevisionMetadata["revises"]): string | readonly string[] | null {
  if (revises === null || typeof revises === "string") return revises;
  if (revises.length === 0) return null;
  if (revises.length === 1) return revises[0] ?? null;
  return revises;
}

/** `revises` as the doc comment shows it: `<base>`, an id, or `a, b` for a merge. */
export function revisesLine(revises: RevisionMetadata["revises"]): string {
  const normalized = normalizedRevises(revises);
  if (normalized === null) return "<base>";
  return typeof normalized === "string" ? normalized : normalized.join(", ");
}

/** The revisions a merge follows; null when it is not a merge (it follows one revision or none). */
export function mergedRevisions(revises: RevisionMetadata["revises"]): readonly string[] | null {
  const normalized = normalizedRevises(revises);
  return normalized === null || typeof normalized === "string" ? null : normalized;
}

/** `2026-11-22 02:40:00 UTC`. */
export function createdLine(createdAt: Date): string {
  return `${createdAt.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}
