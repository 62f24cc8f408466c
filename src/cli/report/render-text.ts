import type { RenderOptions } from "./render-report.js";
import type { Report } from "./report.js";

/** For a terminal: each section's heading and status, its changes with their warnings. */
export function renderText(report: Report, options: RenderOptions): string {
  void options;
  return JSON.stringify(report); // STUB: replaced by the report helper
}
