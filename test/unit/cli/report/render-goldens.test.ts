import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderGithub } from "../../../../src/cli/report/render-github.js";
import { renderMarkdown } from "../../../../src/cli/report/render-markdown.js";
import { renderText } from "../../../../src/cli/report/render-text.js";
import type { Report } from "../../../../src/cli/report/report.js";
import { fixtureCases, readJson, readText } from "../../../support/fixture-cases.js";

/** The paths in the fixtures' locations are under this folder, as a repository checked out in CI. */
const CWD = "/repo";

/** `fixtures/report/<case>/`: a report.json, and what each format prints for it, as read by a person. */
const cases = fixtureCases("report").filter(({ dir }) => existsSync(join(dir, "report.json")));

const RENDERERS = {
  "expected.txt": (report: Report) => renderText(report, { color: false, cwd: CWD }),
  "expected.github": (report: Report) => renderGithub(report, CWD),
  "expected.md": (report: Report) => renderMarkdown(report, CWD),
} as const;

describe("report goldens", () => {
  it("has the cases the formats must cover", () => {
    expect(cases.map(({ name }) => name)).toEqual(["changes", "destructive", "escapes", "failed-and-skipped", "ok", "unsupported"]);
  });

  for (const { name, dir } of cases) {
    for (const [file, render] of Object.entries(RENDERERS)) {
      it(`${name}: ${file}`, () => {
        const report = readJson<Report>(dir, "report.json");
        // The CLI prints the text with a newline after it; the files end with one.
        expect(`${render(report)}\n`).toBe(readText(dir, file));
      });
    }
  }
});
