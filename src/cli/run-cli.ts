import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { CommandSpec, OptionSpecs } from "./command-spec.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import { checkCommand } from "./check-command.js";
import { diffCommand } from "./diff-command.js";
import { branchesCommand, headsCommand, historyCommand, showCommand } from "./graph-commands.js";
import { importCommand } from "./import-command.js";
import { initCommand } from "./init-command.js";
import { inspectCommand } from "./inspect-command.js";
import { downgradeCommand, upgradeCommand } from "./migrate-commands.js";
import type { Output } from "./output.js";
import { reportError } from "./report-error.js";
import { mergeCommand } from "./merge-command.js";
import { revisionCommand } from "./revision-command.js";
import { currentCommand, stampCommand } from "./state-commands.js";
import { verifyCommand } from "./verify-command.js";
import { UsageError } from "./usage-error.js";

const COMMANDS: readonly CommandSpec[] = [
  initCommand,
  revisionCommand,
  upgradeCommand,
  downgradeCommand,
  currentCommand,
  historyCommand,
  headsCommand,
  branchesCommand,
  showCommand,
  stampCommand,
  mergeCommand,
  checkCommand,
  diffCommand,
  verifyCommand,
  inspectCommand,
  importCommand,
];

const GLOBAL_OPTIONS: OptionSpecs = {
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "V" },
  debug: { type: "boolean" },
  config: { type: "string", short: "c" },
};

const GLOBAL_HELP = [
  "--config FILE     the config file (default: generator.config.ts)",
  "--debug           print stack traces with errors",
  "-h, --help        this help",
];

export interface CliEnvironment {
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly out: Output;
  readonly color?: boolean;
  readonly ask?: (question: string) => Promise<string>;
}

/** Runs one command line; every error ends here, as one line and an exit code. */
export async function runCli(environment: CliEnvironment): Promise<ExitCode> {
  const debug = environment.argv.includes("--debug");
  try {
    return await dispatch(environment);
  } catch (error) {
    return reportError(error, environment.out, debug);
  }
}

async function dispatch({ argv: given, cwd, env, out, ask, color }: CliEnvironment): Promise<ExitCode> {
  const argv = relativeTargetsLast(given);
  const name = commandName(argv);
  const command = COMMANDS.find((spec) => spec.name === name);
  if (name !== undefined && command === undefined) throw new UsageError(`Unknown command '${name}'.`);
  const { values, positionals } = parse(argv, command);
  if (values["version"] === true) {
    out.print(packageVersion());
    return EXIT.ok;
  }
  if (command === undefined || values["help"] === true) {
    out.print(command === undefined ? generalHelp() : commandHelp(command));
    return command === undefined && values["help"] !== true ? EXIT.error : EXIT.ok;
  }
  return command.run({ values, positionals: positionals.slice(1), cwd, env, out, color: color === true, ...(ask === undefined ? {} : { ask }) });
}

/** The first positional, with every command's options known, so `--url x inspect` finds `inspect`. */
function commandName(argv: readonly string[]): string | undefined {
  const options = Object.assign({}, GLOBAL_OPTIONS, ...COMMANDS.map((spec) => spec.options)) as OptionSpecs;
  return parseArgs({ args: [...argv], options, allowPositionals: true, strict: false }).positionals[0];
}

/**
 * `downgrade -1` names a relative revision, not an option: such words go after `--`, where the
 * argument parser takes them as positionals (in their order).
 */
function relativeTargetsLast(argv: readonly string[]): readonly string[] {
  if (argv.includes("--")) return argv;
  const relative = argv.filter((arg) => /^-\d+$/.test(arg));
  if (relative.length === 0) return argv;
  return [...argv.filter((arg) => !/^-\d+$/.test(arg)), "--", ...relative];
}

function parse(argv: readonly string[], command: CommandSpec | undefined) {
  try {
    return parseArgs({
      args: [...argv],
      options: { ...GLOBAL_OPTIONS, ...command?.options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] ?? "" : String(error);
    throw new UsageError(message.replace(/\. To specify a positional argument.*$/, "."), command?.name);
  }
}

function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return [
    "tidemark: schema migrations for PostgreSQL from drizzle-orm models",
    "",
    "Usage: tidemark <command> [options]",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    "",
    "Options:",
    ...GLOBAL_HELP.map((line) => `  ${line}`),
    "  -V, --version     print the version",
    "",
    "Run `tidemark <command> --help` for a command's options and an example.",
  ].join("\n");
}

function commandHelp(command: CommandSpec): string {
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

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return manifest.version;
}
