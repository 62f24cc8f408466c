import type { CommandSpec } from "./command-spec.js";
import { UsageError } from "./usage-error.js";

// STUB: replaced by the diff helper
export const diffCommand: CommandSpec = {
  name: "diff",
  summary: "Diff (not yet built)",
  usage: "tidemark diff",
  example: "tidemark diff",
  options: {},
  optionHelp: [],
  run: () => Promise.reject(new UsageError("not yet built", "diff")),
};
