import type { CommandSpec } from "./command-spec.js";
import { URL_HELP } from "./option-values.js";

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
  run: async (context) => (await import("./inspect-run.js")).runInspect(context),
};
