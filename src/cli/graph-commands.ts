import type { CommandSpec } from "./command-spec.js";

const FORMAT = { format: { type: "string", default: "text" } } as const;
const FORMAT_HELP = "--format FORMAT     text (default) or json";

export const headsCommand: CommandSpec = {
  name: "heads",
  summary: "Show the head revisions of the migrations",
  usage: "tidemark heads [--verbose] [--format text|json]",
  example: "tidemark heads --verbose",
  options: { verbose: { type: "boolean", short: "v" }, ...FORMAT },
  optionHelp: ["-v, --verbose       every field of each head", FORMAT_HELP],
  run: async (context) => (await import("./graph-run.js")).runHeads(context),
};

export const branchesCommand: CommandSpec = {
  name: "branches",
  summary: "Show the revisions where the history branches",
  usage: "tidemark branches [--verbose] [--format text|json]",
  example: "tidemark branches",
  options: { verbose: { type: "boolean", short: "v" }, ...FORMAT },
  optionHelp: ["-v, --verbose       every field of each branch point", FORMAT_HELP],
  run: async (context) => (await import("./graph-run.js")).runBranches(context),
};

export const showCommand: CommandSpec = {
  name: "show",
  summary: "Show one revision",
  usage: "tidemark show <rev> [--format text|json]",
  example: "tidemark show head",
  options: { ...FORMAT },
  optionHelp: ["rev: a full or partial revision id, head, or <label>@head", FORMAT_HELP],
  run: async (context) => (await import("./graph-run.js")).runShow(context),
};

export const historyCommand: CommandSpec = {
  name: "history",
  summary: "List revisions, newest first",
  usage: "tidemark history [-r start:end] [--verbose] [--indicate-current] [--format text|json]",
  example: "tidemark history -r base:head --verbose",
  options: {
    rev: { type: "string", short: "r" },
    verbose: { type: "boolean", short: "v" },
    "indicate-current": { type: "boolean", short: "i" },
    url: { type: "string" },
    ...FORMAT,
  },
  optionHelp: [
    "-r, --rev RANGE     start:end, either side optional (base:head by default)",
    "-v, --verbose       every field of each revision",
    "-i, --indicate-current  mark the database's current revisions (connects to it)",
    "--url URL           the database for --indicate-current and ranges from current",
    FORMAT_HELP,
  ],
  run: async (context) => (await import("./graph-run.js")).runHistory(context),
};
