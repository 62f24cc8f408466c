import type { Report } from "./report.js";
import { reportExitCode } from "./report.js";

/** The report as JSON for scripts: the sections as they are, with the exit code the run ends with. */
export function renderJson(report: Report): string {
  return JSON.stringify({ command: report.command, exitCode: reportExitCode(report), sections: report.sections }, null, 2);
}
