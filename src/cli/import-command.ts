import type { CommandSpec } from "./command-spec.js";
import { SHADOW_URL_HELP, URL_HELP } from "./option-values.js";

/** `tidemark import drizzle-kit <folder>`: a drizzle-kit migrations folder as a tidemark chain (issue 9). */
export const importCommand: CommandSpec = {
  name: "import",
  summary: "Turn a drizzle-kit migrations folder into tidemark migrations",
  usage: "tidemark import drizzle-kit [<folder>] [--url URL] [--no-stamp] [--shadow-url URL]",
  example: "tidemark import drizzle-kit drizzle",
  options: {
    url: { type: "string" },
    "no-stamp": { type: "boolean" },
    "shadow-url": { type: "string" },
  },
  optionHelp: [
    "folder: drizzle-kit's migrations folder (default: drizzle.config.ts's `out`, else drizzle)",
    URL_HELP,
    "--no-stamp          write the migrations only; do not mark what drizzle-kit applied as applied",
    SHADOW_URL_HELP,
  ],
  run: async (context) => (await import("./import-run.js")).runImport(context),
};
