import type { VerifyProgress } from "../commands/verify-result.js";
import { openProject } from "../commands/open-project.js";
import { verifyProject } from "../commands/verify.js";
import type { CommandContext } from "./command-spec.js";
import type { ExitCode } from "./exit-codes.js";
import { formatOption, projectInput, stringValue } from "./option-values.js";
import { renderReport } from "./report/render-report.js";
import { REPORT_FORMATS, reportExitCode } from "./report/report.js";
import { UsageError } from "./usage-error.js";
import { verifyReport } from "./verify-report.js";

/** `tidemark verify`: see verifyCommand for its options. */
export async function runVerify(context: CommandContext): Promise<ExitCode> {
  if (context.positionals.length > 0) {
    throw new UsageError(`Unexpected argument '${context.positionals[0] ?? ""}' (to start at a revision, use --from).`, "verify");
  }
  const format = formatOption(context, "verify", REPORT_FORMATS);
  context.progress.phase("reading the config");
  const project = await openProject(projectInput(context));
  // A line per step goes to stderr, and only when someone watches a terminal: stdout is the report.
  const watched = format === "text" && context.interactive;
  const onProgress = (event: VerifyProgress) => {
    context.progress.phase(progressPhase(event));
    if (watched) context.out.error(progressLine(event));
  };
  context.progress.phase("reading the migrations, starting a scratch database");
  const result = await verifyProject(project, { from: stringValue(context.values["from"]), onProgress });
  const report = await verifyReport(result, project.config, context.cwd);
  context.out.print(renderReport(report, format, { color: context.color === true, cwd: context.cwd }).trimEnd());
  return reportExitCode(report) satisfies ExitCode;
}

/** The spinner's phase: `up 1a2b3c4d5e6f (add users)`, `comparing the models with the schema at head`. */
function progressPhase(event: VerifyProgress): string {
  if (event.revision === null) return "comparing the models with the schema at head";
  const what = `${event.revision.revision} (${event.revision.message || "no message"})`;
  switch (event.phase) {
    case "from":
      return `upgrading to ${what}`;
    case "up":
      return `up ${what}`;
    case "models":
      return "comparing the models with the schema at head";
    case "down":
      return `down ${what}, comparing the schema with before its up`;
    case "again":
      return `up again ${what}, comparing with its first up`;
    default: {
      const unknown: never = event.phase;
      throw new Error(`unknown verify phase ${String(unknown)}`);
    }
  }
}

function progressLine(event: VerifyProgress): string {
  const what = event.revision === null ? "comparing the models with the schema at head" : `${event.revision.revision}  ${event.revision.message}`;
  return `${event.phase.padEnd(7)}${what}`;
}
