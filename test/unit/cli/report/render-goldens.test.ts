import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderGithub } from "../../../../src/cli/report/render-github.js";
import { renderJson } from "../../../../src/cli/report/render-json.js";
import { renderMarkdown } from "../../../../src/cli/report/render-markdown.js";
import { renderText } from "../../../../src/cli/report/render-text.js";
import type { Report } from "../../../../src/cli/report/report.js";
import { verifyReport } from "../../../../src/cli/verify-command.js";
import type { VerifyResult } from "../../../../src/commands/verify-result.js";
import { fixtureCases, readJson, readText } from "../../../support/fixture-cases.js";

/** The paths in the fixtures' locations are under this folder, as a repository checked out in CI. */
const CWD = "/repo";

/** The project a verify-result.json was found in (no model is read: its models check did not compare). */
const VERIFY_CONFIG = { root: CWD, schemaGlobs: ["schema/*.ts"], migrationsDir: `${CWD}/migrations`, casing: undefined };

/**
 * `fixtures/report/<case>/`: a report.json, or a verify-result.json that verify's own verifyReport
 * turns into the report (so that its sections cannot drift from what `verify` prints), and what
 * each format prints for it, as read by a person. Optional: expected.json (the report as JSON),
 * expected-limit-N.md (the comment cut to N characters).
 */
const cases = fixtureCases("report").filter(({ dir }) => existsSync(join(dir, "report.json")) || existsSync(join(dir, "verify-result.json")));

async function reportOf(dir: string): Promise<Report> {
  if (existsSync(join(dir, "report.json"))) return readJson<Report>(dir, "report.json");
  return verifyReport(readJson<VerifyResult>(dir, "verify-result.json"), VERIFY_CONFIG, CWD);
}

const RENDERERS = {
  "expected.txt": (report: Report) => renderText(report, { color: false, cwd: CWD }),
  "expected.github": (report: Report) => renderGithub(report, CWD),
  "expected.md": (report: Report) => renderMarkdown(report, CWD),
} as const;

/** The optional files of a case, each with what renders it. */
function optionalRenderers(dir: string): readonly (readonly [string, (report: Report) => string])[] {
  return readdirSync(dir).flatMap((file) => {
    if (file === "expected.json") return [[file, renderJson] as const];
    const limit = /^expected-limit-(\d+)\.md$/u.exec(file)?.[1];
    return limit === undefined ? [] : [[file, (report: Report) => renderMarkdown(report, CWD, Number(limit))] as const];
  });
}

describe("report goldens", () => {
  it("has the cases the formats must cover", () => {
    expect(cases.map(({ name }) => name)).toEqual(["changes", "destructive", "escapes", "failed-and-skipped", "ok", "too-long", "unsupported"]);
  });

  for (const { name, dir } of cases) {
    for (const [file, render] of [...Object.entries(RENDERERS), ...optionalRenderers(dir)]) {
      it(`${name}: ${file}`, async () => {
        const report = await reportOf(dir);
        // The CLI prints the text with a newline after it; the files end with one.
        expect(`${render(report)}\n`).toBe(readText(dir, file));
      });
    }
  }

  it("cuts the comment in the too-long case at each limit it has a file for, and to within it", async () => {
    const dir = cases.find(({ name }) => name === "too-long")?.dir ?? "";
    const limits = optionalRenderers(dir).map(([file]) => file).sort();
    expect(limits).toEqual(["expected-limit-1000.md", "expected-limit-1300.md", "expected-limit-1500.md", "expected-limit-700.md"]);
    for (const file of limits) expect(readText(dir, file).length - 1).toBeLessThanOrEqual(Number(/\d+/u.exec(file)?.[0]));
  });
});
