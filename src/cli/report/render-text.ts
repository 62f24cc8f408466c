import { singleLine } from "../../codegen/display-name.js";
import { paint, type Paint } from "../colors.js";
import type { RenderOptions, Report, ReportSection } from "./report.js";
import { detailLines, locationText, sectionCount, verdict } from "./report-summary.js";

/**
 * For a terminal: each section's heading (a mark, its title, a count), the line that says why it
 * failed or was skipped, its changes with their warnings and model lines, the unsupported objects
 * that differ; then one line with the verdict. SQL is left to `diff --format sql` and the other
 * formats. Colors only through `paint`, so NO_COLOR and pipes get plain text.
 */
export function renderText(report: Report, options: RenderOptions): string {
  const style = paint(options.color);
  const lines = report.sections.flatMap((section) => sectionLines(section, style, options.cwd));
  return [...lines, ...(lines.length > 0 ? [""] : []), style.bold(verdict(report))].join("\n");
}

function sectionLines(section: ReportSection, style: Paint, cwd: string): readonly string[] {
  const title = singleLine(section.title);
  if (section.status === "skipped") {
    return [style.dim(`– ${title}: skipped`), ...detailLines(section.detail).map((line) => style.dim(`  ${line}`))];
  }
  const mark = section.status === "ok" ? style.green("✓") : style.red("✗");
  const lines = [`${mark} ${style.bold(title)}: ${sectionCount(section)}`, ...detailLines(section.detail).map((line) => `  ${line}`)];
  for (const item of section.items) {
    const where = item.location === null ? "" : style.dim(` in ${locationText(item.location, cwd)}`);
    const text = item.destructive ? style.red(singleLine(item.text)) : singleLine(item.text);
    lines.push(`  - ${text}${where}`);
    for (const warning of item.warnings) lines.push(`    ${style.yellow(`WARNING: ${singleLine(warning)}`)}`);
  }
  for (const name of section.unsupported) lines.push(`  ${style.yellow("unsupported:")} ${singleLine(name)}`);
  return lines;
}
