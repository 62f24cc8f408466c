import { describe, expect, it } from "vitest";
import { colorEnabled } from "../../../../src/cli/colors.js";
import { renderText } from "../../../../src/cli/report/render-text.js";
import type { Report } from "../../../../src/cli/report/report.js";
import { FIXTURES, readJson } from "../../../support/fixture-cases.js";

const ANSI = /\u001b\[/u;
const destructive = readJson<Report>(`${FIXTURES}/report/destructive`, "report.json");

describe("renderText colors", () => {
  it("colors the marks, the destructive changes and the warnings on a terminal", () => {
    const text = renderText(destructive, { color: true, cwd: "/repo" });
    expect(text).toMatch(ANSI);
    expect(text).toContain("\u001b[31m✗\u001b[39m");
    expect(text).toContain("\u001b[32m✓\u001b[39m");
    expect(text).toContain("\u001b[33mWARNING: DATA LOSS: drops column public.users.legacy_code;");
    expect(text).toContain("\u001b[31mdrop column public.users.legacy_code\u001b[39m");
  });

  it("prints the same words with colors off, and no escape codes at all", () => {
    const colored = renderText(destructive, { color: true, cwd: "/repo" });
    const plain = renderText(destructive, { color: false, cwd: "/repo" });
    expect(plain).not.toMatch(ANSI);
    expect(colored.replace(/\u001b\[\d+m/gu, "")).toBe(plain);
  });

  it("shows escape codes in names as text, so a name cannot color or move the terminal", () => {
    const report: Report = {
      command: "diff",
      sections: [{
        title: "a\u001b[2J", status: "changes", detail: "x\u001b[31my", sql: [], unsupported: ["function public.\u001b[1mf()"],
        items: [{ text: "drop table public.\u001b[31mred", warnings: ["w\u001b[0m"], destructive: false, location: null }],
      }],
    };
    const plain = renderText(report, { color: false, cwd: "/" });
    expect(plain).not.toMatch(ANSI);
    expect(plain).toContain("drop table public.\\u001b[31mred");
  });

  it("is on only on a terminal, and off when NO_COLOR is set to anything but the empty string", () => {
    expect(colorEnabled(true, {})).toBe(true);
    expect(colorEnabled(false, {})).toBe(false);
    expect(colorEnabled(true, { NO_COLOR: "1" })).toBe(false);
    expect(colorEnabled(true, { NO_COLOR: "" })).toBe(true);
  });

  it("is forced by FORCE_COLOR (over NO_COLOR and a pipe), unless it is 0 or false; TERM=dumb turns it off", () => {
    expect(colorEnabled(false, { FORCE_COLOR: "1" })).toBe(true);
    expect(colorEnabled(true, { FORCE_COLOR: "1", NO_COLOR: "1" })).toBe(true);
    expect(colorEnabled(true, { FORCE_COLOR: "0" })).toBe(false);
    expect(colorEnabled(true, { FORCE_COLOR: "false" })).toBe(false);
    expect(colorEnabled(false, { FORCE_COLOR: "" })).toBe(false);
    expect(colorEnabled(true, { TERM: "dumb" })).toBe(false);
    expect(colorEnabled(false, { TERM: "dumb", FORCE_COLOR: "1" })).toBe(true);
  });
});
