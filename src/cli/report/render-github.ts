import type { SourceLocation } from "../../model/model-locations.js";
import type { Report, ReportSection } from "./report.js";
import { relativeFile, verdict } from "./report-summary.js";

/**
 * GitHub Actions workflow commands, one per line, which the runner turns into annotations: an
 * error for each change, on its model file and line when known (paths relative to `cwd`, the
 * repository root in CI), a warning for each of its warnings at the same place, an error for a
 * step that failed (its detail as the message, over several lines if it has them), a warning for
 * each unsupported object that differs; skipped steps are left out. When there is nothing to
 * annotate, one notice gives the verdict. A change's title names the command and its section.
 */
export function renderGithub(report: Report, cwd: string): string {
  const lines = report.sections.flatMap((section) => sectionCommands(report.command, section, cwd));
  if (lines.length > 0) return lines.join("\n");
  return workflowCommand("notice", { title: `tidemark ${report.command}` }, verdict(report));
}

function sectionCommands(command: Report["command"], section: ReportSection, cwd: string): readonly string[] {
  const title = `tidemark ${command}: ${section.title}`;
  const lines: string[] = [];
  if (section.status === "failed") {
    const message = section.detail === null ? `${section.title}: failed` : `${section.title}: ${section.detail.trimEnd()}`;
    lines.push(workflowCommand("error", { title: `tidemark ${command}` }, message));
  }
  for (const item of section.items) {
    const where = place(item.location, cwd);
    lines.push(workflowCommand("error", { ...where, title }, item.text));
    for (const warning of item.warnings) lines.push(workflowCommand("warning", { ...where, title }, warning));
  }
  for (const name of section.unsupported) {
    lines.push(workflowCommand("warning", { title }, `unsupported: ${name} differs; tidemark does not manage it, so it is not planned`));
  }
  return lines;
}

function place(location: SourceLocation | null, cwd: string): Readonly<Record<string, string>> {
  return location === null ? {} : { file: relativeFile(location, cwd), line: String(location.line) };
}

/** `::name key=value,key=value::message`, escaped as the runner unescapes (actions/toolkit's command.ts). */
export function workflowCommand(name: string, properties: Readonly<Record<string, string>>, message: string): string {
  const pairs = Object.entries(properties).map(([key, value]) => `${key}=${escapeProperty(value)}`);
  return `::${name}${pairs.length > 0 ? ` ${pairs.join(",")}` : ""}::${escapeData(message)}`;
}

/** A message: `%`, CR and LF would end or change the command. */
export function escapeData(text: string): string {
  return text.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}

/** A property value: also `:` (ends the properties) and `,` (separates them). */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");
}
