import type { CommandSpec } from "./command-spec.js";
import { UsageError } from "./usage-error.js";

// STUB: replaced by the check helper
export const checkCommand: CommandSpec = {
  name: "check",
  summary: "Check (not yet built)",
  usage: "tidemark check",
  example: "tidemark check",
  options: {},
  optionHelp: [],
  run: () => Promise.reject(new UsageError("not yet built", "check")),
};
