import type { CommandSpec } from "./command-spec.js";
import { SHADOW_URL_HELP, URL_HELP } from "./option-values.js";

export const checkCommand: CommandSpec = {
  name: "check",
  summary: "Check that the models match the migrations (and the database, with --db-drift)",
  usage: "tidemark check [--against migrations|db] [--db-drift] [--url URL] [--shadow-url URL] [--format text|json|github|markdown]",
  example: "tidemark check --db-drift --format github",
  options: {
    against: { type: "string", default: "migrations" },
    "db-drift": { type: "boolean" },
    url: { type: "string" },
    "shadow-url": { type: "string" },
    format: { type: "string", default: "text" },
  },
  optionHelp: [
    "--against WHAT      migrations (default: replayed from base to head in a scratch database) or db (the database, at head)",
    "--db-drift          also compare the database with what the migrations produce at its revision (changes made by hand)",
    URL_HELP,
    SHADOW_URL_HELP,
    "--format FORMAT     text (default), json, github (workflow annotations) or markdown (a pull-request comment)",
    "Exit: 0 in step, 2 pending changes or drift, 3 a pending change drops data, 1 error.",
  ],
  run: async (context) => (await import("./check-run.js")).runCheck(context),
};
