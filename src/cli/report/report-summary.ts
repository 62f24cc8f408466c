import { relative, sep } from "node:path";
import { singleLine } from "../../codegen/display-name.js";
import type { SourceLocation } from "../../model/model-locations.js";
import type { Report, ReportSection } from "./report.js";

/*
 * The words every human-readable format shares: a section's count, the run's one-line verdict,
 * and where a change is, so that the terminal, the annotations and the comment say the same.
 */

/** `2 changes, 1 destructive, 1 unsupported`; `ok` when nothing differs; `failed`, `skipped`. */
export function sectionCount(section: ReportSection): string {
  switch (section.status) {
    case "failed":
      return "failed";
    case "skipped":
      return "skipped";
    case "ok":
    case "changes":
    case "destructive": {
      if (section.items.length === 0 && section.unsupported.length === 0) return "ok";
      const destructive = section.items.filter((item) => item.destructive).length;
      const parts = [
        ...(section.items.length > 0 ? [plural(section.items.length, "change")] : []),
        ...(destructive > 0 ? [`${destructive} destructive`] : []),
        ...(section.unsupported.length > 0 ? [`${section.unsupported.length} unsupported`] : []),
      ];
      return parts.join(", ");
    }
    default: {
      const unknown: never = section.status;
      throw new Error(`unknown section status ${String(unknown)}`);
    }
  }
}

/**
 * One line for the whole run, worded for its command: `check: everything is in step.`,
 * `check: 2 changes (1 destructive).`, `diff: nothing differs.`, `verify: all 5 steps passed.`,
 * `verify: 1 step passed, 1 failed, 3 skipped.`, `verify: 3 steps passed, 1 differed, 1 skipped.`
 * Every count agrees with its noun, whatever it is.
 */
export function verdict(report: Report): string {
  const { sections } = report;
  const count = (statuses: readonly ReportSection["status"][]) => sections.filter((section) => statuses.includes(section.status)).length;
  const failed = count(["failed"]);
  const skipped = count(["skipped"]);
  if (report.command === "verify") return `verify: ${verifyVerdict(sections.length, failed, count(["changes", "destructive"]), skipped)}.`;
  const items = sections.flatMap((section) => section.items);
  const destructive = items.filter((item) => item.destructive).length;
  const unsupported = sections.reduce((total, section) => total + section.unsupported.length, 0);
  // "step" in full each time: `2 changes, 1 skipped` would read as a change that was skipped.
  const parts = [
    ...(failed > 0 ? [`${plural(failed, "step")} failed`] : []),
    ...(items.length > 0 ? [`${plural(items.length, "change")}${destructive > 0 ? ` (${destructive} destructive)` : ""}`] : []),
    ...(unsupported > 0 ? [`${plural(unsupported, "unsupported object")} that differ${unsupported === 1 ? "s" : ""}`] : []),
    ...(skipped > 0 ? [`${plural(skipped, "step")} skipped`] : []),
  ];
  if (parts.length > 0) return `${report.command}: ${parts.join(", ")}.`;
  return report.command === "check" ? "check: everything is in step." : "diff: nothing differs.";
}

/**
 * `1 step passed, 1 failed, 3 skipped`: the first count names its steps, the others follow it,
 * and each is a verb, so that no count reads as a number of things (`1 found differences`).
 */
function verifyVerdict(steps: number, failed: number, differed: number, skipped: number): string {
  if (steps === 0) return "nothing to verify";
  const passed = steps - failed - differed - skipped;
  if (passed === steps) return steps === 1 ? "the step passed" : `all ${steps} steps passed`;
  const counts = [
    { count: passed, verb: "passed" },
    { count: failed, verb: "failed" },
    { count: differed, verb: "differed" },
    { count: skipped, verb: "skipped" },
  ].filter(({ count }) => count > 0);
  return counts.map(({ count, verb }, i) => (i === 0 ? `${plural(count, "step")} ${verb}` : `${count} ${verb}`)).join(", ");
}

/** `3 changes`, `1 change`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** The file relative to `cwd`, with `/` between folders on every system (as GitHub wants it). */
export function relativeFile(location: SourceLocation, cwd: string): string {
  return relative(cwd, location.file).split(sep).join("/");
}

/** `schema/blog.ts:14`. */
export function locationText(location: SourceLocation, cwd: string): string {
  return `${relativeFile(location, cwd)}:${location.line}`;
}

/** A detail as lines, each one line of text whatever it holds (control characters shown as escapes). */
export function detailLines(detail: string | null): readonly string[] {
  if (detail === null) return [];
  return detail.split(/\r?\n/u).map((line) => singleLine(line).trimEnd()).filter((line) => line !== "");
}
