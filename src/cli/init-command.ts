import type { CommandSpec } from "./command-spec.js";
import { UsageError } from "./usage-error.js";

/** `tidemark init`: a new project's config, models folder and migrations folder (issue 9). */
export const initCommand: CommandSpec = {
  name: "init",
  summary: "Create generator.config.ts, schema/ and migrations/ in this folder",
  usage: "tidemark init",
  example: "tidemark init",
  options: {},
  optionHelp: [],
  run: () => Promise.reject(new UsageError("`tidemark init` is not built yet.", "init")),
};
