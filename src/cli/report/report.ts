import type { SourceLocation } from "../../model/model-locations.js";
import { EXIT, type ExitCode } from "../exit-codes.js";

/**
 * What `check`, `diff` and `verify` found, in one shape that every output format renders: text for
 * a terminal, JSON for scripts, GitHub workflow annotations, markdown for a pull-request comment.
 */
export interface Report {
  readonly command: "check" | "diff" | "verify";
  readonly sections: readonly ReportSection[];
}

/** One comparison or one step: models against the migrations, a revision's down, ... */
export interface ReportSection {
  /** What was compared or done, as a heading: `models against the migrations at 1a2b3c4d5e6f`. */
  readonly title: string;
  readonly status: SectionStatus;
  /** One more line when the status needs one: the error of a failed step, why one was skipped. */
  readonly detail: string | null;
  readonly items: readonly ReportItem[];
  /** Statements that take one side to the other, each ending in `;` (none when nothing differs). */
  readonly sql: readonly string[];
  /** Objects tidemark does not manage that differ, `kind schema.name`: named, never planned. */
  readonly unsupported: readonly string[];
}

/**
 * ok: nothing differs. changes: something differs (drift, a pending change, a down that leaves
 * something behind). destructive: a change drops data. failed: a step could not run (detail says
 * why). skipped: not run, because an earlier step failed.
 */
export type SectionStatus = "ok" | "changes" | "destructive" | "failed" | "skipped";

/** One change, as a reviewer reads it. */
export interface ReportItem {
  /** One line: `add column "phone" to public.users (text)`. */
  readonly text: string;
  /** What a human must look at, without a `WARNING: ` prefix. */
  readonly warnings: readonly string[];
  /** The change drops data: a table, a column, values a narrower type cannot hold. */
  readonly destructive: boolean;
  /** The model file and line the change is about, when there is one (for annotations). */
  readonly location: SourceLocation | null;
}

/** How a report is printed, beside its format. */
export interface RenderOptions {
  /** ANSI colors: only on a terminal, never with NO_COLOR (see colorEnabled). */
  readonly color: boolean;
  /** Paths in annotations and text are shown relative to this folder (the repository root in CI). */
  readonly cwd: string;
}

export const REPORT_FORMATS = ["text", "json", "github", "markdown"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * The exit code: 1 when a step failed, else 3 when a change is destructive (`check` and `verify`
 * only: `diff` reports differences, it does not judge them), 2 when anything differs, 0 when
 * nothing does.
 */
export function reportExitCode(report: Report): ExitCode {
  const statuses = new Set(report.sections.map((section) => section.status));
  if (statuses.has("failed")) return EXIT.error;
  if (statuses.has("destructive")) return report.command === "diff" ? EXIT.changes : EXIT.destructive;
  if (statuses.has("changes")) return EXIT.changes;
  return EXIT.ok;
}
