import { describe, expect, it } from "vitest";
import { MARKDOWN_LIMIT, renderMarkdown } from "../../../../src/cli/report/render-markdown.js";
import type { Report, ReportItem, ReportSection } from "../../../../src/cli/report/report.js";
import { FIXTURES, readJson } from "../../../support/fixture-cases.js";

/** GitHub refuses a comment longer than this. */
const GITHUB_COMMENT_LIMIT = 65_536;

const escapes = readJson<Report>(`${FIXTURES}/report/escapes`, "report.json");

/** The text with its code spans and fenced blocks taken out: what GitHub reads mentions in. */
function outsideCode(markdown: string): string {
  return markdown.replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1$/gmu, "").replace(/(`+)[\s\S]*?\1/gu, "");
}

function section(items: readonly ReportItem[], sql: readonly string[], detail: string | null = null): ReportSection {
  const status = items.some((item) => item.destructive) ? "destructive" : "changes";
  return { title: "models against the migrations at 2b3c4d5e6f7a", status, detail, items, sql, unsupported: [] };
}

function change(i: number, destructive = false): ReportItem {
  const text = `add column public.events.column_${i} (character varying(64))`;
  return { text, warnings: destructive ? [`DATA LOSS: drops column public.events.old_${i}.`] : [], destructive, location: { file: "/repo/schema/events.ts", line: i } };
}

/** `count` statements of several lines each, numbered so that a cut one would show. */
function statements(count: number): readonly string[] {
  return Array.from({ length: count }, (_, i) => `ALTER TABLE public.events\n    ADD COLUMN column_${i} character varying(64)\n    DEFAULT 'statement ${i}';`);
}

/** The statements inside the comment's SQL block, each ending at a line that ends in `;`. */
function shownStatements(markdown: string): readonly string[] {
  const block = /^```sql\n([\s\S]*?)\n```$/mu.exec(markdown)?.[1];
  return block === undefined ? [] : block.split(/(?<=;)\n/u);
}

describe("renderMarkdown mentions", () => {
  it("mentions no one: every @ outside code is followed by a zero-width space", () => {
    const markdown = renderMarkdown(escapes, "/repo");
    const text = outsideCode(markdown);
    expect(text).toContain("@&#8203;org/team");
    expect(text).toContain("@&#8203;octocat");
    expect(text).toContain("@&#8203;ops-team");
    expect(text.match(/@(?!&#8203;)/gu)).toBeNull();
  });

  it("leaves an @ in code alone, where GitHub mentions no one and an entity would show as it is", () => {
    expect(renderMarkdown(escapes, "/repo")).toContain("`` `starts with a backtick @not-a-mention-in-code ``");
  });
});

describe("renderMarkdown size", () => {
  it("leaves room for check's and verify's comments in one GitHub comment, as the workflow posts them", () => {
    expect(2 * MARKDOWN_LIMIT + 200).toBeLessThan(GITHUB_COMMENT_LIMIT);
  });

  it("cuts the SQL first, whole statements at a time, and says how many are left out", () => {
    const all = statements(400);
    const report: Report = { command: "check", sections: [section([change(1), change(2, true)], all)] };
    const markdown = renderMarkdown(report, "/repo");
    expect(all.join("\n").length).toBeGreaterThan(MARKDOWN_LIMIT);
    expect(markdown.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(markdown.startsWith("<!-- tidemark:check -->\n## ⚠️ tidemark check: 2 changes (1 destructive)\n")).toBe(true);
    const shown = shownStatements(markdown);
    expect(shown.length).toBeGreaterThan(100);
    expect(shown).toEqual(all.slice(0, shown.length));
    expect(markdown).toContain(`<summary>SQL (${shown.length} of 400 statements)</summary>`);
    expect(markdown).toContain(`… ${400 - shown.length} more statements not shown.`);
    expect(markdown).toContain("- **destructive** `add column public.events.column_2 (character varying(64))`");
    expect(markdown.endsWith("run the same `tidemark check` with `--format text` for every change, or `--format json` for everything, the SQL included.")).toBe(true);
  });

  it("shows as many statements as fit: one more would not", () => {
    const report: Report = { command: "diff", sections: [section([], statements(50))] };
    const full = renderMarkdown(report, "/repo", Infinity);
    const limit = Math.floor(full.length / 2);
    const cut = renderMarkdown(report, "/repo", limit);
    const shown = shownStatements(cut).length;
    expect(cut.length).toBeLessThanOrEqual(limit);
    expect(shown).toBeGreaterThan(0);
    const oneMore = cut.replace(statements(50)[shown - 1] ?? "", `${statements(50)[shown - 1] ?? ""}\n${statements(50)[shown] ?? ""}`);
    expect(oneMore.length).toBeGreaterThan(limit);
  });

  it("then cuts the lists, keeping the destructive changes, and shows no SQL", () => {
    const items = Array.from({ length: 2000 }, (_, i) => change(i, i === 1500));
    const report: Report = { command: "diff", sections: [section(items, statements(2000))] };
    const markdown = renderMarkdown(report, "/repo");
    expect(markdown.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(markdown).not.toContain("```sql");
    expect(markdown).toContain("… 2000 statements not shown.");
    const listed = markdown.split("\n").filter((line) => line.startsWith("- "));
    expect(listed.length).toBeGreaterThan(100);
    expect(listed[listed.length - 1]).toBe("- **destructive** `add column public.events.column_1500 (character varying(64))` in `schema/events.ts:1500`");
    expect(listed.slice(0, -1)).toEqual(items.slice(0, listed.length - 1).map((item) => `- \`${item.text}\` in \`schema/events.ts:${item.location?.line}\``));
    expect(markdown).toContain(`… ${2000 - listed.length} more changes not shown.`);
    expect(markdown.endsWith("run the same `tidemark diff` with `--format summary` for every change, or `--format sql` for every statement.")).toBe(true);
  });

  it("keeps the marker, the heading and the verdict when one section's message alone is over the limit", () => {
    const report: Report = {
      command: "verify",
      sections: [
        { ...section([], []), title: "one head", status: "ok", detail: "head: 3c4d5e6f7a8b" },
        { ...section([], []), title: "upgrade base → head (1 migration)", status: "failed", detail: `up of 3c4d5e6f7a8b failed: ${"x".repeat(MARKDOWN_LIMIT)}` },
      ],
    };
    const markdown = renderMarkdown(report, "/repo");
    expect(markdown.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(markdown.split("\n\n")).toEqual([
      "<!-- tidemark:verify -->\n## ❌ tidemark verify: 1 step passed, 1 failed",
      "✅ **one head**: ok\n> head: 3c4d5e6f7a8b",
      "… the rest of this report is not shown.",
      "This comment was cut to stay under GitHub's size limit: run the same `tidemark verify` with `--format text` for every change, or `--format json` for everything, the SQL included.",
    ]);
  });
});
