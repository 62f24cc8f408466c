import { checkProject, type CheckComparison, type CheckOptions } from "../commands/check.js";
import { openProject } from "../commands/open-project.js";
import { readModelLocations, type ModelLocations } from "../model/model-locations.js";
import type { CommandContext } from "./command-spec.js";
import type { ExitCode } from "./exit-codes.js";
import { formatOption, projectInput, stringValue } from "./option-values.js";
import { differenceSection } from "./report/difference-section.js";
import { renderReport } from "./report/render-report.js";
import { REPORT_FORMATS, reportExitCode, type Report, type ReportSection } from "./report/report.js";
import { UsageError } from "./usage-error.js";

/** `tidemark check`: see checkCommand for its options. */
export async function runCheck(context: CommandContext): Promise<ExitCode> {
  if (context.positionals.length > 0) throw new UsageError(`Unexpected argument '${context.positionals[0] ?? ""}'.`, "check");
  const format = formatOption(context, "check", REPORT_FORMATS);
  const options: CheckOptions = { against: againstOption(context), dbDrift: context.values["db-drift"] === true };
  context.progress.phase("reading the config");
  const project = await openProject(projectInput(context));
  context.progress.phase(checkPhase(options));
  const result = await checkProject(project, options);
  context.progress.phase("locating the changes in the model files");
  const locations = await readModelLocations(project.config.root, project.config.schemaGlobs, { casing: project.config.casing });
  const report: Report = { command: "check", sections: result.comparisons.map((comparison) => checkSection(comparison, locations)) };
  context.out.print(renderReport(report, format, { color: context.color ?? false, cwd: context.cwd }).trimEnd());
  return reportExitCode(report);
}

/** What check is doing while it compares: `comparing the models with the migrations (replayed in a scratch database)`. */
function checkPhase(options: CheckOptions): string {
  const models = options.against === "db" ? "comparing the models with the database" : "comparing the models with the migrations (replayed in a scratch database)";
  return options.dbDrift ? `${models}, and the database with its migrations` : models;
}

function againstOption(context: CommandContext): CheckOptions["against"] {
  const value = stringValue(context.values["against"]);
  if (value === "migrations" || value === "db") return value;
  throw new UsageError(`Unknown --against '${String(value)}': use migrations or db.`, "check");
}

/**
 * A comparison as a report section, with a line that says what it means and what to do. Drift is
 * never `destructive`: what was done by hand is reported, not judged (exit 2, not 3).
 */
export function checkSection(comparison: CheckComparison, locations: ModelLocations): ReportSection {
  switch (comparison.kind) {
    case "models": {
      const section = differenceSection(comparison.title, comparison.difference, (change) => locations.locate(change));
      return { ...section, detail: modelsDetail(comparison, section.status === "ok") };
    }
    case "drift": {
      // What was done by hand already happened: a reviewer's warnings (locks, casts) are about
      // running a migration, so they are left out here.
      const section = differenceSection(comparison.title, comparison.difference);
      const status = section.status === "destructive" ? "changes" : section.status;
      const items = section.items.map((item) => ({ ...item, warnings: [], destructive: false }));
      return { ...section, status, items, detail: driftDetail(status === "ok") };
    }
    default: {
      const unknown: never = comparison.kind;
      throw new Error(`unknown check comparison ${String(unknown)}`);
    }
  }
}

function modelsDetail(comparison: CheckComparison, inStep: boolean): string {
  const where = comparison.against === "migrations" ? "the migrations" : "the database";
  if (inStep) return `In step: the models match ${where}; there is nothing to migrate.`;
  return `The models have changes that no migration makes: run \`tidemark revision --autogenerate -m "..."\` to write one.`;
}

function driftDetail(inStep: boolean): string {
  if (inStep) return "No drift: the database is what its migrations make it.";
  return "Drift: the database differs from what its migrations make it (changes made by hand). Put them in the models and a migration, or undo them.";
}
