import { inspectDatabase } from "../commands/inspect.js";
import { openProject } from "../commands/open-project.js";
import type { CommandContext, CommandSpec } from "./command-spec.js";
import { EXIT } from "./exit-codes.js";
import { formatSchemaSummary } from "./format-summary.js";
import { formatOption, projectInput, URL_HELP } from "./option-values.js";

export const inspectCommand: CommandSpec = {
  name: "inspect",
  summary: "Print the schema of a database as tidemark reads it",
  usage: "tidemark inspect [--url URL] [--format summary|json]",
  example: "tidemark inspect --url postgres://app@localhost:5432/app --format json",
  options: {
    url: { type: "string" },
    format: { type: "string", default: "summary" },
  },
  optionHelp: [
    URL_HELP,
    "--format FORMAT     summary (default) or json (the IR, for scripts)",
  ],
  async run(context: CommandContext) {
    const format = formatOption(context, "inspect", ["summary", "json"] as const);
    context.progress.phase("reading the config");
    const project = await openProject(projectInput(context));
    context.progress.phase("reading the database's catalog");
    const schema = await inspectDatabase(project);
    context.out.print(format === "json" ? JSON.stringify(schema, null, 2) : formatSchemaSummary(schema));
    return EXIT.ok;
  },
};
