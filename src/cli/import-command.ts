import type { CommandSpec } from "./command-spec.js";
import { UsageError } from "./usage-error.js";

/** `tidemark import drizzle-kit <folder>`: a drizzle-kit migrations folder as a tidemark chain (issue 9). */
export const importCommand: CommandSpec = {
  name: "import",
  summary: "Turn a drizzle-kit migrations folder into tidemark migrations",
  usage: "tidemark import drizzle-kit <folder>",
  example: "tidemark import drizzle-kit drizzle",
  options: {},
  optionHelp: [],
  run: () => Promise.reject(new UsageError("`tidemark import` is not built yet.", "import")),
};
