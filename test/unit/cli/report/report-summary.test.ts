import { describe, expect, it } from "vitest";
import type { Report, ReportItem, ReportSection } from "../../../../src/cli/report/report.js";
import { verdict } from "../../../../src/cli/report/report-summary.js";

function section(status: ReportSection["status"], items: readonly ReportItem[] = [], unsupported: readonly string[] = []): ReportSection {
  return { title: "t", status, detail: null, items, sql: [], unsupported };
}

function item(destructive = false): ReportItem {
  return { text: "x", warnings: [], destructive, location: null };
}

const verify = (...statuses: ReportSection["status"][]): Report => ({ command: "verify", sections: statuses.map((status) => section(status)) });

describe("verdict", () => {
  it("words verify's steps so that each count agrees with its noun, the first naming the steps", () => {
    expect(verdict(verify("ok", "ok", "ok", "ok", "ok"))).toBe("verify: all 5 steps passed.");
    expect(verdict(verify("ok"))).toBe("verify: the step passed.");
    expect(verdict(verify("ok", "failed", "skipped", "skipped", "skipped"))).toBe("verify: 1 step passed, 1 failed, 3 skipped.");
    expect(verdict(verify("failed", "skipped", "skipped", "skipped", "skipped"))).toBe("verify: 1 step failed, 4 skipped.");
    expect(verdict(verify("ok", "ok", "ok", "changes", "skipped"))).toBe("verify: 3 steps passed, 1 differed, 1 skipped.");
    expect(verdict(verify("ok", "ok", "destructive", "changes", "skipped"))).toBe("verify: 2 steps passed, 2 differed, 1 skipped.");
    expect(verdict(verify("ok", "ok", "skipped", "ok", "ok"))).toBe("verify: 4 steps passed, 1 skipped.");
    expect(verdict(verify())).toBe("verify: nothing to verify.");
  });

  it("counts check's and diff's changes, unsupported objects and steps in the singular and the plural", () => {
    const check = (...sections: ReportSection[]): Report => ({ command: "check", sections });
    expect(verdict(check(section("ok")))).toBe("check: everything is in step.");
    expect(verdict({ command: "diff", sections: [section("ok")] })).toBe("diff: nothing differs.");
    expect(verdict(check(section("changes", [item()])))).toBe("check: 1 change.");
    expect(verdict(check(section("destructive", [item(true), item()])))).toBe("check: 2 changes (1 destructive).");
    expect(verdict({ command: "diff", sections: [section("changes", [], ["function public.f()"])] })).toBe("diff: 1 unsupported object that differs.");
    expect(verdict(check(section("changes", [], ["function public.f()", "trigger public.t.g"])))).toBe("check: 2 unsupported objects that differ.");
    expect(verdict(check(section("failed"), section("skipped")))).toBe("check: 1 step failed, 1 step skipped.");
    expect(verdict(check(section("failed"), section("failed"), section("skipped"), section("skipped")))).toBe("check: 2 steps failed, 2 steps skipped.");
  });
});
