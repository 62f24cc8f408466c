import type { Report } from "./report.js";

/** A pull-request comment: a heading with the verdict, changes and warnings, SQL in a collapsed block. */
export function renderMarkdown(report: Report, cwd: string): string {
  void cwd;
  return JSON.stringify(report); // STUB: replaced by the report helper
}
