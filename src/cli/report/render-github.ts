import type { Report } from "./report.js";

/** GitHub workflow commands (`::error file=...,line=...::...`), on the model files where known. */
export function renderGithub(report: Report, cwd: string): string {
  void cwd;
  return JSON.stringify(report); // STUB: replaced by the report helper
}
