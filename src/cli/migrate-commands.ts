import type { CommandSpec } from "./command-spec.js";
import { URL_HELP } from "./option-values.js";

const RUN_OPTIONS = {
  url: { type: "string" },
  sql: { type: "boolean" },
  "tx-mode": { type: "string", default: "each" },
  "lock-timeout": { type: "string" },
  format: { type: "string", default: "text" },
} as const;

const RUN_HELP = [
  URL_HELP,
  "--sql               print the SQL instead of running it (offline: no database needed)",
  "--tx-mode MODE      each (default: a transaction per migration), all (one for the run), none",
  "--lock-timeout S    seconds to wait for another deploy's lock (default 60)",
  "--format FORMAT     text (default: a line per migration as it runs) or json",
];

export const upgradeCommand: CommandSpec = {
  name: "upgrade",
  summary: "Apply migrations up to a target (default head)",
  usage: "tidemark upgrade [target] [--sql] [--tx-mode each|all|none] [--lock-timeout S] [--url URL]",
  example: "tidemark upgrade head",
  options: RUN_OPTIONS,
  optionHelp: ["target: head (default), heads, +N, <rev>, <rev>+N, <label>@head; with --sql, [start:]end", ...RUN_HELP],
  run: async (context) => (await import("./migrate-run.js")).runMigrations(context, "upgrade"),
};

export const downgradeCommand: CommandSpec = {
  name: "downgrade",
  summary: "Revert migrations down to a target",
  usage: "tidemark downgrade <target> [--sql] [--tx-mode each|all|none] [--lock-timeout S] [--url URL]",
  example: "tidemark downgrade -1",
  options: RUN_OPTIONS,
  optionHelp: ["target: -N, <rev>, <rev>-N, base, <label>@base; with --sql, <from>:<to>", ...RUN_HELP],
  run: async (context) => (await import("./migrate-run.js")).runMigrations(context, "downgrade"),
};
