import type { CommandSpec } from "./command-spec.js";
import { SHADOW_URL_HELP, URL_HELP } from "./option-values.js";

export const diffCommand: CommandSpec = {
  name: "diff",
  summary: "Print the SQL that takes one schema to another (databases, models, migrations)",
  usage: "tidemark diff --from SRC --to SRC [--format sql|summary|json|github|markdown] [--schema NAME]... [--url URL] [--shadow-url URL]",
  example: "tidemark diff --from postgres://localhost/prod --to migrations > fix.sql",
  options: {
    from: { type: "string" },
    to: { type: "string" },
    format: { type: "string", default: "sql" },
    schema: { type: "string", multiple: true },
    url: { type: "string" },
    "shadow-url": { type: "string" },
  },
  optionHelp: [
    "--from SRC          the schema to start from (required)",
    "--to SRC            the schema to reach (required)",
    "                    SRC: a database URL (postgres://, postgresql://, pglite://), db (the project's database),",
    "                    models, migrations or migrations@<rev> (replayed in a scratch database), empty",
    "--format FORMAT     sql (default: statements for psql), summary, json, github or markdown",
    "--schema NAME       a schema to compare, repeatable (default: the config's schemaFilter)",
    URL_HELP,
    SHADOW_URL_HELP,
    "Exit: 0 nothing differs, 2 something does (unsupported objects too, named on stderr), 1 error.",
  ],
  run: async (context) => (await import("./diff-run.js")).runDiff(context),
};
