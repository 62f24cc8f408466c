import { relative } from "node:path";
import type { MigrationMeta } from "../runner/migration-meta.js";

/** What a revision's line can be marked with. */
export interface RevisionMarks {
  readonly head?: boolean;
  readonly branchPoint?: boolean;
  readonly mergePoint?: boolean;
  readonly current?: boolean;
}

/** Alembic's history line: `parent -> revision (head), message`. */
export function revisionLine(meta: MigrationMeta, marks: RevisionMarks = {}): string {
  const parents = meta.revises.length === 0 ? "<base>" : meta.revises.join(", ");
  const flags = [
    marks.head ? "head" : "",
    marks.branchPoint ? "branchpoint" : "",
    marks.mergePoint || meta.revises.length > 1 ? "mergepoint" : "",
    marks.current ? "current" : "",
  ].filter(Boolean);
  const labels = meta.branchLabels.length === 0 ? "" : ` (${meta.branchLabels.join(", ")})`;
  return `${parents} -> ${meta.revision}${labels}${flags.length ? ` (${flags.join(") (")})` : ""}, ${meta.message || "(no message)"}`;
}

/** Every field of a revision, for `show` and `--verbose`; the path relative to `cwd`. */
export function revisionDetails(meta: MigrationMeta, marks: RevisionMarks, cwd: string): string {
  const flags = [marks.head ? "head" : "", marks.current ? "current" : ""].filter(Boolean);
  return [
    `Rev: ${meta.revision}${flags.length ? ` (${flags.join(", ")})` : ""}`,
    `Parent: ${meta.revises.length === 0 ? "<base>" : meta.revises.join(", ")}`,
    ...(meta.branchLabels.length ? [`Branch names: ${meta.branchLabels.join(", ")}`] : []),
    ...(meta.dependsOn.length ? [`Also depends on: ${meta.dependsOn.join(", ")}`] : []),
    ...(meta.transactional ? [] : ["Transactional: no"]),
    `Path: ${relative(cwd, meta.file)}`,
    "",
    `    ${meta.message || "(no message)"}`,
  ].join("\n");
}

/** The JSON a script reads for one revision. */
export function revisionJson(meta: MigrationMeta, marks: RevisionMarks = {}): Record<string, unknown> {
  return {
    revision: meta.revision,
    revises: meta.revises,
    branchLabels: meta.branchLabels,
    dependsOn: meta.dependsOn,
    transactional: meta.transactional,
    message: meta.message,
    file: meta.file,
    ...marks,
  };
}

/** Revisions as text, one line each, or every field of each with `verbose`; `empty` when there are none. */
export function revisionsText(
  metas: readonly MigrationMeta[],
  marks: (meta: MigrationMeta) => RevisionMarks,
  options: { readonly verbose: boolean; readonly cwd: string; readonly empty: string },
): string {
  if (metas.length === 0) return options.empty;
  const lines = metas.map((meta) => (options.verbose ? revisionDetails(meta, marks(meta), options.cwd) : revisionLine(meta, marks(meta))));
  return lines.join(options.verbose ? "\n\n" : "\n");
}
