import { inspectDatabase } from "../commands/inspect.js";
import { openProject } from "../commands/open-project.js";
import type { CommandContext } from "./command-spec.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import { formatSchemaSummary } from "./format-summary.js";
import { formatOption, projectInput } from "./option-values.js";

/** `tidemark inspect`: see inspectCommand for its options. */
export async function runInspect(context: CommandContext): Promise<ExitCode> {
  const format = formatOption(context, "inspect", ["summary", "json"] as const);
  context.progress.phase("reading the config");
  const project = await openProject(projectInput(context));
  context.progress.phase("reading the database's catalog");
  const schema = await inspectDatabase(project);
  context.out.print(format === "json" ? JSON.stringify(schema, null, 2) : formatSchemaSummary(schema));
  return EXIT.ok;
}
