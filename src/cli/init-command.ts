import type { CommandSpec } from "./command-spec.js";

/** `tidemark init`: a new project's config, models folder and migrations folder (issue 9). */
export const initCommand: CommandSpec = {
  name: "init",
  summary: "Create generator.config.ts, schema/ and migrations/ in this folder",
  usage: "tidemark init",
  example: "tidemark init",
  options: {},
  optionHelp: ["Takes the models, schemaFilter and casing from drizzle.config.ts when there is one."],
  run: async (context) => (await import("./init-run.js")).runInit(context),
};
