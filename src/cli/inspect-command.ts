import { inspectDatabase } from "../commands/inspect.js";
import { loadConfig } from "../config/load-config.js";
import { readEnvFile } from "../config/env-file.js";
import { resolveDatabaseUrl } from "../config/database-url.js";
import type { CommandContext, CommandSpec } from "./command-spec.js";
import { EXIT } from "./exit-codes.js";
import { formatSchemaSummary } from "./format-summary.js";
import { UsageError } from "./usage-error.js";

const FORMATS = ["summary", "json"] as const;

export const inspectCommand: CommandSpec = {
  name: "inspect",
  summary: "Print the schema of a database as tidemark reads it",
  usage: "tidemark inspect [--url URL] [--format summary|json]",
  example: "tidemark inspect --url postgres://app@localhost:5432/app --format json",
  options: {
    url: { type: "string" },
    format: { type: "string", default: "summary" },
  },
  optionHelp: [
    "--url URL         the database (default: DATABASE_URL, .env, the config, then the embedded .tidemark/db)",
    "--format FORMAT   summary (default) or json (the IR, for scripts)",
  ],
  async run(context: CommandContext) {
    const format = context.values["format"];
    if (!FORMATS.some((known) => known === format)) {
      throw new UsageError(`Unknown --format '${String(format)}': use summary or json.`, "inspect");
    }
    const config = await loadConfig(context.cwd, stringValue(context.values["config"]));
    const { url } = resolveDatabaseUrl({
      flag: stringValue(context.values["url"]),
      env: context.env,
      envFile: await readEnvFile(config.root),
      config: config.databaseUrl,
    });
    const schema = await inspectDatabase(config, url);
    context.out.print(format === "json" ? JSON.stringify(schema, null, 2) : formatSchemaSummary(schema));
    return EXIT.ok;
  },
};

function stringValue(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
