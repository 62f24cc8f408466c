import type { CommandSpec } from "./command-spec.js";
import { URL_HELP } from "./option-values.js";

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
  run: async (context) => (await import("./state-run.js")).runCurrent(context),
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
  run: async (context) => (await import("./state-run.js")).runStamp(context),
};
