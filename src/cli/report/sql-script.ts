import type { ReportSection } from "./report.js";

/**
 * A section as a script for psql (`diff --format sql`): each warning a reviewer must read as a
 * `-- WARNING: ...` comment first, then the statements, each ending in `;`. The empty string when
 * there is nothing to say, so that `diff` prints nothing at all when nothing differs. Objects
 * tidemark does not manage are not mentioned: no SQL is written for them (the CLI names them on
 * stderr). Pure.
 */
export function sqlScript(section: Pick<ReportSection, "items" | "sql">): string {
  const warnings = section.items.flatMap((item) => item.warnings.map((warning) => sqlComment(`WARNING: ${warning}`)));
  const lines = [...warnings, ...(warnings.length > 0 && section.sql.length > 0 ? [""] : []), ...section.sql];
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

/** `text` as SQL comment lines: every line of it behind `-- `, so that none of it can run. */
export function sqlComment(text: string): string {
  return text
    .split(/\r\n|[\n\r\u2028\u2029\u0085\v\f]/)
    .map((line) => `-- ${line}`.trimEnd())
    .join("\n");
}
