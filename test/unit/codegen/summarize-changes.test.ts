import { describe, expect, it } from "vitest";
import { summarizeChange, summarizeChanges } from "../../../src/codegen/summarize-changes.js";
import type { Change } from "../../../src/diff/change.js";
import { FIXTURES, readJson } from "../../support/fixture-cases.js";

const { cases } = readJson<{ cases: { change: Change; summary: string }[] }>(`${FIXTURES}/codegen`, "summaries.json");

describe("summarizeChange", () => {
  it.each(cases.map(({ change, summary }) => [change.kind, summary, change] as const))("%s: %s", (_kind, summary, change) => {
    expect(summarizeChange(change)).toBe(summary);
  });

  it("keeps one line per change, in the order of the changes", () => {
    const changes = cases.map((testCase) => testCase.change);
    const lines = summarizeChanges(changes);
    expect(lines).toEqual(cases.map((testCase) => testCase.summary));
    for (const line of lines) expect(line).not.toMatch(/[\n\r\u2028\u2029]/u);
  });
});
