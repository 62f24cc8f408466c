import { EXIT } from "../exit-codes.js";
import { allot, fitComment, type Shown } from "./fit-comment.js";
import { codeFence, escapeMarkdown, inlineCode } from "./markdown-text.js";
import type { Report, ReportItem, ReportSection, SectionStatus } from "./report.js";
import { reportExitCode } from "./report.js";
import { detailLines, locationText, plural, sectionCount, verdict } from "./report-summary.js";

/**
 * The most characters a comment is given. GitHub refuses a comment over 65,536 characters, and
 * the workflow in docs/github-actions posts check's report and verify's in one comment: each
 * keeps under half, with room for the lines the workflow adds.
 */
export const MARKDOWN_LIMIT = 30_000;

/**
 * A pull-request comment. Its first line is a marker, `<!-- tidemark:check -->`, by which a
 * workflow finds the comment it posted before and edits it instead of adding another. Then a
 * heading with the verdict (✅ nothing differs, ❌ a step failed, ⚠️ a change loses data, ❌ anything else), and
 * per section: its title and count, the changes as a list (each in code, with its model file and
 * line) with their warnings nested under them, the unsupported objects, and the SQL in a collapsed block.
 * Names are shown in code or escaped, so that no name can break the layout or mention anyone.
 *
 * A comment longer than `limit` is cut to fit (see fitComment): the SQL first, whole statements
 * at a time, then the lists; the marker, the heading and the verdict are always there.
 */
export function renderMarkdown(report: Report, cwd: string, limit: number = MARKDOWN_LIMIT): string {
  const blocks = fitComment(limit, totals(report), (shown) => commentBlocks(report, cwd, shown), cutNote(report.command));
  return blocks.join("\n\n");
}

function totals(report: Report): Shown {
  return {
    statements: report.sections.reduce((total, section) => total + section.sql.length, 0),
    entries: report.sections.reduce((total, section) => total + section.items.length + section.unsupported.length, 0),
  };
}

/** The comment as blocks, the marker and heading first, showing only the first statements and entries `shown` allows. */
function commentBlocks(report: Report, cwd: string, shown: Shown): readonly string[] {
  const heading = verdict(report).replace(/\.$/u, "");
  const statements = allot(report.sections.map((section) => section.sql.length), shown.statements);
  const entries = allot(report.sections.flatMap((section) => [section.items.length, section.unsupported.length]), shown.entries);
  const sections = report.sections.flatMap((section, i) =>
    sectionBlocks(section, cwd, { items: entries[2 * i] ?? 0, unsupported: entries[2 * i + 1] ?? 0, statements: statements[i] ?? 0 }),
  );
  return [`<!-- tidemark:${report.command} -->\n## ${verdictMark(report)} tidemark ${escapeMarkdown(heading)}`, ...sections];
}

function verdictMark(report: Report): string {
  const code = reportExitCode(report);
  if (code === EXIT.ok) return "✅";
  if (code === EXIT.error) return "❌";
  return report.sections.some((section) => section.status === "destructive") ? "⚠️" : "❌";
}

const STATUS_MARKS: Readonly<Record<SectionStatus, string>> = { ok: "✅", changes: "❌", destructive: "⚠️", failed: "❌", skipped: "⏭️" };

/** How many of a section's changes, unsupported objects and statements to show. */
interface SectionShown {
  readonly items: number;
  readonly unsupported: number;
  readonly statements: number;
}

function sectionBlocks(section: ReportSection, cwd: string, shown: SectionShown): readonly string[] {
  const heading = [`${STATUS_MARKS[section.status]} **${escapeMarkdown(section.title)}**: ${sectionCount(section)}`];
  // Lines of a quote run together unless broken: `<br>` keeps an error's lines apart.
  const detail = detailLines(section.detail).map((line) => `> ${escapeMarkdown(line)}`);
  if (detail.length > 0) heading.push(detail.join("<br>\n"));
  const blocks = [heading.join("\n")];
  const items = firstItems(section.items, shown.items);
  if (items.length > 0) blocks.push(items.map((item) => itemLines(item, cwd)).join("\n"));
  if (items.length < section.items.length) blocks.push(notShown(section.items.length, items.length, "change"));
  const unsupported = section.unsupported.slice(0, shown.unsupported);
  if (unsupported.length > 0) {
    blocks.push(["Unsupported objects that differ (not planned):", ...unsupported.map((name) => `- ${inlineCode(name)}`)].join("\n"));
  }
  if (unsupported.length < section.unsupported.length) {
    blocks.push(notShown(section.unsupported.length, unsupported.length, "unsupported object"));
  }
  if (section.sql.length > 0) blocks.push(sqlBlock(section.sql, shown.statements));
  return blocks;
}

/** `count` of the items, in their order: the destructive ones first, so that a cut list still shows what drops data. */
function firstItems(items: readonly ReportItem[], count: number): readonly ReportItem[] {
  if (count >= items.length) return items;
  const destructive = items.filter((item) => item.destructive).slice(0, count);
  const others = items.filter((item) => !item.destructive).slice(0, count - destructive.length);
  const kept = new Set([...destructive, ...others]);
  return items.filter((item) => kept.has(item));
}

function itemLines(item: ReportItem, cwd: string): string {
  const where = item.location === null ? "" : ` in ${inlineCode(locationText(item.location, cwd))}`;
  const lines = [`- ${item.destructive ? "**destructive** " : ""}${inlineCode(item.text)}${where}`];
  for (const warning of item.warnings) lines.push(`  - **WARNING** ${escapeMarkdown(warning)}`);
  return lines.join("\n");
}

/**
 * The first `count` statements in a collapsed block, fenced so that no backticks in them can
 * close it, and how many more there are when that is not all of them.
 */
function sqlBlock(sql: readonly string[], count: number): string {
  const shown = sql.slice(0, count);
  const more = shown.length < sql.length ? notShown(sql.length, shown.length, "statement") : null;
  if (shown.length === 0) return more ?? "";
  const text = shown.join("\n");
  const fence = codeFence(text);
  const summary = shown.length === sql.length ? plural(sql.length, "statement") : `${shown.length} of ${plural(sql.length, "statement")}`;
  const after = more === null ? [] : [more, ""];
  return [`<details><summary>SQL (${summary})</summary>`, "", `${fence}sql`, text, fence, "", ...after, "</details>"].join("\n");
}

/** `… 12 more statements not shown.`: what was left out of a list to fit the comment. */
function notShown(total: number, shown: number, noun: string): string {
  const hidden = plural(total - shown, noun);
  return `… ${shown === 0 ? hidden : hidden.replace(/^(\d+) /u, "$1 more ")} not shown.`;
}

/** The last line of a comment that was cut: where to see what it left out. */
function cutNote(command: Report["command"]): string {
  const cut = `This comment was cut to stay under GitHub's size limit: run the same \`tidemark ${command}\` with`;
  switch (command) {
    case "diff":
      return `${cut} \`--format summary\` for every change, or \`--format sql\` for every statement.`;
    case "check":
    case "verify":
      return `${cut} \`--format text\` for every change, or \`--format json\` for everything, the SQL included.`;
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${String(unknown)}`);
    }
  }
}
