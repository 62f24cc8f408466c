import { EXIT } from "../exit-codes.js";
import type { Report, ReportItem, ReportSection, SectionStatus } from "./report.js";
import { reportExitCode } from "./report.js";
import { detailLines, locationText, plural, sectionCount, verdict } from "./report-summary.js";

/**
 * A pull-request comment. Its first line is a marker, `<!-- tidemark:check -->`, by which a
 * workflow finds the comment it posted before and edits it instead of adding another. Then a
 * heading with the verdict (✅ nothing differs, ❌ a step failed, ⚠️ a change loses data, ❌ anything else), and
 * per section: its title and count, the changes as a list (each in code, with its model file and
 * line) with their warnings nested under them, the unsupported objects, and the SQL in a collapsed block.
 * Names are shown in code or escaped, so that no name can break the layout.
 */
export function renderMarkdown(report: Report, cwd: string): string {
  const heading = verdict(report).replace(/\.$/u, "");
  const blocks = [`<!-- tidemark:${report.command} -->\n## ${verdictMark(report)} tidemark ${escapeMarkdown(heading)}`];
  for (const section of report.sections) blocks.push(...sectionBlocks(section, cwd));
  return blocks.join("\n\n");
}

function verdictMark(report: Report): string {
  const code = reportExitCode(report);
  if (code === EXIT.ok) return "✅";
  if (code === EXIT.error) return "❌";
  return report.sections.some((section) => section.status === "destructive") ? "⚠️" : "❌";
}

const STATUS_MARKS: Readonly<Record<SectionStatus, string>> = { ok: "✅", changes: "❌", destructive: "⚠️", failed: "❌", skipped: "⏭️" };

function sectionBlocks(section: ReportSection, cwd: string): readonly string[] {
  const heading = [`${STATUS_MARKS[section.status]} **${escapeMarkdown(section.title)}**: ${sectionCount(section)}`];
  // Lines of a quote run together unless broken: `<br>` keeps an error's lines apart.
  const detail = detailLines(section.detail).map((line) => `> ${escapeMarkdown(line)}`);
  if (detail.length > 0) heading.push(detail.join("<br>\n"));
  const blocks = [heading.join("\n")];
  if (section.items.length > 0) blocks.push(section.items.map((item) => itemLines(item, cwd)).join("\n"));
  if (section.unsupported.length > 0) {
    blocks.push(["Unsupported objects that differ (not planned):", ...section.unsupported.map((name) => `- ${inlineCode(name)}`)].join("\n"));
  }
  if (section.sql.length > 0) blocks.push(sqlBlock(section.sql));
  return blocks;
}

function itemLines(item: ReportItem, cwd: string): string {
  const where = item.location === null ? "" : ` in ${inlineCode(locationText(item.location, cwd))}`;
  const lines = [`- ${item.destructive ? "**destructive** " : ""}${inlineCode(item.text)}${where}`];
  for (const warning of item.warnings) lines.push(`  - **WARNING** ${escapeMarkdown(warning)}`);
  return lines.join("\n");
}

/** The statements in a collapsed block, fenced so that no backticks in them can close it. */
function sqlBlock(sql: readonly string[]): string {
  const text = sql.join("\n");
  const longest = Math.max(0, ...[...text.matchAll(/`+/gu)].map((run) => run[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return [`<details><summary>SQL (${plural(sql.length, "statement")})</summary>`, "", `${fence}sql`, text, fence, "", "</details>"].join("\n");
}

/**
 * Inline code that holds any text: a backtick run longer than any in the text, padded with a
 * space where the text starts or ends with a backtick (CommonMark strips one space each side);
 * line breaks become spaces. A `|` needs nothing here: the comment has no tables, and a backslash
 * inside code would be shown as it is.
 */
export function inlineCode(text: string): string {
  const flat = text.replace(/\r?\n|\r/gu, " ");
  const longest = Math.max(0, ...[...flat.matchAll(/`+/gu)].map((run) => run[0].length));
  const ticks = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${ticks}${pad}${flat}${pad}${ticks}`;
}

/** Text with every character markdown or HTML could read as markup escaped by a backslash. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r?\n|\r/gu, " ").replace(/[\\`*_[\]<>|~&#!]/gu, (char) => `\\${char}`);
}
