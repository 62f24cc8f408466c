import { loadGraph } from "../commands/load-graph.js";
import { currentOfProject, stampProject } from "../commands/migrate.js";
import { openProject } from "../commands/open-project.js";
import { atHeads, DatabaseNotAtHeadError } from "../commands/command-errors.js";
import type { CommandSpec } from "./command-spec.js";
import { EXIT } from "./exit-codes.js";
import { revisionJson, revisionsText } from "./format-revision.js";
import { formatOption, projectInput, URL_HELP } from "./option-values.js";
import { UsageError } from "./usage-error.js";


export const currentCommand: CommandSpec = {
  name: "current",
  summary: "Show the database's current revision(s)",
  usage: "tidemark current [--verbose] [--check-heads] [--url URL] [--format text|json]",
  example: "tidemark current --check-heads",
  options: {
    url: { type: "string" },
    verbose: { type: "boolean", short: "v" },
    "check-heads": { type: "boolean" },
    format: { type: "string", default: "text" },
  },
  optionHelp: [
    URL_HELP,
    "-v, --verbose       every field of each current revision",
    "--check-heads       fail (exit 1) unless the database is at the migrations' head(s)",
    "--format FORMAT     text (default) or json",
  ],
  async run(context) {
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
  },
};

export const stampCommand: CommandSpec = {
  name: "stamp",
  summary: "Mark the database as being at revision(s) without running migrations",
  usage: "tidemark stamp <rev...> [--purge] [--url URL]",
  example: "tidemark stamp head",
  options: { url: { type: "string" }, purge: { type: "boolean" } },
  optionHelp: [
    "rev: head, heads, base, or revision ids (several for several branches)",
    "--purge             empty the version table first (even of revisions that no longer exist)",
    URL_HELP,
  ],
  async run(context) {
    if (context.positionals.length === 0) throw new UsageError("Missing revision to stamp.", "stamp");
    const project = await openProject(projectInput(context));
    const result = await stampProject(project, context.positionals, context.values["purge"] === true);
    context.out.print(`Stamped: the database is at ${result.rowsAfter.length === 0 ? "base" : result.rowsAfter.join(", ")}.`);
    return EXIT.ok;
  },
};
