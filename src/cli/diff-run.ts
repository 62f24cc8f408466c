import type { SchemaDifference } from "../commands/compare-databases.js";
import { diffSources } from "../commands/diff-sources.js";
import { openProject, type Project } from "../commands/open-project.js";
import { describeSource, parseSchemaSource, type SchemaSource } from "../commands/schema-source.js";
import { redactUrl } from "../driver/redact-url.js";
import { readModelLocations } from "../model/model-locations.js";
import type { CommandContext } from "./command-spec.js";
import type { ExitCode } from "./exit-codes.js";
import { formatOption, projectInput, stringList, stringValue } from "./option-values.js";
import { differenceSection } from "./report/difference-section.js";
import { renderReport } from "./report/render-report.js";
import { reportExitCode, type Report, type ReportSection } from "./report/report.js";
import { sqlScript } from "./report/sql-script.js";
import { UsageError } from "./usage-error.js";

/** What `diff` prints: SQL for psql (default), the terminal summary, or a report format. */
export const DIFF_FORMATS = ["sql", "summary", "json", "github", "markdown"] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** `tidemark diff`: see diffCommand for its options. */
export async function runDiff(context: CommandContext): Promise<ExitCode> {
  if (context.positionals.length > 0) throw new UsageError(`Unexpected argument '${context.positionals[0] ?? ""}'.`, "diff");
  const from = sourceOption(context, "from");
  const to = sourceOption(context, "to");
  const format = formatOption(context, "diff", DIFF_FORMATS);
  context.progress.phase("reading the config");
  const project = await openProject(projectInput(context));
  context.progress.phase(`reading ${describeSource(from)} and ${describeSource(to)}, and comparing them`);
  const difference = await diffSources(project, from, to, { schemas: stringList(context.values["schema"]) });
  if (from.kind === "models" || to.kind === "models") context.progress.phase("locating the changes in the model files");
  const section = await diffSection(project, from, to, difference);
  const report: Report = { command: "diff", sections: [section] };
  printReport(context, report, section, format);
  return reportExitCode(report);
}

function sourceOption(context: CommandContext, name: "from" | "to"): SchemaSource {
  const value = stringValue(context.values[name]);
  if (value === undefined) throw new UsageError(`Missing --${name}: give a database URL, db, models, migrations[@rev] or empty.`, "diff");
  return parseSchemaSource(value, `--${name}`);
}

/** The difference as a report section titled `<from> → <to>`; model lines when the models are a side. */
async function diffSection(project: Project, from: SchemaSource, to: SchemaSource, difference: SchemaDifference): Promise<ReportSection> {
  const title = `${sourceTitle(from, project)} → ${sourceTitle(to, project)}`;
  if (from.kind !== "models" && to.kind !== "models") return differenceSection(title, difference);
  const locations = await readModelLocations(project.config.root, project.config.schemaGlobs, { casing: project.config.casing });
  return differenceSection(title, difference, (change) => locations.locate(change));
}

/** A source in a heading: the project's database with its URL, every URL without its password. */
function sourceTitle(source: SchemaSource, project: Project): string {
  return source.kind === "db" ? `db (${redactUrl(project.url)})` : describeSource(source);
}

function printReport(context: CommandContext, report: Report, section: ReportSection, format: DiffFormat): void {
  const render = { color: context.color === true, cwd: context.cwd };
  switch (format) {
    case "sql": {
      printUnsupported(context, section);
      const script = sqlScript(section);
      if (script !== "") context.out.print(script.trimEnd());
      return;
    }
    case "summary":
      printUnsupported(context, section);
      context.out.print(renderReport(report, "text", render).trimEnd());
      return;
    case "json":
    case "github":
    case "markdown": {
      const text = renderReport(report, format, render).trimEnd();
      if (text !== "") context.out.print(text);
      return;
    }
    default: {
      const unknown: never = format;
      throw new Error(`unknown diff format ${String(unknown)}`);
    }
  }
}

/** One stderr line per unmanaged object that differs: it counts as a difference, but no SQL is written for it. */
function printUnsupported(context: CommandContext, section: ReportSection): void {
  for (const name of section.unsupported) {
    context.out.error(`unsupported: ${name} differs; tidemark does not manage it, so no SQL is written for it`);
  }
}
