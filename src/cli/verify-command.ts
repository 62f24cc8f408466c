import type { CommandSpec } from "./command-spec.js";
import { UsageError } from "./usage-error.js";

// STUB: replaced by the verify helper
export const verifyCommand: CommandSpec = {
  name: "verify",
  summary: "Verify (not yet built)",
  usage: "tidemark verify",
  example: "tidemark verify",
  options: {},
  optionHelp: [],
  run: () => Promise.reject(new UsageError("not yet built", "verify")),
};
