import type { CommandSpec } from "./command-spec.js";
import { GLOBAL_HELP } from "./global-options.js";

/** `tidemark --help`: every command with its summary, and the global options. */
export function generalHelp(commands: readonly CommandSpec[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    "tidemark: schema migrations for PostgreSQL from drizzle-orm models",
    "",
    "Usage: tidemark <command> [options]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    "",
    "Options:",
    ...GLOBAL_HELP.map((line) => `  ${line}`),
    "  -V, --version       print the version",
    "",
    "Run `tidemark <command> --help` (or `tidemark help <command>`) for a command's options and an example.",
  ].join("\n");
}

/** `tidemark <command> --help`: what it does, its usage, options and an example. */
export function commandHelp(command: CommandSpec): string {
  return [
    `${command.summary}.`,
    "",
    `Usage: ${command.usage}`,
    "",
    "Options:",
    ...[...command.optionHelp, ...GLOBAL_HELP].map((line) => `  ${line}`),
    "",
    "Example:",
    `  ${command.example}`,
  ].join("\n");
}
