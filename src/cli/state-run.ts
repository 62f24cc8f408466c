import { loadGraph } from "../commands/load-graph.js";
import { currentOfProject, stampProject } from "../commands/migrate.js";
import { openProject } from "../commands/open-project.js";
import { atHeads, DatabaseNotAtHeadError } from "../commands/command-errors.js";
import type { CommandContext } from "./command-spec.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import { revisionJson, revisionsText } from "./format-revision.js";
import { formatOption, projectInput } from "./option-values.js";
import { UsageError } from "./usage-error.js";

/** `tidemark current`: see currentCommand for its options. */
export async function runCurrent(context: CommandContext): Promise<ExitCode> {
  const format = formatOption(context, "current", ["text", "json"] as const);
  const project = await openProject(projectInput(context));
  const graph = await loadGraph(project.config);
  const rows = await currentOfProject(project);
  const heads = graph.heads();
  const upToDate = atHeads(rows, heads);
  const metas = rows.map((row) => graph.get(row));
  if (format === "json") {
    context.out.print(JSON.stringify({ current: metas.map((meta) => revisionJson(meta, { head: heads.includes(meta.revision) })), atHeads: upToDate }, null, 2));
  } else {
    const options = { verbose: context.values["verbose"] === true, cwd: context.cwd, empty: "(base: no revision applied)" };
    context.out.print(revisionsText(metas, (meta) => ({ head: heads.includes(meta.revision) }), options));
  }
  if (context.values["check-heads"] === true && !upToDate) throw new DatabaseNotAtHeadError(rows, heads);
  return EXIT.ok;
}

/** `tidemark stamp`: see stampCommand for its options. */
export async function runStamp(context: CommandContext): Promise<ExitCode> {
  if (context.positionals.length === 0) throw new UsageError("Missing revision to stamp.", "stamp");
  const project = await openProject(projectInput(context));
  const result = await stampProject(project, context.positionals, context.values["purge"] === true);
  context.out.print(`Stamped: the database is at ${result.rowsAfter.length === 0 ? "base" : result.rowsAfter.join(", ")}.`);
  return EXIT.ok;
}
