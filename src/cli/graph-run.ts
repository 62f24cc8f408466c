import { loadGraph } from "../commands/load-graph.js";
import { resolveRevision } from "../commands/resolve-revision.js";
import { currentOfProject } from "../commands/migrate.js";
import { openProject } from "../commands/open-project.js";
import type { MigrationMeta } from "../runner/migration-meta.js";
import type { RevisionGraph } from "../runner/revision-graph.js";
import type { CommandContext } from "./command-spec.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import { revisionDetails, revisionJson, revisionsText, type RevisionMarks } from "./format-revision.js";
import { formatOption, onePositional, projectInput, stringValue } from "./option-values.js";

/** Reads the graph of the project the command runs in. */
async function graphOf(context: CommandContext): Promise<RevisionGraph> {
  return loadGraph((await openProject(projectInput(context))).config);
}

function marksOf(graph: RevisionGraph, meta: MigrationMeta, current: ReadonlySet<string> = new Set()): RevisionMarks {
  return {
    head: graph.heads().includes(meta.revision),
    branchPoint: graph.children(meta.revision).length > 1,
    current: current.has(meta.revision),
  };
}

function print(context: CommandContext, name: string, graph: RevisionGraph, metas: readonly MigrationMeta[], current?: ReadonlySet<string>): void {
  const format = formatOption(context, name, ["text", "json"] as const);
  if (format === "json") {
    context.out.print(JSON.stringify(metas.map((meta) => revisionJson(meta, marksOf(graph, meta, current))), null, 2));
    return;
  }
  const options = { verbose: context.values["verbose"] === true, cwd: context.cwd, empty: "(no revisions)" };
  context.out.print(revisionsText(metas, (meta) => marksOf(graph, meta, current), options));
}

/** `tidemark heads`: see headsCommand for its options. */
export async function runHeads(context: CommandContext): Promise<ExitCode> {
  const graph = await graphOf(context);
  print(context, "heads", graph, graph.heads().map((revision) => graph.get(revision)));
  return EXIT.ok;
}

/** `tidemark branches`: see branchesCommand for its options. */
export async function runBranches(context: CommandContext): Promise<ExitCode> {
  const graph = await graphOf(context);
  print(context, "branches", graph, graph.branchPoints().map((revision) => graph.get(revision)));
  return EXIT.ok;
}

/** `tidemark show`: see showCommand for its options. */
export async function runShow(context: CommandContext): Promise<ExitCode> {
  const graph = await graphOf(context);
  const meta = resolveRevision(graph, onePositional(context, "show", "revision"));
  const format = formatOption(context, "show", ["text", "json"] as const);
  const marks = marksOf(graph, meta);
  context.out.print(format === "json" ? JSON.stringify(revisionJson(meta, marks), null, 2) : revisionDetails(meta, marks, context.cwd));
  return EXIT.ok;
}

/** `tidemark history`: see historyCommand for its options. */
export async function runHistory(context: CommandContext): Promise<ExitCode> {
  const project = await openProject(projectInput(context));
  const graph = await loadGraph(project.config);
  const range = stringValue(context.values["rev"]);
  // `-r current:` counts from the database, as --indicate-current marks it: both connect.
  const needsDatabase = context.values["indicate-current"] === true || /current|(^|:)[+-]\d/.test(range ?? "");
  const rows = needsDatabase ? await currentOfProject(project) : undefined;
  const current = context.values["indicate-current"] === true ? new Set(rows) : new Set<string>();
  print(context, "history", graph, graph.history(range, rows), current);
  return EXIT.ok;
}
